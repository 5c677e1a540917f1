/**
 * A short message on the page itself, for what must be said after the compose window is gone (the check before
 * sending did not run, and the message left anyway). Text only, in its own shadow root (closed in production),
 * recognised as ours through own-ui.ts; it goes by itself after a few seconds.
 */
import { TEST_HOOKS } from '../build-flags';
import { markOwn } from './own-ui';

const STYLE =
  'margin:0;max-width:440px;padding:10px 14px;border-radius:6px;background:#5c2b00;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)';

export function showNotice(doc: Document, text: string, ms = 10000, hooks = TEST_HOOKS): HTMLElement {
  const host = doc.createElement('div');
  markOwn(host);
  host.setAttribute('style', 'all:initial;position:fixed;left:16px;bottom:16px;z-index:2147483647');
  if (hooks) host.setAttribute('data-prospect-guard-notice', '');
  const p = doc.createElement('p');
  p.setAttribute('role', 'status');
  p.setAttribute('style', STYLE);
  p.textContent = text;
  host.attachShadow({ mode: hooks ? 'open' : 'closed' }).appendChild(p);
  (doc.body ?? doc.documentElement).appendChild(host);
  setTimeout(() => host.remove(), ms);
  return host;
}
