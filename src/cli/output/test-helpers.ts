/** Helpers for the output writers' tests: items from results, a context, and the bytes they write. */
import type { RecipientResult } from '../../rules/types';
import { count, newSummary, type CliResult, type Item } from '../audit';
import { ByteWriter } from '../io';
import type { Encoding } from '../source/text';
import type { OutputContext, Writer } from './context';

export function itemsOf(results: readonly (RecipientResult | CliResult)[], perRow = 1, contact = ''): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < results.length; i += perRow) {
    const rs = results.slice(i, i + perRow);
    items.push({
      row: items.length + 2,
      cells: ['x', rs[0]!.input],
      count: 2,
      raw: `x;${rs[0]!.input}`,
      contact,
      entries: rs.map((r) => ({ column: 'email', input: null, result: r as CliResult })),
    });
  }
  return items;
}

export function context(over: Partial<OutputContext> = {}): OutputContext {
  return {
    lang: 'en',
    kind: 'csv',
    header: ['name', 'email'],
    width: 2,
    addressColumns: [1],
    multi: false,
    hasContact: false,
    delimiter: ';',
    newline: '\n',
    encoding: 'utf-8',
    bom: false,
    columns: 80,
    defaultJurisdiction: 'FR',
    ...over,
  };
}

/** Runs a writer over the items; returns the raw chunks and the text. */
export function written(make: (w: ByteWriter) => Writer, items: readonly Item[], encoding: Encoding = 'utf-8'): { chunks: Uint8Array[]; bytes: Buffer; text: string } {
  const chunks: Uint8Array[] = [];
  const w = new ByteWriter((c) => void chunks.push(c), encoding);
  const writer = make(w);
  writer.items(items);
  const summary = newSummary(['email']);
  count(summary, items);
  writer.end(summary);
  w.flush();
  const bytes = Buffer.concat(chunks);
  return { chunks, bytes, text: bytes.toString('utf8') };
}
