/**
 * One-click insertion of the B2B introduction and the unsubscribe line into a compose body, through the
 * editor's own input path so the site's model (draft autosave, Send button state) sees a normal edit:
 *
 * - contenteditable (Gmail, OWA, Yahoo, an iframe TinyMCE body): focus, place the caret, then one
 *   `execCommand('insertText')` per line with `insertParagraph` between lines (Briskine's per-line approach,
 *   the one LinkedIn and roosterjs accept). Browsers without execCommand get a DOM fallback (text nodes and
 *   <br> inserted at the same places, plus an `input` event).
 * - textarea / input: `text-field-edit`'s insert (execCommand, undoable); `setRangeText` + `input` event as
 *   the fallback.
 *
 * Where: the introduction goes where the caret is when it is in what the user wrote (as its own line: never
 * splitting a line the user typed), otherwise at the start of the body. The unsubscribe line goes at the end
 * of what the user wrote: above the signature block and above a quoted message when the site marks them.
 *
 * Undo: the two edits are several native undo steps, so a one-shot capture-phase keydown handler turns the
 * next Ctrl/Cmd+Z (before any other edit) into as many `execCommand('undo')` as needed to restore the body
 * exactly, stopping early (and redoing) rather than ever undoing something the user typed.
 */
import { insideOwn } from './own-ui';
import { insertTextIntoField } from 'text-field-edit';
import type { ComposeHandle } from '../sites/types';
import { isTextField, squash } from './dom-util';

export interface IntroText {
  intro: string;
  unsubscribe: string;
}

export type InsertFailure = 'no-body' | 'not-editable' | 'exec-failed' | 'already-present';

export type InsertOutcome =
  | {
      ok: true;
      /** Undoable edits made (native execCommand calls, or fallback DOM edits). */
      steps: number;
      /** True when the unsubscribe line was already in the body and was not added again. */
      unsubscribeSkipped?: boolean;
      /** 'native' when the browser's editing commands did it, 'fallback' for direct DOM / setRangeText edits. */
      path?: 'native' | 'fallback';
    }
  | { ok: false; reason: InsertFailure };

export interface InsertOptions {
  /**
   * The caret to use when the live selection is no longer in the body (e.g. the user clicked a button
   * elsewhere). By default the last caret seen in an editable element by `watchCaret` is used.
   */
  caret?: Range | null;
  /** Skip execCommand and use the DOM / setRangeText path (tests, or browsers without execCommand). */
  forceFallback?: boolean;
}

const fail = (reason: InsertFailure): InsertOutcome => ({ ok: false, reason });

// ---------------------------------------------------------------------------------------------------------
// Caret memory: clicking the overlay's button may take the selection out of the body.

const lastCaret = new WeakMap<Document, Range>();
const focusedFields = new WeakSet<Element>();
const watched = new WeakSet<Document>();

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
  doc.addEventListener(
    'focusin',
    (e) => {
      const t = e.target as Element | null;
      if (t && isTextField(t)) focusedFields.add(t);
    },
    true,
  );
}

// ---------------------------------------------------------------------------------------------------------

export function insertIntroduction(handle: ComposeHandle, text: IntroText, opts: InsertOptions = {}): InsertOutcome {
  try {
    const body = handle.body();
    if (!body || !body.isConnected) return fail('no-body');
    watchCaret(body.ownerDocument);
    if (body.ownerDocument !== handle.root.ownerDocument) watchCaret(handle.root.ownerDocument);
    if (isTextField(body)) return insertIntoField(body, text, opts, handle.root.ownerDocument);
    return insertIntoEditable(handle, body, text, opts);
  } catch {
    return fail('exec-failed');
  }
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '').split('\n');
}

/** Squashed `now` minus one occurrence of each inserted text equals squashed `before`: nothing the user typed changed. */
function userTextIntact(before: string, now: string, inserted: string[]): boolean {
  let s = squash(now);
  for (const t of inserted) {
    const q = squash(t);
    if (!q) continue;
    const i = s.indexOf(q);
    if (i < 0) return false;
    s = s.slice(0, i) + s.slice(i + q.length);
  }
  return s === squash(before);
}

// ---------------------------------------------------------------------------------------------------------
// contenteditable

