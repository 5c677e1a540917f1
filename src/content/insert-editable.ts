/**
 * Insertion into a contenteditable body (Gmail, OWA, Yahoo, an iframe TinyMCE body): focus, place the caret, then
 * one `execCommand('insertText')` per line with `insertParagraph` between lines (Briskine's per-line approach, the
 * one LinkedIn and roosterjs accept). Browsers without execCommand get a DOM fallback (text nodes and <br> inserted
 * at the same places, plus an `input` event).
 */
import type { ComposeHandle } from '../sites/types';
import { squash } from '../sites/dom-util';
import { canExec, dispatchInput, fail, lines, userTextIntact } from './insert-common';
import type { InsertOptions, InsertOutcome, IntroText, Point } from './insert-common';
import { currentCaret, focusEditable, ownUndoStepAt, setCaret } from './insert-caret';
import { after, before, planEnd, planIntro, sequence } from './insert-plan';
import type { Cmd, Plan } from './insert-plan';
import { armUndo, disarmUndo } from './insert-undo';

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
  setCaret(doc, ownUndoStepAt(plan.point));
  for (const c of sequence(plan, intro)) if (!exec(c)) return run;
  // A live range: stays right after the introduction while the unsubscribe line is added further down.
  const sel = doc.getSelection();
  const afterIntro = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
  if (unsub) {
    const end = planEnd(handle, body);
    if (end.extra) run.extras.push(end.extra);
    setCaret(doc, end.point);
    for (const c of sequence(end, unsub)) if (!exec(c)) return run;
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
function undoNative(body: HTMLElement, steps: number, baseHtml: string, userText: string, extras: HTMLElement[]): void {
  const doc = body.ownerDocument;
  const user = userText.replace(/\s+/g, '');
  focusEditable(body);
  for (let i = 0; i < steps; i++) {
    if (body.innerHTML === baseHtml) break;
    const prevHtml = body.innerHTML;
    if (!doc.execCommand('undo', false)) break;
    if (body.innerHTML === prevHtml) break;
    // Went past our edits (a character the user typed is gone): put it back and stop. Between two of our undo
    // steps part of the introduction may still be there (Firefox keeps one step per line): the user's text is
    // then still all there, in order, around it.
    if (!inOrderWithin(user, (body.textContent ?? '').replace(/\s+/g, ''))) {
      doc.execCommand('redo', false);
      break;
    }
  }
  for (const x of extras) if (x.isConnected && !/\S/.test(x.textContent ?? '')) x.remove();
}

/** Every character of `part`, in order, within `whole` (what is left of the user's text around our insertion). */
function inOrderWithin(part: string, whole: string): boolean {
  let j = 0;
  for (let i = 0; i < whole.length && j < part.length; i++) if (whole[i] === part[j]) j++;
  return j === part.length;
}

function insertInline(doc: Document, plan: Plan, textLines: string[]): Node[] {
  const nodes: Node[] = [];
  textLines.forEach((l, i) => {
    if (i > 0) nodes.push(doc.createElement('br'));
    if (l) nodes.push(doc.createTextNode(l));
  });
  if (plan.mode === 'after') nodes.unshift(doc.createElement('br'));
  if (plan.blankAbove) nodes.unshift(doc.createElement('br'));
  if (plan.mode === 'before') nodes.push(doc.createElement('br'));
  if (plan.blankBelow) nodes.push(doc.createElement('br'));
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
  // A <br> that ends its block shows no line: the blank line below needs one more.
  if (plan.blankBelow && !ref) nodes.push(doc.createElement('br'));
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

export function insertIntoEditable(handle: ComposeHandle, body: HTMLElement, text: IntroText, opts: InsertOptions): InsertOutcome {
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
      armUndo(doc, body, handle.root.ownerDocument, () => undoNative(body, steps, baseHtml, userText, extras), true);
      return { ok: true, steps, path: 'native', ...(wantUnsub ? {} : { unsubscribeSkipped: true }) };
    }
    // Roll back whatever the commands did, then try the DOM path from a clean body.
    undoNative(body, run.steps, run.baseHtml, userText, run.extras);
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
