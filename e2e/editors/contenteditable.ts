/** A plain contenteditable body with no editor library (Gmail's, Yahoo's): the DOM is the model. */
import { composeForm, htmlLines, ready } from './compose';

const { mount } = composeForm('contenteditable');
const el = document.createElement('div');
el.className = 'editable';
el.contentEditable = 'true';
el.setAttribute('role', 'textbox');
el.setAttribute('aria-multiline', 'true');
el.setAttribute('aria-label', 'Corps du message');
mount.appendChild(el);
window.__editorModel = () => htmlLines(el.innerHTML);
ready();
