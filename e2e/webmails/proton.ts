/**
 * Proton Mail's composer (src/sites/fixtures/proton-compose.html): the real roosterjs 9 runs in the parent page on
 * #rooster-editor, written into the blank iframe that has no allow-scripts (as Proton's initRoosterEditor does).
 */
import { createEditor, exportContent, ShortcutPlugin } from 'roosterjs';
import html from '../../src/sites/fixtures/proton-compose.html';

document.body.innerHTML = html;
const areaOf = (f: string) => document.querySelector<HTMLElement>(`.composer [data-row="${f}"] .composer-addresses-container`)!;
window.__clearRecipients = () => {
  for (const c of document.querySelectorAll('.composer [data-testid="composer-addresses-item"]')) c.remove();
  for (const i of document.querySelectorAll<HTMLInputElement>('.composer input[data-testid^="composer:to"]')) i.value = '';
};
window.__addRecipient = (f, name, address) => {
  const item = document.createElement('div');
  item.className = 'composer-addresses-item';
  item.setAttribute('data-testid', 'composer-addresses-item');
  const label = document.createElement('span');
  label.setAttribute('data-testid', 'composer-addresses-item-label');
  label.textContent = name ? `${name} <${address}>` : address;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.setAttribute('data-testid', `remove-address-button-${address}`);
  item.append(label, remove);
  const area = areaOf(f);
  area.insertBefore(item, area.querySelector('input'));
};
window.__clearRecipients();
const frame = document.querySelector<HTMLIFrameElement>('iframe[data-testid="rooster-iframe"]')!;
frame.style.cssText = 'width:100%;height:260px;border:1px solid #ccc';
const doc = frame.contentDocument!;
doc.open();
doc.write('<!doctype html><html><head><style>html,body{height:100%;margin:0}#rooster-editor{min-height:100%;padding:8px;box-sizing:border-box;outline:0}</style></head><body><div id="rooster-editor" role="textbox" aria-multiline="true"></div></body></html>');
doc.close();
const editor = createEditor(doc.getElementById('rooster-editor') as HTMLDivElement, [new ShortcutPlugin()]);
window.__editorModel = () => exportContent(editor, 'PlainText').replace(/\r\n?/g, '\n').split('\n');
window.__editorReady = true;
