/** ProseMirror with the basic schema and prosemirror-example-setup (history, keymap, input rules). Model: state.doc. */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { exampleSetup } from 'prosemirror-example-setup';
import css from 'prosemirror-view/style/prosemirror.css';
import { clean, composeForm, ready } from './compose';

const { mount } = composeForm('prosemirror', css);
const view = new EditorView(mount, {
  state: EditorState.create({ schema, plugins: exampleSetup({ schema, menuBar: false }) }),
  attributes: { class: 'editable', 'aria-label': 'Corps du message', role: 'textbox', 'aria-multiline': 'true' },
});
window.__editorModel = () => {
  const out: string[] = [];
  view.state.doc.forEach((block) => out.push(...block.textBetween(0, block.content.size, '\n', '\n').split('\n')));
  return out.map(clean);
};
ready();
