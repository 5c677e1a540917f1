/**
 * Caret memory and placement for the insertion: clicking the overlay's button may take the selection out of the
 * body, so the last caret seen in an editable element (and which text fields the user focused) is remembered.
 */
import { isTextField } from '../sites/dom-util';
import type { InsertOptions, Point } from './insert-common';

const lastCaret = new WeakMap<Document, Range>();
export const focusedFields = new WeakSet<Element>();
const watched = new WeakSet<Document>();
const lastInput = new WeakMap<Document, number>();

/** Milliseconds since the user last typed in `doc` (Infinity when never seen). */
export function sinceLastInput(doc: Document): number {
  const t = lastInput.get(doc);
  return t === undefined ? Infinity : Date.now() - t;
}

/**
 * Remember the last caret in an editable element and which text fields the user focused, so that a click on
 * the overlay does not lose where the user was typing. Safe to call many times; call it early (content script start).
 */
export function watchCaret(doc: Document): void {
  if (watched.has(doc)) return;
  watched.add(doc);
  doc.addEventListener('selectionchange', () => {
    const sel = doc.getSelection();
    if (!sel || !sel.rangeCount) return;
    const r = sel.getRangeAt(0);
    const c = r.startContainer;
    const el = c.nodeType === 1 ? (c as Element) : c.parentElement;
    if ((el as HTMLElement | null)?.isContentEditable || doc.designMode === 'on') lastCaret.set(doc, r.cloneRange());
  });
  // When the user last typed: editors that merge edits made close together into one undo step need ours apart.
  doc.addEventListener('input', (e) => {
    if (e.isTrusted) lastInput.set(doc, Date.now());
  }, true);
  doc.addEventListener(
    'focusin',
    (e) => {
      // Inside a shadow root (LinkedIn's note, InMail) the document sees the host: the field is the path's first node.
      const t = (e.composedPath?.()[0] ?? e.target) as Element | null;
      if (t && t.nodeType === 1 && isTextField(t)) focusedFields.add(t);
    },
    true,
  );
}

/**
 * The same place as `p`, said from the parent element when `p` is at either end of a text node. Firefox merges an
 * editing command into the user's last typing step when it starts exactly where that step ended (same node, same
 * offset): one undo would then take the user's typing away with our first line. Said from the parent, the place
 * is a different selection to Firefox's undo manager, so our edit starts its own undo step. (Chromium closes the
 * typing run on any selection change; the place means the same to both.)
 */
export function ownUndoStepAt(p: Point): Point {
  const n = p.node;
  if (n.nodeType !== 3 || !n.parentNode) return p;
  const len = (n.nodeValue ?? '').length;
  const i = Array.prototype.indexOf.call(n.parentNode.childNodes, n) as number;
  if (p.offset >= len && len > 0) return { node: n.parentNode, offset: i + 1 };
  if (p.offset === 0) return { node: n.parentNode, offset: i };
  return p;
}

export function setCaret(doc: Document, p: Point): void {
  const sel = doc.getSelection();
  if (!sel) return;
  const r = doc.createRange();
  r.setStart(p.node, p.offset);
  r.collapse(true);
  sel.removeAllRanges();
  sel.addRange(r);
}

/**
 * Gives the focus to the editor: its element, and for an iframe editor (TinyMCE) the iframe too — the iframe's
 * document keeps its own active element when the page's focus moves to the overlay, so both are checked.
 */
export function focusEditable(body: HTMLElement): void {
  const doc = body.ownerDocument;
  const win = doc.defaultView;
  let frame: Element | null = null;
  try {
    frame = win && win.parent !== win ? win.frameElement : null;
  } catch {
    frame = null;
  }
  const frameFocused = !frame || frame.ownerDocument.activeElement === frame;
  if (frameFocused && (doc.activeElement === body || body.contains(doc.activeElement))) return;
  try {
    if (frame && win) win.focus();
  } catch {
    /* ignore */
  }
  body.focus({ preventScroll: true });
}

/** True when the user is now typing somewhere else than `body` (another field or editor has the focus). */
function typingElsewhere(body: HTMLElement, topDoc: Document): boolean {
  for (const d of new Set([body.ownerDocument, topDoc])) {
    let a: Element | null = d.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === body || body.contains(a) || a === d.body) continue;
    if (a.tagName === 'IFRAME' && (a as HTMLIFrameElement).contentDocument === body.ownerDocument) continue;
    if (isTextField(a) || (a as HTMLElement).isContentEditable) return true;
  }
  return false;
}

export function currentCaret(body: HTMLElement, opts: InsertOptions, topDoc: Document): Point | null {
  const doc = body.ownerDocument;
  const inBody = (r: Range | null | undefined) =>
    !!r && r.startContainer.isConnected && (r.startContainer === body || body.contains(r.startContainer));
  const sel = doc.getSelection();
  const elsewhere = typingElsewhere(body, topDoc);
  // Firefox leaves the document's selection in the body when the user moves to a text field (the field keeps its
  // own): a selection left behind there is not where the user is typing.
  let r: Range | null = sel && sel.rangeCount && !elsewhere ? sel.getRangeAt(0) : null;
  if (!inBody(r)) r = opts.caret ?? null;
  // The remembered caret only stands in for a selection lost to a click on the overlay, not for one the user
  // moved to another field on purpose.
  if (!inBody(r) && !elsewhere) r = lastCaret.get(doc) ?? null;
  if (!inBody(r)) return null;
  // A selection is collapsed to its end: nothing the user selected is ever replaced.
  return { node: r!.endContainer, offset: r!.endOffset };
}