type Point = { node: Node; offset: number };
type Mode = 'empty' | 'before' | 'after';
interface Plan {
  point: Point;
  mode: Mode;
  /** An empty line we had to add (DOM) before a signature that starts the body. */
  extra?: HTMLElement;
}

type LeafKind = 'text' | 'br' | 'atom' | 'open' | 'close';
interface Leaf {
  node: Node;
  kind: LeafKind;
}

const BLOCK = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE CENTER DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TFOOT TH THEAD TR UL'.split(
    ' ',
  ),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

function flatten(root: Node, out: Leaf[] = []): Leaf[] {
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === 3) out.push({ node: child, kind: 'text' });
    else if (child.nodeType === 1) {
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'BR') out.push({ node: el, kind: 'br' });
      else if (tag === 'IMG' || el.getAttribute('contenteditable') === 'false') out.push({ node: el, kind: 'atom' });
      else if (BLOCK.has(tag)) {
        out.push({ node: el, kind: 'open' });
        flatten(el, out);
        out.push({ node: el, kind: 'close' });
      } else flatten(el, out);
    }
  }
  return out;
}

const isContent = (l: Leaf) => (l.kind === 'text' && /\S/.test(l.node.nodeValue ?? '')) || l.kind === 'atom';
const isLineBreak = (l: Leaf) => l.kind === 'br' || l.kind === 'open' || l.kind === 'close';

function indexIn(node: Node): number {
  return Array.prototype.indexOf.call(node.parentNode!.childNodes, node) as number;
}
const before = (n: Node): Point => ({ node: n.parentNode!, offset: indexIn(n) });
const after = (n: Node): Point => ({ node: n.parentNode!, offset: indexIn(n) + 1 });

/** Where the user's part of the body ends: the signature block (with its "-- " line) or a quoted message. */
function boundaryOf(handle: ComposeHandle, body: HTMLElement): Node | null {
  const marks: Node[] = [];
  let sig: Node | null = null;
  try {
    sig = handle.signature();
  } catch {
    sig = null;
  }
  if (sig && body.contains(sig) && sig !== body) marks.push(signatureStart(sig, body));
  let quote: Node | null = null;
  try {
    quote = handle.quote?.() ?? null;
  } catch {
    quote = null;
  }
  if (quote && body.contains(quote) && quote !== body) marks.push(quote);
  if (!marks.length) return null;
  return marks.reduce((a, b) => (a.compareDocumentPosition(b) & 2 /* b precedes a */ ? b : a));
}

const blankNode = (n: Node) =>
  (n.nodeType === 3 && !/\S/.test(n.nodeValue ?? '')) || (n.nodeType === 1 && (n as Element).tagName === 'BR');
const dashLine = (n: Node) => /^\s*[-—]{2}\s*$/.test(n.textContent ?? '') && (n.nodeType === 3 || !(n as Element).querySelector('img'));

/** The signature element, widened to its wrapper when it is alone in it, and back over the "-- " separator line. */
function signatureStart(sig: Node, body: HTMLElement): Node {
  let start = sig;
  while (start.parentNode && start.parentNode !== body && Array.from(start.parentNode.childNodes).every((c) => c === start || blankNode(c))) {
    start = start.parentNode;
  }
  for (let prev = start.previousSibling; prev; prev = start.previousSibling) {
    if (dashLine(prev) || (prev.nodeType === 1 && (prev as Element).tagName === 'BR') || (prev.nodeType === 3 && !/\S/.test(prev.nodeValue ?? ''))) {
      // A <br> or blank text only belongs to the separator when a "-- " line is right before it.
      if (!dashLine(prev)) {
        const p2 = prev.previousSibling;
        if (!p2 || !dashLine(p2)) break;
      }
      start = prev;
    } else break;
  }
  return start;
}

/** The leaves of what the user wrote: everything before the boundary. */
function userLeaves(body: HTMLElement, boundary: Node | null): Leaf[] {
  const all = flatten(body);
  if (!boundary) return all;
  const cut = all.findIndex(
    (l) => l.node === boundary || boundary.contains(l.node) || !!(boundary.compareDocumentPosition(l.node) & 4 /* following */),
  );
  return cut < 0 ? all : all.slice(0, cut);
}

