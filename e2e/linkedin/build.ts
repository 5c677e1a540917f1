/**
 * LinkedIn fixture pages for the browser tests: a fixture of src/sites/fixtures/linkedin/ (each names the public
 * sources of its markup), mounted in the light DOM or inside `#interop-outlet`'s open shadow root, with the page's
 * own React model (model.tsx, React 19 from npm, bundled here with esbuild): Send buttons that React enables only when
 * its state holds text, "Press Enter to send" on, and — like LinkedIn inside its shadow root — an editor that re-creates
 * its nodes when it gets the focus. One self-contained document: the page makes no request.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pageScript } from '../page-script';

const ROOT = resolve(import.meta.dirname, '..', '..');
export type Fixture = 'bubble' | 'messaging' | 'new-message' | 'inmail' | 'note';
export type Mode = 'light' | 'shadow';

let script: Promise<string> | null = null;
function modelScript(): Promise<string> {
  script ??= pageScript(join(ROOT, 'e2e/linkedin/model.tsx'));
  return script;
}

/** The page for a fixture in a layout, as HTML. */
export async function linkedinPage(fixture: Fixture, mode: Mode): Promise<string> {
  const body = readFileSync(join(ROOT, 'src/sites/fixtures/linkedin', `${fixture}.html`), 'utf8');
  return `<!doctype html><html lang="fr" data-mode="${mode}"><head><meta charset="utf-8"><title>LinkedIn</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f4f2ee}main{padding:16px}
.msg-overlay-conversation-bubble,.msg-thread,[role=dialog]{background:#fff;border:1px solid #ccc;border-radius:8px;width:420px;margin:12px;padding:8px}
.msg-form__contenteditable,textarea{min-height:80px;border:1px solid #ddd;padding:6px;width:95%}</style></head>
<body>${body}<script>${await modelScript()}</script></body></html>`;
}
