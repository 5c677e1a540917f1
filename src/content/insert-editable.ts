/**
 * Insertion into a contenteditable body (Gmail, OWA, Yahoo, a TinyMCE iframe body, CKEditor, ProseMirror, Lexical,
 * Quill…). Each block of lines goes where insert-plan.ts says, through the input path the editor listens to
 * (insert-kind.ts picks the chain; the strategies are below); success is only reported after the editor had its
 * turn to keep or revert the edit, by comparing the body's line structure with what the user had (keptLines). A
 * strategy that left the body unchanged or wrong is taken back and the next one is tried; when none worked,
 * nothing is left changed.
 */
import { squash } from '../sites/dom-util';
import { canExec, dispatchInput, fail, keptLines, lines, pageEvent, readLines, sendBeforeInput, textTransfer, turn } from './insert-common';
import type { EditorKind, InsertOptions, InsertOutcome, Point, Strategy } from './insert-common';
import { currentCaret, focusEditable, ownUndoStepAt, setCaret, sinceLastInput } from './insert-caret';
import { detectEditor, historyGroupMs, nativeHistory, strategiesFor } from './insert-kind';
import { after, before, planEnd, planIntro, sequence } from './insert-plan';
import type { Cmd, Plan, PlanHandle } from './insert-plan';
import { armUndo, disarmUndo, undoTo } from './insert-undo';
import type { UndoMethod, UndoTarget } from './insert-undo';

/**
 * Waits until the editor is done with an edit: at least two turns (a frame and a task each) and 120 ms, until the
 * body stayed the same for two turns in a row (at most a second): an editor that queues input or re-renders from its
 * model a moment later (CKEditor 5, Lexical's batched updates) has done so by then.
 */
export async function settle(body: HTMLElement): Promise<void> {
  const doc = body.ownerDocument;
  const start = Date.now();
  let last = body.innerHTML;
  let stable = 0;
  await turn(doc);
  while (Date.now() - start < 1000) {
    await turn(doc);
    const now = body.innerHTML;
    if (now !== last) {
      last = now;
      stable = 0;
    } else if (++stable >= 2 && Date.now() - start >= 120) break;
  }
}

/** Lines to insert, and where: at the caret (else the start of the user's part), at its start, or at its end. */
export interface Block {
  lines: string[];
  at: 'caret' | 'start' | 'end';
}

/** A caret said as a character offset in the body's text, so it survives an editor re-rendering its nodes. */
interface Mark {
  offset: number;
  toStart: boolean;
}

function markOf(body: HTMLElement, p: Point): Mark {
  const r = body.ownerDocument.createRange();
  r.setStart(body, 0);
  r.setEnd(p.node, p.offset);
  return { offset: r.toString().length, toStart: false };
}

function pointOf(body: HTMLElement, m: Mark): Point {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* text */);
  let acc = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n.nodeValue ?? '').length;
    if (m.toStart ? acc + len > m.offset : acc + len >= m.offset) return { node: n, offset: m.offset - acc };
    acc += len;
  }
  return { node: body, offset: body.childNodes.length };
}

function planFor(handle: PlanHandle, body: HTMLElement, block: Block, caret: Point | null): Plan {
  if (block.at === 'end') return planEnd(handle, body);
  return planIntro(handle, body, block.at === 'caret' ? caret : null);
}

/** The lines as one text, paragraph breaks as newlines (what a paste carries). */
const asText = (cmds: Cmd[]) => cmds.map((c) => (c.cmd === 'insertParagraph' ? '\n' : c.arg)).join('');

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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

interface Run {
  /** Edits made (commands or events the editor took). */
  steps: number;
  /** Nodes made by the DOM strategy, and the empty lines a plan added, to take back without an undo stack. */
  nodes: Node[];
  /** The caret right after the first block, to give back. */
  caretAfter: Range | null;
}

/** Sends one command of a block through `strategy`; false when the editor (or browser) did not take it. */
function send(strategy: Strategy, body: HTMLElement, c: Cmd): boolean {
  const doc = body.ownerDocument;
  if (strategy === 'exec') return c.cmd === 'insertText' ? doc.execCommand('insertText', false, c.arg) : doc.execCommand('insertParagraph', false);
  if (c.cmd === 'insertParagraph') return sendBeforeInput(body, 'insertParagraph', null);
  return sendBeforeInput(body, 'insertReplacementText', c.arg, textTransfer(body, c.arg));
}

