/**
 * roosterjs 9 (Outlook on the web's and Proton's editor), with its default plugins plus the keyboard shortcuts
 * (Ctrl+Z through its own undo snapshots). Model: the content model exported as plain text.
 */
import { createEditor, exportContent, ShortcutPlugin } from 'roosterjs';
import { composeForm, ready } from './compose';

const { mount } = composeForm('roosterjs');
const div = document.createElement('div');
div.className = 'editable';
div.setAttribute('role', 'textbox');
div.setAttribute('aria-multiline', 'true');
div.setAttribute('aria-label', 'Corps du message');
mount.appendChild(div);
const editor = createEditor(div, [new ShortcutPlugin()]);
window.__editorModel = () => exportContent(editor, 'PlainText').replace(/\r\n?/g, '\n').split('\n');
ready();
