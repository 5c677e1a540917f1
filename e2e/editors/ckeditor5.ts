/** CKEditor 5 (classic build from the `ckeditor5` package, GPL licence key). Model: editor.getData(). */
import { ClassicEditor, Essentials, Paragraph, Bold, Italic } from 'ckeditor5';
import css from 'ckeditor5/ckeditor5.css';
import { composeForm, htmlLines, ready } from './compose';

const { mount } = composeForm('ckeditor5', css);
const host = document.createElement('div');
mount.appendChild(host);
void ClassicEditor.create({
  attachTo: host,
  licenseKey: 'GPL',
  plugins: [Essentials, Paragraph, Bold, Italic],
  toolbar: ['undo', 'redo', '|', 'bold', 'italic'],
}).then((editor) => {
  window.__editorModel = () => htmlLines(editor.getData());
  ready();
});
