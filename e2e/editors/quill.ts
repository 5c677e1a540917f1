/** Quill 2 (snow theme). Model: quill.getText(), one line per block. */
import Quill from 'quill';
import css from 'quill/dist/quill.snow.css';
import { composeForm, ready } from './compose';

const { mount } = composeForm('quill', css);
const host = document.createElement('div');
mount.appendChild(host);
const quill = new Quill(host, { theme: 'snow', modules: { toolbar: [['bold', 'italic']] } });
window.__editorModel = () => quill.getText().replace(/\n$/, '').split('\n');
ready();