function paste(body: HTMLElement, cmds: Cmd[]): boolean {
  const text = asText(cmds);
  const html = text
    .split('\n')
    .map((l) => `<p>${l ? escapeHtml(l) : '<br>'}</p>`)
    .join('');
  const empty = textTransfer(body, '');
  if (!empty) return false;
  const ev = pageEvent<ClipboardEvent>(body, 'ClipboardEvent', 'paste', { bubbles: true, cancelable: true, composed: true, clipboardData: empty });
  // Firefox gives the event a DataTransfer of its own (a copy of the one passed, without its data): the data is set
  // on the event's.
  const cd = ev?.clipboardData;
  if (!ev || !cd) return false;
  try {
    cd.setData('text/plain', text);
    cd.setData('text/html', html);
  } catch {
    return false;
  }
  if (cd.getData('text/plain') !== text) return false;
  return !body.dispatchEvent(ev);
}

async function runStrategy(strategy: Strategy, handle: PlanHandle, body: HTMLElement, blocks: Block[], caret: Point | null, run: Run): Promise<Run> {
  const doc = body.ownerDocument;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    focusEditable(body);
    if (strategy !== 'exec' && strategy !== 'dom') await turn(doc); // an editor restores its own selection on focus
    const plan = planFor(handle, body, block, caret);
    if (plan.extra) run.nodes.push(plan.extra);
    const cmds = sequence(plan, block.lines);
    if (strategy === 'dom') {
      run.nodes.push(...insertInline(doc, plan, block.lines));
      dispatchInput(body, 'insertText', block.lines.join('\n'));
      run.steps++;
    } else {
      setCaret(doc, strategy === 'exec' ? ownUndoStepAt(plan.point) : plan.point);
      // The editor reads the caret on selectionchange, a task later.
      if (strategy !== 'exec') await turn(doc);
      if (strategy === 'paste') {
        if (!paste(body, cmds)) return run;
        run.steps++;
      } else if (strategy === 'exec') {
        for (const c of cmds) {
          if (!send(strategy, body, c)) return run;
          run.steps++;
        }
      } else {
        // An editor may take a beforeinput without cancelling it (CKEditor 5 queues the text until the DOM mutates
        // or 50 ms pass): every event is sent, and the body is judged once it settled.
        for (const c of cmds) {
          send(strategy, body, c);
          run.steps++;
        }
      }
    }
    if (b === 0) {
      const sel = doc.getSelection();
      run.caretAfter = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
    }
    // The editor renders its model before the next block is planned from the DOM.
    if (strategy !== 'exec' && strategy !== 'dom' && b < blocks.length - 1) await settle(body);
  }
  return run;
}

function undoMethods(strategy: Strategy, kind: EditorKind): UndoMethod[] {
  return strategy === 'exec' && nativeHistory(kind) ? ['native', 'history'] : ['history', 'native'];
}

/** Takes a run back: the DOM strategy's nodes, or undo steps; true when the body is what it was. */
async function takeBack(body: HTMLElement, run: Run, strategy: Strategy, kind: EditorKind, target: UndoTarget): Promise<boolean> {
  if (body.innerHTML === target.html) return true;
  let ok = false;
  if (strategy === 'dom') {
    for (const n of [...run.nodes].reverse()) n.parentNode?.removeChild(n);
    dispatchInput(body, 'historyUndo', null);
  } else {
    ok = run.steps > 0 && (await undoTo(body, target, undoMethods(strategy, kind), Math.min(80, run.steps * 3 + 4)));
    for (const n of run.nodes) if (n.isConnected && n.nodeType === 1 && !/\S/.test(n.textContent ?? '')) (n as Element).remove();
  }
  if (ok || body.innerHTML === target.html) return true;
  // Where the DOM is the document (no editor model behind it), what the user had is put back as it was.
  if (nativeHistory(kind)) {
    body.innerHTML = target.html;
    dispatchInput(body, 'historyUndo', null);
    return body.innerHTML === target.html;
  }
  return false;
}

