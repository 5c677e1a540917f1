/**
 * What the insertion modules share: the outcome and options types, the line split, the check that nothing the
 * user typed changed, and the editing-command probes.
 */
import { squash } from '../sites/dom-util';

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

export const fail = (reason: InsertFailure): InsertOutcome => ({ ok: false, reason });

export function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '').split('\n');
}

/** Squashed `now` minus one occurrence of each inserted text equals squashed `before`: nothing the user typed changed. */
export function userTextIntact(before: string, now: string, inserted: string[]): boolean {
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

export type Point = { node: Node; offset: number };

export function canExec(doc: Document): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return typeof doc.queryCommandSupported !== 'function' || doc.queryCommandSupported('insertText');
  } catch {
    return false;
  }
}

export function dispatchInput(target: HTMLElement, inputType: string, data: string | null): void {
  const win = target.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Ctor = win?.InputEvent ?? (typeof InputEvent !== 'undefined' ? InputEvent : null);
  const ev = Ctor ? new Ctor('input', { bubbles: true, inputType, data }) : new Event('input', { bubbles: true });
  target.dispatchEvent(ev);
}