/** -1: point before the leaf starts, 1: after it ends, 0: inside a text leaf. */
function relation(doc: Document, p: Point, leaf: Leaf): number {
  if (leaf.kind === 'text' && p.node === leaf.node) return 0;
  const r = doc.createRange();
  r.setStart(p.node, p.offset);
  r.collapse(true);
  const at = leaf.kind === 'text' ? { node: leaf.node, offset: 0 } : leaf.kind === 'close' ? after(leaf.node) : before(leaf.node);
  // comparePoint: -1 when `at` is before the (collapsed) range, i.e. the leaf starts before p.
  const c = r.comparePoint(at.node, at.offset);
  return c < 0 ? 1 : -1;
}

interface LineInfo {
  before: string;
  after: string;
  leaves: Leaf[];
}

function lineAt(doc: Document, leaves: Leaf[], p: Point): LineInfo {
  // Index of the first leaf that is not entirely before p.
  let i = 0;
  let insideText: Leaf | null = null;
  for (; i < leaves.length; i++) {
    const rel = relation(doc, p, leaves[i]);
    if (rel === 0) {
      insideText = leaves[i];
      break;
    }
    if (rel < 0) break;
  }
  let beforeText = '';
  let afterText = '';
  const lineLeaves: Leaf[] = [];
  if (insideText) {
    const v = insideText.node.nodeValue ?? '';
    beforeText = v.slice(0, p.offset);
    afterText = v.slice(p.offset);
    lineLeaves.push(insideText);
  }
  for (let j = i - 1; j >= 0 && !isLineBreak(leaves[j]); j--) {
    beforeText = (leaves[j].kind === 'atom' ? '\ufffc' : (leaves[j].node.nodeValue ?? '')) + beforeText;
    lineLeaves.unshift(leaves[j]);
  }
  for (let j = insideText ? i + 1 : i; j < leaves.length && !isLineBreak(leaves[j]); j++) {
    afterText += leaves[j].kind === 'atom' ? '\ufffc' : (leaves[j].node.nodeValue ?? '');
    lineLeaves.push(leaves[j]);
  }
  return { before: beforeText, after: afterText, leaves: lineLeaves };
}

function endOf(leaf: Leaf): Point {
  return leaf.kind === 'text' ? { node: leaf.node, offset: (leaf.node.nodeValue ?? '').length } : after(leaf.node);
}

function pointInUserPart(doc: Document, body: HTMLElement, boundary: Node | null, p: Point | null): boolean {
  if (!p || !(p.node === body || body.contains(p.node))) return false;
  if (!boundary) return true;
  const r = doc.createRange();
  r.setStartBefore(boundary);
  r.collapse(true);
  return r.comparePoint(p.node, p.offset) < 0;
}

/** Start of what the user wrote (or a new empty line before a signature that starts the body). */
function startPlan(doc: Document, body: HTMLElement, boundary: Node | null, leaves: Leaf[]): Plan {
  const first = leaves.find((l) => isContent(l) || l.kind === 'br');
  if (first) {
    if (first.kind === 'br') return { point: before(first.node), mode: 'empty' };
    if (first.kind === 'text') return { point: { node: first.node, offset: 0 }, mode: 'before' };
    return { point: before(first.node), mode: 'before' };
  }
  if (boundary && boundary.parentNode) {
    const line = doc.createElement('div');
    line.appendChild(doc.createElement('br'));
    boundary.parentNode.insertBefore(line, boundary);
    return { point: { node: line, offset: 0 }, mode: 'empty', extra: line };
  }
  return { point: { node: body, offset: body.childNodes.length }, mode: 'empty' };
}

