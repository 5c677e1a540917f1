/** A plain <textarea> body (Roundcube's plain-text mode, SOGo, Zimbra's plain editor). Its model is its value. */
import { composeForm, ready } from './compose';

const { mount } = composeForm('textarea');
const ta = document.createElement('textarea');
ta.name = 'message';
ta.rows = 12;
ta.setAttribute('aria-label', 'Message');
mount.appendChild(ta);
window.__editorModel = () => ta.value.split('\n');
ready();
