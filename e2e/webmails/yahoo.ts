/** Yahoo Mail's compose (src/sites/fixtures/yahoo-compose.html): its own contenteditable editor, pills as Yahoo renders them. */
import html from '../../src/sites/fixtures/yahoo-compose.html';
import { htmlLines } from '../editors/compose';

document.body.innerHTML = html;
const list = (f: string) => document.querySelector<HTMLElement>(`[data-test-id="container-${f}"] ul.pill-list`)!;
window.__clearRecipients = () => {
  for (const p of document.querySelectorAll('[data-test-id=compose] [data-test-id=pill]')) p.closest('li')!.remove();
  for (const i of document.querySelectorAll<HTMLInputElement>('[data-test-id=compose] li.pill-container input')) i.value = '';
};
window.__addRecipient = (f, name, address) => {
  const li = document.createElement('li');
  const pill = document.createElement('div');
  pill.setAttribute('data-test-id', 'pill');
  pill.className = 'pill';
  pill.title = name ? `${name} <${address}>` : address;
  pill.textContent = name || address;
  li.appendChild(pill);
  list(f).insertBefore(li, list(f).querySelector('li.pill-container'));
};
window.__clearRecipients();
const rte = document.querySelector<HTMLElement>('[data-test-id="rte"]')!;
rte.replaceChildren();
rte.style.cssText = 'min-height:200px;border:1px solid #ccc;padding:8px';
// Yahoo's editor is the browser's own contenteditable: its model is the DOM.
window.__editorModel = () => htmlLines(rte.innerHTML);
window.__editorReady = true;
