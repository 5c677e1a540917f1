/**
 * One-click insertion of the B2B introduction and the unsubscribe line into a compose body, through the
 * editor's own input path so the site's model (draft autosave, Send button state) sees a normal edit:
 *
 * - where it goes: insert-plan.ts (the introduction at the caret when it is in what the user wrote, as its own
 *   line, else at the start; the unsubscribe line at the end of the user's part, above signature and quote);
 * - the caret: insert-caret.ts (the last caret in the body, kept across a click on the overlay);
 * - contenteditable bodies: insert-editable.ts (one insertText per line, insertParagraph between, DOM fallback);
 * - textarea / input: insert-field.ts (text-field-edit, setRangeText fallback);
 * - one Ctrl+Z undoes it all: insert-undo.ts.
 */
import type { ComposeHandle } from '../sites/types';
import { isTextField } from '../sites/dom-util';
import { fail } from './insert-common';
import type { InsertOptions, InsertOutcome, IntroText } from './insert-common';
import { watchCaret } from './insert-caret';
import { insertIntoEditable } from './insert-editable';
import { insertIntoField } from './insert-field';

export type { IntroText, InsertFailure, InsertOptions, InsertOutcome } from './insert-common';
export { watchCaret } from './insert-caret';
export { plainTextBoundary } from './insert-plan';
export { cancelPendingUndo } from './insert-undo';

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
