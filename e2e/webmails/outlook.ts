/**
 * Outlook on the web's compose (src/sites/fixtures/outlook-compose.html) with the real roosterjs 9 as its body editor
 * (Outlook's own editor), keyboard shortcuts included (Ctrl+Z through roosterjs' undo snapshots).
 */
import { createEditor, exportContent, ShortcutPlugin } from 'roosterjs';
import html from '../../src/sites/fixtures/outlook-compose.html';

document.body.innerHTML = html;
const style = document.createElement('style');
style.textContent = '.editor{min-height:200px;border:1px solid #ccc;padding:8px}.well{min-height:24px;border-bottom:1px solid #eee}.chip{margin-right:6px;background:#eef}';
document.head.appendChild(style);
const compose = document.querySelector<HTMLElement>('#docking_InitVisiblePart_0')!;
const wells = (field: string) => compose.querySelector<HTMLElement>(`[id$="_${field.toUpperCase()}"] [contenteditable=true]`)!;
window.__clearRecipients = () => {
  for (const f of ['to', 'cc']) wells(f).replaceChildren();
};
window.__addRecipient = (field, name, address) => {
  const chip = document.createElement('span');
  chip.setAttribute('contenteditable', 'false');
  chip.className = '_EType_RECIPIENT_ENTITY chip';
  chip.setAttribute('aria-label', address);
  const text = document.createElement('span');
  text.className = 'textContainer-522';
  text.textContent = name || address;
  chip.appendChild(text);
  wells(field).appendChild(chip);
};
window.__clearRecipients();
const body = compose.querySelector<HTMLDivElement>('[role=textbox][aria-multiline=true]')!;
body.replaceChildren();
const editor = createEditor(body, [new ShortcutPlugin()]);
window.__editorModel = () => exportContent(editor, 'PlainText').replace(/\r\n?/g, '\n').split('\n');
window.__editorReady = true;
