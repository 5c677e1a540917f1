/**
 * Bundles each editor page of the matrix with esbuild at test time (the real editors from npm, pinned in
 * package.json) into one self-contained HTML document under .tmp/editors/: the script and the editors' CSS inline,
 * so the page makes no request at all (TinyMCE's skins and model are bundled, not loaded from a CDN).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pageScript } from '../page-script';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The matrix: one entry file per editor in e2e/editors/. */
export const EDITORS = [
  'textarea',
  'contenteditable',
  'tinymce',
  'quill',
  'roosterjs',
  'ckeditor5',
  'prosemirror',
  'lexical',
  'lexical-plain',
  'react-textarea',
  'react-contenteditable',
] as const;
export type EditorName = (typeof EDITORS)[number];

/** The page for one editor, as HTML (also written to .tmp/editors/<name>.html for a look in a browser). */
export async function editorPage(name: EditorName): Promise<string> {
  const js = await pageScript(join(ROOT, 'e2e/editors', `${name}.ts`));
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${name}</title></head><body><script>${js}</script></body></html>`;
  const dir = join(ROOT, '.tmp', 'editors');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.html`), html);
  return html;
}