function planIntro(handle: ComposeHandle, body: HTMLElement, caret: Point | null): Plan {
  const doc = body.ownerDocument;
  const boundary = boundaryOf(handle, body);
  const leaves = userLeaves(body, boundary);
  if (caret && pointInUserPart(doc, body, boundary, caret)) {
    const info = lineAt(doc, leaves, caret);
    const hasBefore = /\S/.test(info.before);
    const hasAfter = /\S/.test(info.after);
    if (!hasBefore && !hasAfter) return { point: caret, mode: 'empty' };
    if (!hasBefore) {
      // At the start of a line (maybe after blank characters): insert before its first character.
      const firstContent = info.leaves.find(isContent);
      const point = firstContent?.kind === 'text' && caret.node !== firstContent.node ? { node: firstContent.node, offset: 0 } : caret;
      return { point, mode: 'before' };
    }
    const last = [...info.leaves].reverse().find(isContent);
    if (last) return { point: endOf(last), mode: 'after' };
  }
  return startPlan(doc, body, boundary, leaves);
}

function planEnd(handle: ComposeHandle, body: HTMLElement): Plan {
  const doc = body.ownerDocument;
  const boundary = boundaryOf(handle, body);
  const leaves = userLeaves(body, boundary);
  const last = [...leaves].reverse().find(isContent);
  if (last) return { point: endOf(last), mode: 'after' };
  return startPlan(doc, body, boundary, leaves);
}

type Cmd = { cmd: 'insertText'; arg: string } | { cmd: 'insertParagraph' };

function sequence(mode: Mode, textLines: string[]): Cmd[] {
  const cmds: Cmd[] = [];
  textLines.forEach((l, i) => {
    if (i > 0) cmds.push({ cmd: 'insertParagraph' });
    if (l) cmds.push({ cmd: 'insertText', arg: l });
  });
  if (mode === 'after') cmds.unshift({ cmd: 'insertParagraph' });
  if (mode === 'before') cmds.push({ cmd: 'insertParagraph' });
  return cmds;
}

function setCaret(doc: Document, p: Point): void {
  const sel = doc.getSelection();
  if (!sel) return;
  const r = doc.createRange();
  r.setStart(p.node, p.offset);
  r.collapse(true);
  sel.removeAllRanges();
  sel.addRange(r);
}

function focusEditable(body: HTMLElement): void {
  const doc = body.ownerDocument;
  if (doc.activeElement === body || body.contains(doc.activeElement)) return;
  try {
    if (doc.defaultView && doc.defaultView !== globalThis.window) doc.defaultView.focus();
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

function currentCaret(body: HTMLElement, opts: InsertOptions, topDoc: Document): Point | null {
  const doc = body.ownerDocument;
  const inBody = (r: Range | null | undefined) =>
    !!r && r.startContainer.isConnected && (r.startContainer === body || body.contains(r.startContainer));
  const sel = doc.getSelection();
  let r: Range | null = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
  if (!inBody(r)) r = opts.caret ?? null;
  // The remembered caret only stands in for a selection lost to a click on the overlay, not for one the user
  // moved to another field on purpose.
  if (!inBody(r) && !typingElsewhere(body, topDoc)) r = lastCaret.get(doc) ?? null;
  if (!inBody(r)) return null;
  // A selection is collapsed to its end: nothing the user selected is ever replaced.
  return { node: r!.endContainer, offset: r!.endOffset };
}

function canExec(doc: Document): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return typeof doc.queryCommandSupported !== 'function' || doc.queryCommandSupported('insertText');
  } catch {
    return false;
  }
}

interface NativeRun {
  ok: boolean;
  steps: number;
  extras: HTMLElement[];
  /** Body HTML right before the first command (after any extra empty line was added). */
  baseHtml: string;
}

function runNative(handle: ComposeHandle, body: HTMLElement, intro: string[], unsub: string[] | null, caret: Point | null): NativeRun {
  const doc = body.ownerDocument;
  const run: NativeRun = { ok: false, steps: 0, extras: [], baseHtml: body.innerHTML };
  focusEditable(body);
  const plan = planIntro(handle, body, caret);
  if (plan.extra) run.extras.push(plan.extra);
  run.baseHtml = body.innerHTML;
  const exec = (c: Cmd) => {
    const ok = c.cmd === 'insertText' ? doc.execCommand('insertText', false, c.arg) : doc.execCommand('insertParagraph', false);
    if (ok) run.steps++;
    return ok;
  };
  setCaret(doc, plan.point);
  for (const c of sequence(plan.mode, intro)) if (!exec(c)) return run;
  // A live range: stays right after the introduction while the unsubscribe line is added further down.
  const sel = doc.getSelection();
  const afterIntro = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
  if (unsub) {
    const end = planEnd(handle, body);
    if (end.extra) run.extras.push(end.extra);
    setCaret(doc, end.point);
    for (const c of sequence(end.mode, unsub)) if (!exec(c)) return run;
  }
  // Give the caret back where the user was writing. Moving the selection also ends the browser's typing
  // run, so the user's next keystrokes never merge into our last undo step.
  if (afterIntro && sel) {
    sel.removeAllRanges();
    sel.addRange(afterIntro);
  }
  run.ok = true;
  return run;
}

