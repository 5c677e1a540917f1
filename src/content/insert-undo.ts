/**
 * One Ctrl/Cmd+Z takes the whole insertion back. The insertion is several edits (one per line, two places), so a
 * capture-phase keydown handler takes the next Ctrl/Cmd+Z — only while the body still holds exactly what the
 * insertion left, and before any other edit — and undoes step by step until the body is back to what the user had:
 * through the browser's undo stack (`execCommand('undo')`) where the browser made the edits, through the editor's
 * own history (`beforeinput` historyUndo, then the editor's Ctrl+Z shortcut) where the editor did; it stops (and
 * redoes) rather than ever undo something the user typed. When the body no longer matches, the key is the editor's.
 */
import { isTextField, squash } from '../sites/dom-util';
import { pageEvent, readLines, sameLines, sendBeforeInput, turn } from './insert-common';
import { focusEditable } from './insert-caret';
import { insideOwn } from './own-ui';

const armed = new WeakMap<Document, () => void>();

export function disarmUndo(doc: Document): void {
  armed.get(doc)?.();
}

const NEUTRAL_KEYS = new Set([
  'Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'OS',
  'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Escape',
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12', 'Dead', 'Unidentified',
]);

function isUndoKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === 'z' || e.key === 'Z' || e.code === 'KeyZ');
}

export interface UndoHook {
  /** Whether the body still holds exactly what the insertion left. */
  matches(): boolean;
  /** Takes the insertion back. */
  undo(): void | Promise<unknown>;
}

/**
 * Arms the one-shot handler: the user's next (trusted) Ctrl/Cmd+Z in the editor (or on the extension's overlay, or with nothing
 * focused) undoes the whole insertion while `hook.matches()`; any other key that may change content, or any edit,
 * disarms it.
 */
export function armUndo(doc: Document, editor: HTMLElement, topDoc: Document, hook: UndoHook): void {
  disarmUndo(doc);
  const docs = topDoc !== doc ? [doc, topDoc] : [doc];
  const inContext = (t: EventTarget | null) => {
    const n = t as Node | null;
    if (!n || n === editor || editor.contains(n)) return true;
    const d = n.ownerDocument ?? (n as Document);
    if (n === d.body || n === d.documentElement || n === d) return true;
    if ((n as Element).tagName === 'IFRAME' && (n as HTMLIFrameElement).contentDocument === doc) return true;
    return insideOwn(n);
  };
  const onKey = (e: Event) => {
    const k = e as KeyboardEvent;
    if (isUndoKey(k)) {
      // Only the user's own key press (a page script's synthetic Ctrl+Z, or the editor shortcut we send, is not).
      if (k.isTrusted !== true) return;
      dispose();
      // Inside a shadow root (LinkedIn's #interop-outlet) the document sees the host as the target: the key's own target
      // is the first node of its composed path.
      if (!inContext(k.composedPath?.()[0] ?? k.target)) return;
      let mine = false;
      try {
        mine = hook.matches();
      } catch {
        mine = false;
      }
      // The user (or the editor) changed the body since: the editor's own history is the right one.
      if (!mine) return;
      k.preventDefault();
      k.stopImmediatePropagation();
      try {
        void Promise.resolve(hook.undo()).catch(() => undefined);
      } catch {
        /* never throw into the page */
      }
      return;
    }
    if (NEUTRAL_KEYS.has(k.key)) return;
    if ((k.ctrlKey || k.metaKey) && ['c', 'a', 'f'].includes(k.key.toLowerCase())) return;
    dispose();
  };
  const onEdit = () => dispose();
  const EDIT_EVENTS = ['beforeinput', 'input', 'paste', 'cut', 'drop'];
  function dispose() {
    for (const d of docs) {
      d.removeEventListener('keydown', onKey, true);
      for (const t of EDIT_EVENTS) d.removeEventListener(t, onEdit, true);
    }
    if (armed.get(doc) === dispose) armed.delete(doc);
  }
  for (const d of docs) {
    d.addEventListener('keydown', onKey, true);
    for (const t of EDIT_EVENTS) d.addEventListener(t, onEdit, true);
  }
  armed.set(doc, dispose);
}

