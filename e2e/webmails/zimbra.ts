/**
 * Zimbra's compose view (src/sites/fixtures/zimbra-compose.html) with the real TinyMCE over the editor's textarea
 * (ZmHtmlEditor1_body → iframe#ZmHtmlEditor1_body_ifr, as Zimbra's ZmHtmlEditor does); bubbles as Zimbra renders them.
 */
import html from '../../src/sites/fixtures/zimbra-compose.html';
import { mountTinymce } from './tinymce';

document.body.innerHTML = html;
const cell = (field: string) => document.querySelector<HTMLElement>(`#zv__COMPOSE-1_${field}_cell`)!;
window.__clearRecipients = () => {
  for (const b of document.querySelectorAll('#zv__COMPOSE-1 span.addrBubble')) b.remove();
  for (const i of document.querySelectorAll<HTMLInputElement>('#zv__COMPOSE-1 input.addrBubbleInput')) i.value = '';
};
window.__addRecipient = (field, name, address) => {
  const bubble = document.createElement('span');
  bubble.className = 'addrBubble';
  bubble.textContent = name ? `${name} <${address}>` : address;
  const c = cell(field);
  c.insertBefore(bubble, c.querySelector('input'));
};
window.__clearRecipients();
// The fixture's stand-in for TinyMCE's markup goes; the real one takes its place.
document.querySelector('.mce-tinymce')!.remove();
const ta = document.querySelector<HTMLTextAreaElement>('#ZmHtmlEditor1_body')!;
ta.style.display = '';
void mountTinymce(ta).then(() => {
  window.__editorReady = true;
});