/** Native undo of our steps: stop as soon as the body is back, and redo (then stop) if an undo went too far. */
function undoNative(
  body: HTMLElement,
  steps: number,
  baseHtml: string,
  userText: string,
  inserted: string[],
  extras: HTMLElement[],
): void {
  const doc = body.ownerDocument;
  const user = squash(userText);
  const ours = inserted.map(squash).filter(Boolean);
  focusEditable(body);
  for (let i = 0; i < steps; i++) {
    if (body.innerHTML === baseHtml) break;
    const prevHtml = body.innerHTML;
    if (!doc.execCommand('undo', false)) break;
    if (body.innerHTML === prevHtml) break;
    const now = squash(body.textContent);
    const oursLeft = ours.some((t) => now.includes(t));
    // Went past our edits (the user's own typing changed): put it back and stop.
    if (now.length < user.length || (!oursLeft && now !== user)) {
      doc.execCommand('redo', false);
      break;
    }
  }
  for (const x of extras) if (x.isConnected && !/\S/.test(x.textContent ?? '')) x.remove();
}

function dispatchInput(target: HTMLElement, inputType: string, data: string | null): void {
  const win = target.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Ctor = win?.InputEvent ?? (typeof InputEvent !== 'undefined' ? InputEvent : null);
  const ev = Ctor ? new Ctor('input', { bubbles: true, inputType, data }) : new Event('input', { bubbles: true });
  target.dispatchEvent(ev);
}

/** DOM fallback: text nodes and <br>s at the planned point; never splits or moves a user's node. */
function insertInline(doc: Document, plan: Plan, textLines: string[]): Node[] {
  const nodes: Node[] = [];
  textLines.forEach((l, i) => {
    if (i > 0) nodes.push(doc.createElement('br'));
    if (l) nodes.push(doc.createTextNode(l));
  });
  if (plan.mode === 'after') nodes.unshift(doc.createElement('br'));
  if (plan.mode === 'before') nodes.push(doc.createElement('br'));
  let { node, offset } = plan.point;
  if (node.nodeType === 3) {
    const v = node.nodeValue ?? '';
    if (offset >= v.length) ({ node, offset } = after(node));
    else if (!/\S/.test(v.slice(0, offset))) ({ node, offset } = before(node));
    else {
      // Mid-text (cannot happen with the plans above): split, which keeps every character.
      (node as Text).splitText(offset);
      ({ node, offset } = after(node));
    }
  }
  const ref = node.childNodes[offset] ?? null;
  for (const n of nodes) node.insertBefore(n, ref);
  return nodes;
}

function runFallback(handle: ComposeHandle, body: HTMLElement, intro: string[], unsub: string[] | null, caret: Point | null) {
  const doc = body.ownerDocument;
  const inserted: Node[] = [];
  const plan = planIntro(handle, body, caret);
  if (plan.extra) inserted.push(plan.extra);
  const introNodes = insertInline(doc, plan, intro);
  inserted.push(...introNodes);
  dispatchInput(body, 'insertText', intro.join('\n'));
  const lastText = [...introNodes].reverse().find((n) => n.nodeType === 3);
  const caretAfter = lastText ? { node: lastText, offset: (lastText.nodeValue ?? '').length } : null;
  let steps = 1;
  if (unsub) {
    const end = planEnd(handle, body);
    if (end.extra) inserted.push(end.extra);
    inserted.push(...insertInline(doc, end, unsub));
    dispatchInput(body, 'insertText', unsub.join('\n'));
    steps++;
  }
  return { inserted, steps, caretAfter };
}

