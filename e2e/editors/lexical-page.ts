/** Lexical with @lexical/history and either @lexical/rich-text or @lexical/plain-text. Model: editorState.read. */
import { $getRoot, createEditor } from 'lexical';
import { HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text';
import { registerPlainText } from '@lexical/plain-text';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { clean, composeForm, ready } from './compose';

export function lexicalPage(mode: 'rich' | 'plain'): void {
  const { mount } = composeForm(mode === 'rich' ? 'lexical' : 'lexical-plain', 'p{margin:0 0 8px}');
  const el = document.createElement('div');
  el.className = 'editable';
  el.contentEditable = 'true';
  el.setAttribute('role', 'textbox');
  el.setAttribute('aria-multiline', 'true');
  el.setAttribute('aria-label', 'Corps du message');
  mount.appendChild(el);
  const editor = createEditor({
    namespace: 'compose',
    nodes: mode === 'rich' ? [HeadingNode, QuoteNode] : [],
    onError: (e: Error) => {
      throw e;
    },
  });
  editor.setRootElement(el);
  if (mode === 'rich') registerRichText(editor);
  else registerPlainText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);
  window.__editorModel = () =>
    editor
      .getEditorState()
      .read(() => $getRoot().getChildren().flatMap((c) => c.getTextContent().split('\n')))
      .map(clean);
  ready();
}
