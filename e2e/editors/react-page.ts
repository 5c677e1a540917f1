/**
 * React 19 controlled editors: a <textarea value={state}> or a contenteditable whose text lives in React state; the
 * Send button (React's) is enabled only when that state holds text, like LinkedIn's and many React webmails'.
 * Model: React's state.
 */
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { composeForm, ready } from './compose';

export function reactPage(kind: 'textarea' | 'contenteditable'): void {
  const { mount, send } = composeForm(`react-${kind}`);
  send.remove();
  let state = '';
  function App() {
    const [text, setText] = useState('');
    state = text;
    const editor =
      kind === 'textarea'
        ? h('textarea', { name: 'message', rows: 12, 'aria-label': 'Message', value: text, onChange: (e: { target: HTMLTextAreaElement }) => setText(e.target.value) })
        : h('div', {
            className: 'editable',
            contentEditable: true,
            suppressContentEditableWarning: true,
            role: 'textbox',
            'aria-multiline': 'true',
            'aria-label': 'Corps du message',
            onInput: (e: { currentTarget: HTMLElement }) => setText(e.currentTarget.innerText),
          });
    return h('div', null, editor, h('div', { className: 'actions' }, h('button', { type: 'button', id: 'send', disabled: !text.trim() }, 'Envoyer')));
  }
  createRoot(mount).render(h(App));
  window.__editorModel = () => state.replace(/\n$/, '').split('\n');
  const wait = () => (mount.querySelector('#send') ? ready() : requestAnimationFrame(wait));
  wait();
}