function insertIntoEditable(handle: ComposeHandle, body: HTMLElement, text: IntroText, opts: InsertOptions): InsertOutcome {
  const doc = body.ownerDocument;
  if (!(body.isContentEditable || doc.designMode === 'on')) return fail('not-editable');
  const userText = body.textContent ?? '';
  const introQ = squash(text.intro);
  if (!introQ) return fail('exec-failed');
  if (squash(userText).includes(introQ)) return fail('already-present');
  const unsubQ = squash(text.unsubscribe);
  const wantUnsub = !!unsubQ && !squash(userText).includes(unsubQ);
  const introLines = lines(text.intro);
  const unsubLines = wantUnsub ? lines(text.unsubscribe) : null;
  const inserted = wantUnsub ? [text.intro, text.unsubscribe] : [text.intro];
  const originalHtml = body.innerHTML;
  const caret = currentCaret(body, opts, handle.root.ownerDocument);
  disarmUndo(doc);

  if (!opts.forceFallback && canExec(doc)) {
    const run = runNative(handle, body, introLines, unsubLines, caret);
    if (run.ok && userTextIntact(userText, body.textContent ?? '', inserted)) {
      const { steps, baseHtml, extras } = run;
      armUndo(doc, body, handle.root.ownerDocument, () => undoNative(body, steps, baseHtml, userText, inserted, extras), true);
      return { ok: true, steps, path: 'native', ...(wantUnsub ? {} : { unsubscribeSkipped: true }) };
    }
    // Roll back whatever the commands did, then try the DOM path from a clean body.
    undoNative(body, run.steps, run.baseHtml, userText, inserted, run.extras);
    if (body.innerHTML !== originalHtml) return fail('exec-failed');
  }

  const { inserted: nodes, steps, caretAfter } = runFallback(handle, body, introLines, unsubLines, caret);
  if (!userTextIntact(userText, body.textContent ?? '', inserted)) {
    for (const n of [...nodes].reverse()) n.parentNode?.removeChild(n);
    return fail('exec-failed');
  }
  if (caretAfter) setCaret(doc, caretAfter);
  armUndo(doc, body, handle.root.ownerDocument, () => {
    for (const n of [...nodes].reverse()) n.parentNode?.removeChild(n);
    dispatchInput(body, 'historyUndo', null);
  });
  return { ok: true, steps, path: 'fallback', ...(wantUnsub ? {} : { unsubscribeSkipped: true }) };
}

// ---------------------------------------------------------------------------------------------------------
// textarea / input