/** Drops a pending one-shot undo (e.g. when the compose closes). */
export function cancelPendingUndo(doc: Document): void {
  disarmUndo(doc);
}

/** 'native': the browser's undo stack; 'history': the editor's own (beforeinput historyUndo, then its shortcut). */
export type UndoMethod = 'native' | 'history';

const apple = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

function shortcut(body: HTMLElement, key: string, shift: boolean): void {
  const code = `Key${key.toUpperCase()}`;
  const keyCode = key.toUpperCase().charCodeAt(0);
  const mac = apple();
  for (const type of ['keydown', 'keyup']) {
    const init = { key: shift ? key.toUpperCase() : key, code, keyCode, which: keyCode, ctrlKey: !mac, metaKey: mac, shiftKey: shift, bubbles: true, cancelable: true, composed: true };
    const ev = pageEvent<KeyboardEvent>(body, 'KeyboardEvent', type, init);
    if (ev) body.dispatchEvent(ev);
  }
}

function step(body: HTMLElement, m: UndoMethod, redo: boolean): void {
  const doc = body.ownerDocument;
  if (m === 'native') {
    doc.execCommand(redo ? 'redo' : 'undo', false);
    return;
  }
  if (sendBeforeInput(body, redo ? 'historyRedo' : 'historyUndo', null)) return;
  if (redo) shortcut(body, apple() ? 'z' : 'y', apple());
  else shortcut(body, 'z', false);
}

const textOf = (body: HTMLElement) => (isTextField(body) ? body.value : (body.textContent ?? ''));

/** Every character of `part`, in order, within `whole` (what is left of the user's text around our insertion). */
function inOrderWithin(part: string, whole: string): boolean {
  let j = 0;
  for (let i = 0; i < whole.length && j < part.length; i++) if (whole[i] === part[j]) j++;
  return j === part.length;
}

export interface UndoTarget {
  /** innerHTML (or value) the body had. */
  html: string;
  /** Its lines (readLines). */
  lines: string[];
  /** The user's text then (textContent / value). */
  text: string;
}

const content = (body: HTMLElement) => (isTextField(body) ? body.value : body.innerHTML);

/**
 * Undoes step by step (at most `max` steps) until the body is back to `target`: exactly (same HTML), or, when the
 * editor renders the restored model a little differently, the same lines. Stops as soon as a step would take a
 * character the user typed (and redoes it). True when the body is back.
 */
export async function undoTo(body: HTMLElement, target: UndoTarget, methods: UndoMethod[], max: number): Promise<boolean> {
  const doc = body.ownerDocument;
  const user = squash(target.text);
  const order = [...methods];
  focusEditable(body);
  const back = () => content(body) === target.html;
  const sameAsTarget = () => sameLines(readLines(body), target.lines);
  for (let i = 0; i < max && !back(); i++) {
    const linesWereBack = sameAsTarget();
    const prev = content(body);
    let used: UndoMethod | null = null;
    for (const m of order) {
      try {
        step(body, m, false);
      } catch {
        continue;
      }
      if (m !== 'native' || content(body) === prev) await turn(doc);
      if (content(body) !== prev) {
        used = m;
        break;
      }
    }
    if (!used) break;
    if (order[0] !== used) order.splice(order.indexOf(used), 1), order.unshift(used);
    // Went past our edits (a character the user typed is gone), or the lines were already the user's and this step
    // changed them: put it back and stop.
    if (!inOrderWithin(user, squash(textOf(body))) || (linesWereBack && !sameAsTarget())) {
      step(body, used, true);
      await turn(doc);
      break;
    }
  }
  return back() || sameAsTarget();
}
