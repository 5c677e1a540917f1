/** TinyMCE 8 from npm, self-hosted (model, theme, icons and skins bundled), over a site's own textarea (iframe mode). */
import tinymce, { type Editor } from 'tinymce';
import 'tinymce/models/dom';
import 'tinymce/themes/silver';
import 'tinymce/icons/default';
import 'tinymce/skins/ui/oxide/skin.js';
import 'tinymce/skins/ui/oxide/content.js';
import 'tinymce/skins/content/default/content.js';
import { htmlLines } from '../editors/compose';

export async function mountTinymce(target: HTMLTextAreaElement): Promise<Editor> {
  const [editor] = await tinymce.init({
    target,
    license_key: 'gpl',
    skin: 'oxide',
    content_css: 'default',
    menubar: false,
    statusbar: false,
    promotion: false,
    branding: false,
    toolbar: 'undo redo | bold italic',
    height: 300,
  });
  window.__editorModel = () => htmlLines(editor!.getContent());
  return editor!;
}
