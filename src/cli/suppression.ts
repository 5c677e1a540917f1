/**
 * --suppression FILE: addresses never to contact (unsubscribed, objected, bounced…), in any format the
 * audit reads (CSV, one per line, vCard, spreadsheet). Every address found in its address columns is
 * kept, normalised the way the engine normalises a recipient (display name dropped, lower case, IDN
 * in Unicode form), so "Jean <JEAN@Acme.FR>" suppresses jean@acme.fr.
 */
import { parseAddress } from '../rules/address';
import { splitCell } from './cells';
import type { ByteSource } from './io';
import { detectLayout, type LayoutResult } from './layout';
import { openInput, type Opened } from './input';

export type SuppressionResult =
  | { ok: true; set: Set<string> }
  | { ok: false; opened: Opened }
  | { ok: false; layout: Exclude<LayoutResult, { ok: true }> };

export function normalizeForSuppression(address: string): string | null {
  const p = parseAddress(address);
  return p.ok ? p.email.toLowerCase() : null;
}

/** Reads the list (throws ReadError when the file cannot be read). */
export async function loadSuppression(file: string, stdin: ByteSource): Promise<SuppressionResult> {
  const opened = await openInput(file, stdin);
  const set = new Set<string>();
  const add = (cell: string) => {
    for (const a of splitCell(cell)) {
      const n = normalizeForSuppression(a);
      if (n) set.add(n);
    }
  };
  if (opened.kind === 'vcard') {
    for await (const cards of opened.cards) for (const c of cards) for (const e of c.emails) add(e.value);
    return { ok: true, set };
  }
  if (opened.kind !== 'csv' && opened.kind !== 'lines' && opened.kind !== 'sheet') return { ok: false, opened };
  const iter = opened.rows[Symbol.asyncIterator]();
  const buffered: { cells: string[] }[][] = [];
  const sample: string[][] = [];
  let done = false;
  while (sample.length < 1000) {
    const r = await iter.next();
    if (r.done) {
      done = true;
      break;
    }
    buffered.push(r.value);
    for (const row of r.value) if (sample.length < 1000) sample.push(row.cells);
  }
  const layout = detectLayout(sample);
  if (!layout.ok) {
    if (layout.reason === 'header-only') return { ok: true, set }; // an empty list: nothing suppressed
    return { ok: false, layout };
  }
  const { headerIndex, addressColumns } = layout.layout;
  let index = 0;
  const take = (rows: readonly { cells: string[] }[]) => {
    for (const row of rows) {
      if (index++ <= headerIndex) continue;
      for (const c of addressColumns) add(row.cells[c] ?? '');
    }
  };
  for (const b of buffered) take(b);
  if (!done) for (let r = await iter.next(); !r.done; r = await iter.next()) take(r.value);
  return { ok: true, set };
}
