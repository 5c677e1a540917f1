/**
 * One-click insertion into a compose body, through the editor's own input path so the site's model (draft
 * autosave, Send button state, the editor's own document) sees a normal edit:
 *
 * - where it goes: insert-plan.ts (the introduction at the caret when it is in what the user wrote, as its own
 *   line, else at the start; the unsubscribe line at the end of the user's part, above signature and quote);
 * - the caret: insert-caret.ts (the last caret in the body, kept across a click on the overlay);
 * - which editor, which input path: insert-kind.ts (detected from the DOM, or named by the site file's
 *   `editorHint()` hook), strategies in insert-editable.ts (`exec`, `beforeinput`, `paste`, `dom`);
 * - contenteditable bodies: insert-editable.ts (success only after the editor's turn, line structure compared);
 * - textarea / input: insert-field.ts (text-field-edit, native value setter + input as the fallback);
 * - one Ctrl+Z undoes it all, while the body is what we left: insert-undo.ts.
 *
 * The API for the content script and site files:
 * - `insertIntroduction(handle, { intro, unsubscribe })` — the B2B introduction and the unsubscribe line;
 * - `insertLines(handle, lines, { at })` — any lines (a missing checklist element, a LinkedIn note) at the caret,
 *   the start or the end of the user's part; `insertLines(element, …)` for a field that is not a compose body.
 * Both resolve once the editor kept (or reverted) the edit, never throw, and change nothing when they fail.
 */
import type { ComposeHandle } from '../sites/types';
import { isTextField } from '../sites/dom-util';
import { fail, lines } from './insert-common';
import type { InsertOptions, InsertOutcome, IntroText } from './insert-common';
import { watchCaret } from './insert-caret';
import { insertBlocks, insertIntoEditable } from './insert-editable';
import type { Block } from './insert-editable';
import { insertBlocksIntoField, insertIntoField } from './insert-field';

export type { EditorKind, IntroText, InsertFailure, InsertOptions, InsertOutcome, Strategy } from './insert-common';
export { watchCaret } from './insert-caret';
export { detectEditor, strategiesFor } from './insert-kind';
export { plainTextBoundary } from './insert-plan';
export { cancelPendingUndo } from './insert-undo';

/** The site's hint (ComposeHandle.editorHint) merged under the caller's options. */
function withHint(handle: ComposeHandle | null, opts: InsertOptions): InsertOptions {
  let hint: ReturnType<NonNullable<ComposeHandle['editorHint']>> | null = null;
  try {
    hint = handle?.editorHint?.() ?? null;
  } catch {
    hint = null;
  }
  return hint ? { editor: hint.kind, strategies: hint.strategies, ...opts } : opts;
}

function target(handle: ComposeHandle | HTMLElement): { body: HTMLElement | null; handle: ComposeHandle | null; topDoc: Document | null } {
  if ('root' in handle && typeof (handle as ComposeHandle).body === 'function') {
    const h = handle as ComposeHandle;
    return { body: h.body(), handle: h, topDoc: h.root.ownerDocument };
  }
  const el = handle as HTMLElement;
  return { body: el, handle: null, topDoc: el.ownerDocument };
}

export async function insertIntroduction(handle: ComposeHandle, text: IntroText, opts: InsertOptions = {}): Promise<InsertOutcome> {
  try {
    const body = handle.body();
    if (!body || !body.isConnected) return fail('no-body');
    const topDoc = handle.root.ownerDocument;
    watchCaret(body.ownerDocument);
    if (body.ownerDocument !== topDoc) watchCaret(topDoc);
    const o = withHint(handle, opts);
    if (isTextField(body)) return await insertIntoField(body, text, o, topDoc);
    return await insertIntoEditable(handle, body, text, o, topDoc);
  } catch {
    return fail('exec-failed');
  }
}

export interface InsertLinesOptions extends InsertOptions {
  /** Where: at the caret (else the start of the user's part; the default), at the start, or at the end (above the signature). */
  at?: 'caret' | 'start' | 'end';
}

const NO_MARKS = { signature: () => null, quote: () => null };

/**
 * Inserts `text` (lines) as lines of their own into a compose body (a handle: signature and quote are respected)
 * or into any editable element or text field.
 */
export async function insertLines(into: ComposeHandle | HTMLElement, text: string | string[], opts: InsertLinesOptions = {}): Promise<InsertOutcome> {
  try {
    const { body, handle, topDoc } = target(into);
    if (!body || !body.isConnected || !topDoc) return fail('no-body');
    const ls = Array.isArray(text) ? text.flatMap((t) => lines(t)) : lines(text);
    if (!ls.some((l) => /\S/.test(l))) return fail('exec-failed');
    watchCaret(body.ownerDocument);
    const o = withHint(handle, opts);
    const blocks: Block[] = [{ lines: ls, at: opts.at ?? 'caret' }];
    if (isTextField(body)) return await insertBlocksIntoField(body, blocks, o, topDoc);
    return await insertBlocks(handle ?? NO_MARKS, body, blocks, o, topDoc);
  } catch {
    return fail('exec-failed');
  }
}
