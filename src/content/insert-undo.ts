/**
 * One-shot Ctrl/Cmd+Z: the insertion is several native undo steps, so a capture-phase keydown handler turns the
 * next Ctrl/Cmd+Z (before any other edit) into as many `execCommand('undo')` as needed to restore the body
 * exactly, stopping early (and redoing) rather than ever undoing something the user typed.
 */
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

/**
 * Arms the one-shot handler: the next Ctrl/Cmd+Z in the editor (or on the extension's overlay, or with nothing
 * focused) undoes the whole insertion; any other key that may change content, or any edit, disarms it.
 */
export function armUndo(doc: Document, editor: HTMLElement, topDoc: Document, undo: () => void, native = false): void {
  disarmUndo(doc);
  const docs = topDoc !== doc ? [doc, topDoc] : [doc];
  const inContext = (t: EventTarget | null) => {
    const n = t as Node | null;
    if (!n || n === editor || editor.contains(n)) return true;
    const d = n.ownerDocument ?? (n as Document);
    if (n === d.body || n === d.documentElement || n === d) return true;
    return insideOwn(n);
  };
  const onKey = (e: Event) => {
    const k = e as KeyboardEvent;
    if (isUndoKey(k)) {
      dispose();
      if (!inContext(k.target)) return;
      // If the browser's undo stack cannot help (a site editor that keeps its own history rewrote the DOM),
      // leave the key to the site rather than swallowing it.
      if (native && !undoAvailable(doc)) return;
      k.preventDefault();
      k.stopImmediatePropagation();
      try {
        undo();
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

export function undoAvailable(doc: Document): boolean {
  try {
    return typeof doc.queryCommandEnabled !== 'function' || doc.queryCommandEnabled('undo');
  } catch {
    return true;
  }
}

/** Drops a pending one-shot undo (e.g. when the compose closes). */
export function cancelPendingUndo(doc: Document): void {
  disarmUndo(doc);
}