/** Start of the plain-text signature ("-- " line) or of a quoted message, else the end of the value. */
export function plainTextBoundary(value: string): number {
  let end = value.length;
  const sig = /(^|\n)-- ?(\r?\n|$)/.exec(value);
  if (sig) end = Math.min(end, sig.index + sig[1].length);
  const quote = /(^|\n)([^\n]*(?:a écrit|wrote|schrieb|escribió|ha scritto|heeft geschreven)[^\n]*:[ \t]*\r?\n)?>/i.exec(value);
  if (quote) end = Math.min(end, quote.index + quote[1].length);
  const original = /(^|\n)-{3,}\s*(?:Original Message|Message d'origine|Message original|Ursprüngliche Nachricht|Mensaje original)/i.exec(value);
  if (original) end = Math.min(end, original.index + original[1].length);
  return end;
}

function planField(value: string, caret: number | null, intro: string): { pos: number; str: string } {
  const boundary = plainTextBoundary(value);
  if (caret !== null && caret <= boundary) {
    const ls = value.lastIndexOf('\n', caret - 1) + 1;
    let le = value.indexOf('\n', caret);
    if (le < 0) le = value.length;
    const before = value.slice(ls, caret);
    const after = value.slice(caret, le);
    if (!/\S/.test(before) && !/\S/.test(after)) return { pos: caret, str: intro };
    if (!/\S/.test(before)) return { pos: ls, str: `${intro}\n` };
    return { pos: le, str: `\n${intro}` };
  }
  const firstEnd = value.indexOf('\n');
  const firstLine = firstEnd < 0 ? value : value.slice(0, firstEnd);
  if (boundary > 0 && !/\S/.test(firstLine)) return { pos: 0, str: intro };
  return { pos: 0, str: value.length ? `${intro}\n` : intro };
}

function planFieldEnd(value: string, unsub: string): { pos: number; str: string } {
  const boundary = plainTextBoundary(value);
  let last = boundary - 1;
  while (last >= 0 && /\s/.test(value[last])) last--;
  if (last < 0) return { pos: 0, str: value.length ? `${unsub}\n` : unsub };
  let le = value.indexOf('\n', last);
  if (le < 0) le = value.length;
  return { pos: le, str: `\n${unsub}` };
}

function editField(field: HTMLInputElement | HTMLTextAreaElement, pos: number, str: string, forceFallback: boolean): 'native' | 'fallback' | null {
  const before = field.value;
  const expected = before.slice(0, pos) + str + before.slice(pos);
  try {
    field.focus({ preventScroll: true });
    field.setSelectionRange(pos, pos);
  } catch {
    /* some input types refuse selection */
  }
  if (!forceFallback && canExec(field.ownerDocument)) {
    try {
      insertTextIntoField(field, str);
    } catch {
      /* fall through */
    }
    if (field.value === expected) return 'native';
    if (field.value !== before) return null;
  }
  field.setRangeText(str, pos, pos, 'end');
  dispatchInput(field, 'insertText', str);
  return field.value === expected ? 'fallback' : null;
}

function insertIntoField(
  field: HTMLInputElement | HTMLTextAreaElement,
  text: IntroText,
  opts: InsertOptions,
  topDoc: Document,
): InsertOutcome {
  if (field.disabled || field.readOnly) return fail('not-editable');
  const doc = field.ownerDocument;
  const original = field.value;
  const introStr = lines(text.intro).join('\n');
  if (!squash(introStr)) return fail('exec-failed');
  if (squash(original).includes(squash(introStr))) return fail('already-present');
  const unsubStr = lines(text.unsubscribe).join('\n');
  const wantUnsub = !!squash(unsubStr) && !squash(original).includes(squash(unsubStr));
  const knowsCaret = doc.activeElement === field || focusedFields.has(field);
  const caret = knowsCaret ? field.selectionEnd : null;
  disarmUndo(doc);

  const paths: Array<'native' | 'fallback'> = [];
  const first = planField(original, caret, introStr);
  const p1 = editField(field, first.pos, first.str, !!opts.forceFallback);
  if (!p1) return restoreField(field, original);
  paths.push(p1);
  if (wantUnsub) {
    const second = planFieldEnd(field.value, unsubStr);
    const p2 = editField(field, second.pos, second.str, !!opts.forceFallback);
    if (!p2) return restoreField(field, original);
    paths.push(p2);
  }
  try {
    const end = field.value.indexOf(introStr) + introStr.length;
    field.setSelectionRange(end, end);
  } catch {
    /* ignore */
  }
  const steps = paths.length;
  const native = paths.every((p) => p === 'native');
  armUndo(doc, field, topDoc, () => {
    if (native && undoAvailable(doc)) {
      for (let i = 0; i < steps && field.value !== original; i++) {
        const prev = field.value;
        if (!doc.execCommand('undo', false) || field.value === prev) break;
        if (field.value.length < original.length) {
          doc.execCommand('redo', false);
          break;
        }
      }
    }
    if (field.value !== original) {
      field.setRangeText(original, 0, field.value.length, 'end');
      dispatchInput(field, 'historyUndo', null);
    }
  });
  return { ok: true, steps, path: native ? 'native' : 'fallback', ...(wantUnsub ? {} : { unsubscribeSkipped: true }) };
}

function restoreField(field: HTMLInputElement | HTMLTextAreaElement, original: string): InsertOutcome {
  if (field.value !== original) {
    field.setRangeText(original, 0, field.value.length, 'end');
    dispatchInput(field, 'insertReplacementText', original);
  }
  return fail('exec-failed');
}

// ---------------------------------------------------------------------------------------------------------
// One-shot Ctrl/Cmd+Z

const armed = new WeakMap<Document, () => void>();

function disarmUndo(doc: Document): void {
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
function armUndo(doc: Document, editor: HTMLElement, topDoc: Document, undo: () => void, native = false): void {
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

function undoAvailable(doc: Document): boolean {
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