/**
 * Inserts the blocks into `body` through the first strategy of the chain the editor takes. The outcome is only
 * `ok` once the body (after two turns of the editor's) holds every line the user had, unchanged and in order, and
 * each block as lines of its own.
 */
export async function insertBlocks(
  handle: PlanHandle,
  body: HTMLElement,
  blocks: Block[],
  opts: InsertOptions,
  topDoc: Document,
): Promise<InsertOutcome> {
  const doc = body.ownerDocument;
  if (!(body.isContentEditable || doc.designMode === 'on')) return fail('not-editable');
  const kind = opts.editor ?? detectEditor(body);
  const target: UndoTarget = { html: body.innerHTML, lines: readLines(body), text: body.textContent ?? '' };
  const want = blocks.map((b) => b.lines);
  const caret0 = currentCaret(body, opts, topDoc);
  const mark = caret0 ? markOf(body, caret0) : null;
  disarmUndo(doc);

  const wait = historyGroupMs(kind) - sinceLastInput(doc);
  if (wait > 0 && !opts.forceFallback) await new Promise((r) => setTimeout(r, wait));

  let chain: Strategy[] = opts.forceFallback ? ['dom'] : (opts.strategies ?? strategiesFor(kind));
  if (!canExec(doc)) chain = chain.filter((s) => s !== 'exec');
  for (const strategy of chain) {
    let caret = caret0;
    if (caret && !(caret.node === body || body.contains(caret.node)) && mark) caret = pointOf(body, mark);
    if (caret && mark && !caret.node.isConnected) caret = pointOf(body, mark);
    const run: Run = { steps: 0, nodes: [], caretAfter: null };
    try {
      await runStrategy(strategy, handle, body, blocks, caret, run);
    } catch {
      /* taken back below */
    }
    // The editor's turn (a frame and a task), then again after its own asynchronous re-render.
    let ok = false;
    if (run.steps) {
      await settle(body);
      ok = keptLines(target.lines, readLines(body), want);
      if (ok) {
        await turn(doc);
        ok = keptLines(target.lines, readLines(body), want);
      }
    }
    if (ok) {
      const steps = run.steps;
      focusEditable(body);
      if (run.caretAfter && run.caretAfter.startContainer.isConnected && body.contains(run.caretAfter.startContainer)) {
        const sel = doc.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(run.caretAfter);
      }
      const left = readLines(body);
      const done = run;
      armUndo(doc, body, topDoc, {
        matches: () => {
          const now = readLines(body);
          return now.length === left.length && now.every((l, i) => l === left[i]);
        },
        undo: () => takeBack(body, done, strategy, kind, target),
      });
      return { ok: true, steps, path: strategy === 'exec' ? 'native' : 'fallback', strategy, editor: kind };
    }
    // Put back what was there before trying the next way in.
    if (!(await takeBack(body, run, strategy, kind, target).catch(() => false))) {
      focusEditable(body);
      return fail('exec-failed');
    }
  }
  focusEditable(body);
  return fail('exec-failed');
}

/** The introduction at the caret (or the start), the unsubscribe line at the end of the user's part. */
export async function insertIntoEditable(
  handle: PlanHandle,
  body: HTMLElement,
  text: { intro: string; unsubscribe: string },
  opts: InsertOptions,
  topDoc: Document,
): Promise<InsertOutcome> {
  const userText = body.textContent ?? '';
  const introQ = squash(text.intro);
  if (!introQ) return fail('exec-failed');
  if (squash(userText).includes(introQ)) return fail('already-present');
  const unsubQ = squash(text.unsubscribe);
  const wantUnsub = !!unsubQ && !squash(userText).includes(unsubQ);
  const blocks: Block[] = [{ lines: lines(text.intro), at: 'caret' }];
  if (wantUnsub) blocks.push({ lines: lines(text.unsubscribe), at: 'end' });
  const out = await insertBlocks(handle, body, blocks, opts, topDoc);
  return out.ok && !wantUnsub ? { ...out, unsubscribeSkipped: true } : out;
}
