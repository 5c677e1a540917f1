/**
 * OX App Suite's compose window (src/sites/fixtures/ox-compose.html; Orange Mail runs App Suite) with the real TinyMCE
 * in the window's .editor (iframe mode); tokens as App Suite's tokenfield renders them.
 */
import html from '../../src/sites/fixtures/ox-compose.html';
import { mountTinymce } from './tinymce';

document.body.innerHTML = html;
const field = (f: string) => document.querySelector<HTMLElement>(`.io-ox-mail-compose-window [data-extension-id="${f}"] .tokenfield`)!;
window.__clearRecipients = () => {
  for (const t of document.querySelectorAll('.io-ox-mail-compose-window .token')) t.remove();
  for (const i of document.querySelectorAll<HTMLInputElement>('.io-ox-mail-compose-window input.tt-input')) i.value = '';
};
window.__addRecipient = (f, name, address) => {
  const token = document.createElement('div');
  token.className = 'token';
  token.title = name ? `${name} <${address}>` : address;
  const label = document.createElement('span');
  label.className = 'token-label';
  label.textContent = name || address;
  token.appendChild(label);
  field(f).insertBefore(token, field(f).querySelector('input'));
};
window.__clearRecipients();
document.querySelector('.editor .tox')!.remove();
const ta = document.createElement('textarea');
ta.id = 'mce_0';
document.querySelector('.editor')!.prepend(ta);
void mountTinymce(ta).then(() => {
  window.__editorReady = true;
});
