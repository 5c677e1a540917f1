/**
 * Insertion into a textarea / input: `text-field-edit`'s insert (execCommand insertText: undoable, seen by React,
 * Ember and every framework as typing); where the browser refuses it, the native value setter then an `input` event
 * (what React's and Ember's controlled fields take: the framework's own value tracker still holds the old value, so
 * it sees a change). Success only after a turn: a controlled field that did not take the edit is re-rendered with
 * its old value, and the insertion is then reported as failed.
 */
import { insertTextIntoField } from 'text-field-edit';
import { squash } from '../sites/dom-util';
import { canExec, dispatchInput, fail, lines, turn } from './insert-common';
import type { InsertOptions, InsertOutcome } from './insert-common';
import { focusedFields } from './insert-caret';
import { planField, planFieldEnd } from './insert-plan';
import { armUndo, disarmUndo, undoTo } from './insert-undo';
import type { Block } from './insert-editable';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Sets the value through the element's prototype setter (not a framework's instance override), then `input`. */
export function setFieldValue(field: Field, value: string, inputType = 'insertText', data: string | null = null): void {
  const proto = Object.getPrototypeOf(field) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
  dispatchInput(field, inputType, data);
}

function editField(field: Field, pos: number, str: string, forceFallback: boolean): 'native' | 'fallback' | null {
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
  setFieldValue(field, expected, 'insertText', str);
  try {
    field.setSelectionRange(pos + str.length, pos + str.length);
  } catch {
    /* ignore */
  }
  return field.value === expected ? 'fallback' : null;
}

/** Inserts the blocks into a text field: at the caret (a field the user focused) or the start, and at the end. */
export async function insertBlocksIntoField(field: Field, blocks: Block[], opts: InsertOptions, topDoc: Document): Promise<InsertOutcome> {
  if (field.disabled || field.readOnly) return fail('not-editable');
  const doc = field.ownerDocument;
  const original = field.value;
  const knowsCaret = doc.activeElement === field || focusedFields.has(field);
  const caret = knowsCaret ? field.selectionEnd : null;
  disarmUndo(doc);

  const paths: Array<'native' | 'fallback'> = [];
  let introEnd = -1;
  for (const block of blocks) {
    const str = block.lines.join('\n');
    const plan = block.at === 'end' ? planFieldEnd(field.value, str) : planField(field.value, block.at === 'caret' ? caret : null, str);
    const p = editField(field, plan.pos, plan.str, !!opts.forceFallback);
    if (!p) return restoreField(field, original);
    paths.push(p);
    if (introEnd < 0) introEnd = field.value.indexOf(str, plan.pos) + str.length;
  }
  const expected = field.value;
  // A controlled field re-renders with what its framework holds: give it its turn.
  await turn(doc);
  if (field.value !== expected) return restoreField(field, original);
  try {
    if (introEnd >= 0) field.setSelectionRange(introEnd, introEnd);
    field.focus({ preventScroll: true });
  } catch {
    /* ignore */
  }
  const steps = paths.length;
  const native = paths.every((p) => p === 'native');
  const target = { html: original, lines: original.split('\n'), text: original };
  armUndo(doc, field, topDoc, {
    matches: () => field.value === expected,
    undo: async () => {
      if (native) await undoTo(field, target, ['native'], steps + 2);
      if (field.value !== original) {
        setFieldValue(field, original, 'historyUndo');
        try {
          field.setSelectionRange(caret ?? 0, caret ?? 0);
        } catch {
          /* ignore */
        }
      }
    },
  });
  return { ok: true, steps, path: native ? 'native' : 'fallback', editor: 'field' };
}

export async function insertIntoField(field: Field, text: { intro: string; unsubscribe: string }, opts: InsertOptions, topDoc: Document): Promise<InsertOutcome> {
  if (field.disabled || field.readOnly) return fail('not-editable');
  const original = field.value;
  const introStr = lines(text.intro).join('\n');
  if (!squash(introStr)) return fail('exec-failed');
  if (squash(original).includes(squash(introStr))) return fail('already-present');
  const unsubStr = lines(text.unsubscribe).join('\n');
  const wantUnsub = !!squash(unsubStr) && !squash(original).includes(squash(unsubStr));
  const blocks: Block[] = [{ lines: lines(text.intro), at: 'caret' }];
  if (wantUnsub) blocks.push({ lines: lines(text.unsubscribe), at: 'end' });
  const out = await insertBlocksIntoField(field, blocks, opts, topDoc);
  return out.ok && !wantUnsub ? { ...out, unsubscribeSkipped: true } : out;
}

function restoreField(field: Field, original: string): InsertOutcome {
  if (field.value !== original) setFieldValue(field, original, 'insertReplacementText', original);
  return fail('exec-failed');
}
