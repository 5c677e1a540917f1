/**
 * Where the insertion goes. In a contenteditable body: the introduction where the caret is when it is in what the
 * user wrote (as its own line: never splitting a line the user typed), otherwise at the start of the body; the
 * unsubscribe line at the end of what the user wrote, above the signature block and a quoted message. The same
 * for a plain-text field. Pure reading of the DOM / the value: nothing is changed here (except the one empty line
 * startPlan adds before a signature that starts the body).
 */
import type { ComposeHandle } from '../sites/types';
import type { Point } from './insert-common';

type Mode = 'empty' | 'before' | 'after';
export interface Plan {
  point: Point;
  mode: Mode;
  /** An empty line we had to add (DOM) before a signature that starts the body. */
  extra?: HTMLElement;
  /**
   * The introduction is a paragraph of its own: a blank line goes between it and a line the user wrote right
   * above (below) it, unless one is already there or the editor spaces its paragraphs (<p>).
   */
  blankAbove?: boolean;
  blankBelow?: boolean;
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

/** A line as the reader sees it: the leaves from `from` to `to`; `blank` when it holds no content. */
interface Line {
  from: number;
  to: number;
  blank: boolean;
  /** Its paragraph is a <p>, which editors space with a margin: no blank line needed next to it. */
  spaced: boolean;
}

/** The lines of the user's part: a <br> ends a line (an empty one too); a block edge ends a line with content. */
function linesIn(leaves: Leaf[]): Line[] {
  const out: Line[] = [];
  let from = 0;
  let content = false;
  const push = (to: number, blank: boolean) => {
    const first = leaves[from]?.node;
    const block = (first?.nodeType === 1 ? (first as Element) : first?.parentElement)?.closest('p, div, li, blockquote, td, pre, h1, h2, h3, h4, h5, h6');
    out.push({ from, to, blank, spaced: block?.tagName === 'P' });
  };
  leaves.forEach((l, i) => {
    if (isContent(l)) content = true;
    else if (l.kind === 'br') {
      push(i, !content);
      from = i + 1;
      content = false;
    } else if (l.kind === 'open' || l.kind === 'close') {
      if (content) push(i - 1, false);
      from = i + 1;
      content = false;
    }
  });
  if (content) push(leaves.length - 1, false);
  return out;
}

/** A line the user wrote, next to the introduction, that needs a blank line between them. */
const needsGap = (l: Line | undefined) => !!l && !l.blank && !l.spaced;

/** Marks where a blank line must separate the introduction from the user's lines around it. */
function withGaps(plan: Plan, leaves: Leaf[], doc: Document): Plan {
  const lines = linesIn(leaves);
  const lineOf = (leaf: Leaf | undefined) => (leaf ? lines.findIndex((l) => leaves.indexOf(leaf) >= l.from && leaves.indexOf(leaf) <= l.to) : -1);
  let above: Line | undefined;
  let below: Line | undefined;
  if (plan.mode === 'after' || plan.mode === 'before') {
    // The leaf the point sits against: the end of the line's last content, or the start of its first.
    const contents = leaves.filter(isContent);
    const ref =
      plan.mode === 'after'
        ? [...contents].reverse().find((l) => relation(doc, plan.point, l) >= 0)
        : contents.find((l) => relation(doc, plan.point, l) <= 0);
    const at = lineOf(ref);
    if (at >= 0) {
      above = plan.mode === 'after' ? lines[at] : lines[at - 1];
      below = plan.mode === 'after' ? lines[at + 1] : lines[at];
    }
  } else {
    // An empty line (or an empty body): the lines just before and after the point.
    const i = leaves.findIndex((l) => relation(doc, plan.point, l) < 0);
    const here = i >= 0 && leaves[i]!.kind === 'br' ? lineOf(leaves[i]) : -1;
    if (here >= 0 && lines[here]!.blank) {
      above = lines[here - 1];
      below = lines[here + 1];
    } else {
      const cut = i < 0 ? leaves.length : i;
      above = [...lines].reverse().find((l) => l.to < cut);
      below = lines.find((l) => l.from >= cut);
    }
  }
  return { ...plan, blankAbove: needsGap(above), blankBelow: needsGap(below) };
}

function indexIn(node: Node): number {
  return Array.prototype.indexOf.call(node.parentNode!.childNodes, node) as number;
}
export const before = (n: Node): Point => ({ node: n.parentNode!, offset: indexIn(n) });
export const after = (n: Node): Point => ({ node: n.parentNode!, offset: indexIn(n) + 1 });

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

export function planIntro(handle: ComposeHandle, body: HTMLElement, caret: Point | null): Plan {
  const doc = body.ownerDocument;
  const boundary = boundaryOf(handle, body);
  const leaves = userLeaves(body, boundary);
  return withGaps(placeIntro(doc, body, boundary, leaves, caret), leaves, doc);
}

function placeIntro(doc: Document, body: HTMLElement, boundary: Node | null, leaves: Leaf[], caret: Point | null): Plan {
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

export function planEnd(handle: ComposeHandle, body: HTMLElement): Plan {
  const doc = body.ownerDocument;
  const boundary = boundaryOf(handle, body);
  const leaves = userLeaves(body, boundary);
  const last = [...leaves].reverse().find(isContent);
  if (last) return { point: endOf(last), mode: 'after' };
  return startPlan(doc, body, boundary, leaves);
}

export type Cmd = { cmd: 'insertText'; arg: string } | { cmd: 'insertParagraph' };

export function sequence(plan: Plan, textLines: string[]): Cmd[] {
  const cmds: Cmd[] = [];
  const paragraph = () => cmds.push({ cmd: 'insertParagraph' });
  if (plan.blankAbove) paragraph();
  if (plan.mode === 'after') paragraph();
  textLines.forEach((l, i) => {
    if (i > 0) paragraph();
    if (l) cmds.push({ cmd: 'insertText', arg: l });
  });
  if (plan.mode === 'before') paragraph();
  if (plan.blankBelow) paragraph();
  return cmds;
}

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

export function planField(value: string, caret: number | null, intro: string): { pos: number; str: string } {
  const boundary = plainTextBoundary(value);
  const user = value.slice(0, boundary);
  /** Whether the line of `user` that starts at `start` (or ends at `end`) holds text. */
  const textAt = (start: number) => start >= 0 && start < user.length && /\S/.test(user.slice(start, user.indexOf('\n', start) < 0 ? user.length : user.indexOf('\n', start)));
  const textBefore = (lineStart: number) => lineStart > 0 && /\S/.test(user.slice(user.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1));
  if (caret !== null && caret <= boundary) {
    const ls = value.lastIndexOf('\n', caret - 1) + 1;
    let le = value.indexOf('\n', caret);
    if (le < 0) le = value.length;
    const before = value.slice(ls, caret);
    const after = value.slice(caret, le);
    // A blank line between the introduction and a line the user wrote right above or below it.
    if (!/\S/.test(before) && !/\S/.test(after)) {
      return { pos: caret, str: `${textBefore(ls) ? '\n' : ''}${intro}${textAt(le + 1) ? '\n' : ''}` };
    }
    if (!/\S/.test(before)) return { pos: ls, str: `${textBefore(ls) ? '\n' : ''}${intro}\n\n` };
    return { pos: le, str: `\n\n${intro}${textAt(le + 1) ? '\n' : ''}` };
  }
  const firstEnd = value.indexOf('\n');
  const firstLine = firstEnd < 0 ? value : value.slice(0, firstEnd);
  if (boundary > 0 && !/\S/.test(firstLine)) return { pos: 0, str: `${intro}${textAt(firstEnd + 1) ? '\n' : ''}` };
  if (!value.length) return { pos: 0, str: intro };
  return { pos: 0, str: textAt(0) ? `${intro}\n\n` : `${intro}\n` };
}

export function planFieldEnd(value: string, unsub: string): { pos: number; str: string } {
  const boundary = plainTextBoundary(value);
  let last = boundary - 1;
  while (last >= 0 && /\s/.test(value[last])) last--;
  if (last < 0) return { pos: 0, str: value.length ? `${unsub}\n` : unsub };
  let le = value.indexOf('\n', last);
  if (le < 0) le = value.length;
  return { pos: le, str: `\n${unsub}` };
}
