/**
 * Which editor a body belongs to, from the DOM each library writes (its root's class or attribute), and the input
 * paths to try for it, in order. The markers come from the editors' own code (npm packages pinned in package.json,
 * mounted by e2e/editors/): CKEditor 5 `.ck-editor__editable`, ProseMirror `.ProseMirror`, Lexical
 * `[data-lexical-editor]`, Quill `.ql-editor`, TinyMCE's iframe `body#tinymce.mce-content-body`, Draft.js
 * `.public-DraftEditor-content`, Slate `[data-slate-editor]`, LinkedIn's `.msg-form__contenteditable` (Briskine
 * `editor-site.js`); roosterjs marks nothing of its own, so Outlook's and Proton's bodies are recognised by
 * their ids (`#editorParent_1` child, `#rooster-editor`, dom-evidence.md).
 */
import { isTextField } from '../sites/dom-util';
import type { EditorKind, Strategy } from './insert-common';

const MARKERS: Array<[EditorKind, string]> = [
  ['ckeditor5', '.ck-editor__editable, .ck-content[contenteditable]'],
  ['prosemirror', '.ProseMirror'],
  ['lexical', '[data-lexical-editor]'],
  ['quill', '.ql-editor'],
  ['draft', '.public-DraftEditor-content, [data-contents="true"]'],
  ['slate', '[data-slate-editor]'],
  ['linkedin', '.msg-form__contenteditable'],
  ['roosterjs', '#rooster-editor, #editorParent_1 [contenteditable], [data-roosterjs], .rooster-editor'],
];

export function detectEditor(body: HTMLElement): EditorKind {
  if (isTextField(body)) return 'field';
  if (body.tagName === 'BODY' && (body.id === 'tinymce' || body.classList.contains('mce-content-body'))) return 'tinymce';
  for (const [kind, css] of MARKERS) {
    try {
      if (body.closest(css)) return kind;
    } catch {
      /* a selector this engine does not know */
    }
  }
  return 'plain';
}

/**
 * The strategies for an editor, first the one it is known to take. An editor with its own model gets the events it
 * handles itself first; the others follow as fallbacks, and `dom` last (browsers without editing commands).
 */
export function strategiesFor(kind: EditorKind): Strategy[] {
  switch (kind) {
    case 'ckeditor5':
    case 'lexical':
    case 'slate':
      return ['beforeinput', 'paste', 'exec'];
    case 'prosemirror':
    case 'quill':
    case 'draft':
      return ['paste', 'beforeinput', 'exec'];
    case 'field':
      return ['exec', 'dom'];
    default:
      // Plain contenteditable, TinyMCE, roosterjs, LinkedIn: the browser's commands are what they listen to.
      return ['exec', 'paste', 'beforeinput', 'dom'];
  }
}

/** Whether the browser's own undo stack can take the edits back (the editor leaves the DOM the browser made). */
export const nativeHistory = (kind: EditorKind): boolean => kind === 'plain' || kind === 'tinymce' || kind === 'roosterjs' || kind === 'linkedin' || kind === 'field';

/**
 * How long after the user's last keystroke an editor still merges a new edit into the same undo step (Quill 2's
 * history `delay` 1000 ms, ProseMirror's `newGroupDelay` 500 ms, Lexical's `registerHistory` delay, commonly 300 to
 * 1000 ms): the insertion waits that long, so that undoing it never takes the user's typing with it.
 */
export function historyGroupMs(kind: EditorKind): number {
  switch (kind) {
    case 'quill':
    case 'lexical':
    case 'draft':
    case 'slate':
      return 1050;
    case 'prosemirror':
      return 550;
    default:
      return 0;
  }
}
