/**
 * TinyMCE 8, self-hosted from the npm package (model, theme, icons and skins bundled: no CDN, no request), in its
 * iframe mode over a textarea named like Roundcube's. Model: editor.getContent() (TinyMCE's serialisation).
 */
import tinymce from 'tinymce';
import 'tinymce/models/dom';
import 'tinymce/themes/silver';
import 'tinymce/icons/default';
import 'tinymce/skins/ui/oxide/skin.js';
import 'tinymce/skins/ui/oxide/content.js';
import 'tinymce/skins/content/default/content.js';
import { composeForm, htmlLines, ready } from './compose';

const { mount } = composeForm('tinymce');
const ta = document.createElement('textarea');
ta.id = 'composebody';
ta.name = '_message';
mount.appendChild(ta);
void tinymce
  .init({
    target: ta,
    license_key: 'gpl',
    skin: 'oxide',
    content_css: 'default',
    menubar: false,
    statusbar: false,
    promotion: false,
    branding: false,
    toolbar: 'undo redo | bold italic',
    height: 320,
  })
  .then(([editor]) => {
    window.__editorModel = () => htmlLines(editor!.getContent());
    ready();
  });
