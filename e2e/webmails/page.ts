/**
 * The webmail pages of the browser scenarios (e2e/webmails.e2e.ts): each one is a site's fixture page
 * (src/sites/fixtures/<site>-compose.html, which names the public source of every selector) with the site's real
 * editor from npm mounted where the site has it (roosterjs for Outlook and Proton, TinyMCE for Zimbra and OX), bundled
 * with esbuild at test time into one self-contained HTML document (no request at all). The page also stands in for
 * the webmail's own recipient widget: `window.__addRecipient(field, name, address)` adds a chip in that site's markup,
 * `window.__clearRecipients()` removes them, as the site's code would after the user picked an address.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pageScript } from '../page-script';

const ROOT = resolve(import.meta.dirname, '..', '..');

declare global {
  interface Window {
    __addRecipient(field: 'to' | 'cc' | 'bcc', name: string, address: string): void;
    __clearRecipients(): void;
    /** The editor's own model, as lines (roosterjs' exportContent, TinyMCE's getContent). */
    __editorModel(): string[];
    __editorReady?: boolean;
  }
}

export type WebmailPage = 'outlook' | 'yahoo' | 'proton' | 'zimbra' | 'ox';

export async function webmailPage(name: WebmailPage, head = ''): Promise<string> {
  const js = await pageScript(join(ROOT, 'e2e/webmails', `${name}.ts`));
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${name}</title>${head}</head><body><script>${js}</script></body></html>`;
  const dir = join(ROOT, '.tmp', 'webmails');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.html`), html);
  return html;
}
