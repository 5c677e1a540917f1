/**
 * Insertion into a textarea / input: `text-field-edit`'s insert (execCommand, undoable); `setRangeText` + `input`
 * event as the fallback.
 */
import { insertTextIntoField } from 'text-field-edit';
import { squash } from '../sites/dom-util';
import { canExec, dispatchInput, fail, lines } from './insert-common';
import type { InsertOptions, InsertOutcome, IntroText } from './insert-common';
import { focusedFields } from './insert-caret';
import { planField, planFieldEnd } from './insert-plan';
import { armUndo, disarmUndo, undoAvailable } from './insert-undo';

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

export function insertIntoField(
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
