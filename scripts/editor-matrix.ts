/**
 * `npm run docs:editors`: runs the editor matrix (e2e/editors.e2e.ts: the extension's overlay inserting into each
 * real editor from npm, in Chromium and Firefox) and writes its results as a table into the README, between the
 * markers below, with the date and the browsers' versions. The table is measured, never typed: each run writes
 * .tmp/editor-matrix-<browser>.json and this script renders those files. `--no-run` renders the last results only.
 * Exits non-zero when the test run failed (the table then shows the failures).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EDITORS, type EditorName } from '../e2e/editors/build';
import type { Row } from '../e2e/editors.e2e';

const ROOT = resolve(import.meta.dirname, '..');
export const BEGIN = '<!-- editor-matrix:begin (npm run docs:editors) -->';
export const END = '<!-- editor-matrix:end -->';
const BROWSERS = ['chromium', 'firefox'] as const;

/** What each page of the matrix mounts, as npm packages (versions read from package.json). */
const PACKAGES: Record<EditorName, { label: string; packages: string[] }> = {
  textarea: { label: 'textarea', packages: [] },
  contenteditable: { label: 'contenteditable', packages: [] },
  tinymce: { label: 'TinyMCE (self-hosted)', packages: ['tinymce'] },
  quill: { label: 'Quill', packages: ['quill'] },
  roosterjs: { label: 'roosterjs', packages: ['roosterjs'] },
  ckeditor5: { label: 'CKEditor 5', packages: ['ckeditor5'] },
  prosemirror: { label: 'ProseMirror (example-setup, history)', packages: ['prosemirror-view', 'prosemirror-state', 'prosemirror-history'] },
  lexical: { label: 'Lexical rich text', packages: ['lexical', '@lexical/rich-text', '@lexical/history'] },
  'lexical-plain': { label: 'Lexical plain text', packages: ['lexical', '@lexical/plain-text', '@lexical/history'] },
  'react-textarea': { label: 'React-controlled textarea', packages: ['react'] },
  'react-contenteditable': { label: 'React-controlled contenteditable', packages: ['react'] },
};

interface Result {
  browser: (typeof BROWSERS)[number];
  version: string;
  date: string;
  rows: Row[];
}

const mark = (v: boolean | null | undefined): string => (v === null ? '—' : v === true ? '✓' : v === false ? '✗' : 'not reached');

export function renderTable(results: Result[], versions: Record<string, string>): string {
  const dates = results.map((r) => r.date.slice(0, 10));
  const lines = [
    `Measured on ${[...new Set(dates)].join(', ')} by \`npm run docs:editors\` (\`e2e/editors.e2e.ts\`) in ` +
      `${results.map((r) => r.version).join(' and ')}, with the test build of the extension: the user types three ` +
      'lines with real key presses, adds a professional recipient, clicks "Insérer" in the overlay, then presses ' +
      'Ctrl+Z. *Insert* — the overlay says "Insérée" and the editor\'s own model (read through its API) holds the ' +
      "user's lines unchanged and in order, the introduction after the caret's line and the unsubscribe line at the " +
      'end; *DOM = model* — the page shows the same lines; *Ctrl+Z* — one Ctrl+Z returns the model to exactly what ' +
      'it was; *Focus* — the focus is back in the editor after Insert; *Send* — the React page\'s Send button, ' +
      'enabled only when React state has text, is enabled (— where there is none).',
    '',
    '| Editor | npm | Browser | Insert (model) | DOM = model | Ctrl+Z | Focus | Send |',
    '| --- | --- | --- | :-: | :-: | :-: | :-: | :-: |',
  ];
  for (const e of EDITORS) {
    const p = PACKAGES[e];
    const npm = p.packages.map((n) => `${n} ${versions[n] ?? '?'}`).join(', ') || '—';
    for (const r of results) {
      const row = r.rows.find((x) => x.editor === e);
      const cells = row ? [row.insert, row.domIsModel, row.undo, row.focus, row.send].map(mark) : Array(5).fill('not run');
      lines.push(`| ${p.label} | ${npm} | ${r.version.split(' ')[0]} | ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

export function withTable(readme: string, table: string): string | null {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) return null;
  return `${readme.slice(0, a + BEGIN.length)}\n${table}\n${readme.slice(b)}`;
}

function main(): void {
  let status = 0;
  if (!process.argv.includes('--no-run')) {
    const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '-c', 'e2e/vitest.config.ts', 'e2e/editors.e2e.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, PG_BROWSERS: BROWSERS.join(',') },
    });
    status = r.status ?? 1;
  }
  const results: Result[] = [];
  for (const b of BROWSERS) {
    const f = join(ROOT, '.tmp', `editor-matrix-${b}.json`);
    if (!existsSync(f)) {
      console.error(`${f.slice(ROOT.length + 1)} is missing: run npm run docs:editors (without --no-run)`);
      process.exit(1);
    }
    const r = JSON.parse(readFileSync(f, 'utf8')) as Result;
    if (!Array.isArray(r.rows)) {
      console.error(`${f.slice(ROOT.length + 1)} is from an older test run: run npm run docs:editors`);
      process.exit(1);
    }
    results.push(r);
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const readmePath = join(ROOT, 'README.md');
  const next = withTable(readFileSync(readmePath, 'utf8'), renderTable(results, pkg.devDependencies));
  if (next === null) {
    console.error(`README.md: the editor-matrix markers are missing (${BEGIN} … ${END})`);
    process.exit(1);
  }
  writeFileSync(readmePath, next);
  console.log(`README.md editor matrix written (${results.map((r) => `${r.version}, ${r.date}`).join('; ')})`);
  process.exit(status);
}

main();
