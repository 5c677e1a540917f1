/**
 * `prospect-guard audit`: input → rows → addresses → verdicts → output, a chunk at a time.
 *
 * Memory holds the first rows (to find the header and the address columns), one chunk of rows with
 * their results, and the output buffer; nothing grows with the list except counters — for CSV,
 * text and vCard inputs (a spreadsheet is read whole, see source/sheet.ts).
 */
import { realpathSync } from 'node:fs';
import type { ClassifyOptions } from '../rules/types';
import type { AuditArgs } from './args';
import {
  auditAddresses,
  count,
  EMPTY_ROW,
  newSummary,
  noAddressReason,
  noAddressResult,
  NO_EMAIL_IN_CARD,
  suppress,
  type Classifier,
  type CliResult,
  type Engine,
  type Entry,
  type Item,
  type Summary,
} from './audit';
import { soleAddress, splitCell } from './cells';
import { MESSAGES, quoteList, type Lang } from './i18n';
import { ByteWriter, fileDestination, stdoutDestination, type Destination, type Io } from './io';
import { isStdin, openInput, ReadError, type Opened } from './input';
import type { Row } from './row';
import { columnLetter, columnName, contactOf, detectLayout, type Layout, type LayoutResult } from './layout';
import { csvShape, csvWriter } from './output/csv';
import type { OutputContext, Writer } from './output/context';
import { jsonWriter } from './output/json';
import { judgeRow, keepSummary, newKeepStats, textKeepWriter, type Filter } from './output/keep';
import { tableWriter } from './output/table';
import { heapGuard } from './heap';
import { createProgress } from './progress';
import { keptWorkbook, type OpenedSheet } from './source/sheet';
import type { Refusal } from './source/sniff';
import { emailLabel, type VCard } from './source/vcard';
import { loadSuppression } from './suppression';

export const PROGRAM = 'prospect-guard';
const SAMPLE_ROWS = 1000;
/** The table's row column, for a stream whose length is not known: room for this many rows. */
const UNKNOWN_ROWS = 9_999_999;

export type EngineLoader = () => Engine | Classifier | Promise<Engine | Classifier>;

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export async function runAudit(args: AuditArgs, io: Io, getEngine: EngineLoader): Promise<number> {
  try {
    return await audit(args, io, getEngine);
  } catch (e) {
    if (e instanceof Exit) return e.code;
    throw e;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

async function audit(args: AuditArgs, io: Io, getEngine: EngineLoader): Promise<number> {
  const lang: Lang = args.lang;
  const M = MESSAGES[lang];
  const say = (msg: string) => void io.stderr.write(`${PROGRAM}: ${msg}\n`);
  const fail = (msg: string): never => {
    say(msg);
    throw new Exit(2);
  };
  // Loaded while the input is read.
  const enginePromise = Promise.resolve().then(getEngine);
  enginePromise.catch(() => {}); // awaited below; no unhandled rejection if the input fails first

  if (args.file === undefined && io.stdin.isTTY) fail(`${M.noInputTty()} (${M.seeHelp})`);
  const name = isStdin(args.file) ? M.stdinName : args.file!;
  if (args.output !== undefined && !isStdin(args.file) && sameFile(args.output, args.file!)) fail(M.outputIsInput(args.output));

  const readFailure = (e: unknown, what: string): never => {
    if (!(e instanceof ReadError)) throw e;
    return fail(M.cannotRead(what, M.readErrors[e.code] ?? e.message.split('\n')[0]!));
  };
  const unusable = (opened: Opened, what: string): never => {
    if (opened.kind === 'empty') return fail(M.empty(what));
    if (opened.kind === 'refused') return fail(M.refused(what, opened.what as Refusal));
    if (opened.kind === 'sheet-error') {
      const e = opened.error;
      if (e.code === 'unknown-sheet') return fail(M.unknownSheet(args.sheet ?? '', what, quoteList(e.sheetNames, lang)));
      if (e.code === 'no-sheet') return fail(M.noSheet(what));
      return fail(M.sheetUnreadable(what, e.message.split('\n')[0]!));
    }
    throw new Error(`unexpected input kind ${opened.kind}`);
  };
  const layoutFailure = (r: Exclude<LayoutResult, { ok: true }>, what: string): never => {
    const cols = (h: string[] | null) => (h ? quoteList(h.filter((x) => x !== ''), lang) : '');
    if (r.reason === 'header-only') return fail(M.headerOnly(what, r.header.join(', ')));
    if (r.reason === 'unknown-column') return fail(M.unknownColumn(r.column, what, cols(r.header)));
    return fail(M.noAddressColumn(what, cols(r.header)));
  };

  // The suppression list first: a bad one stops the audit before any output.
  let suppressed: Set<string> | null = null;
  if (args.suppression !== undefined) {
    let s;
    try {
      s = await loadSuppression(args.suppression, io.stdin);
    } catch (e) {
      readFailure(e, args.suppression);
    }
    if (!s!.ok) {
      if ('opened' in s!) unusable(s!.opened, args.suppression);
      else layoutFailure(s!.layout, args.suppression);
    }
    suppressed = (s as { set: Set<string> }).set;
  }

  let opened: Opened;
  try {
    opened = await openInput(args.file, io.stdin, args.sheet !== undefined ? { sheet: args.sheet } : {});
  } catch (e) {
    return readFailure(e, name);
  }
  if (opened.kind !== 'csv' && opened.kind !== 'lines' && opened.kind !== 'sheet' && opened.kind !== 'vcard') return unusable(opened, name);
  if (args.sheet !== undefined && opened.kind !== 'sheet') fail(M.sheetOption(name));
  if (suppressed) say(M.suppressionLoaded(String(suppressed.size), args.suppression!));

  const options: ClassifyOptions = {};
  if (args.ownDomains.length) options.ownDomains = args.ownDomains;
  if (args.jurisdiction) options.jurisdiction = args.jurisdiction;
  if (args.channel) options.channel = args.channel;
  if (args.date) options.date = args.date;
  if (args.topic) options.topic = args.topic;
  const jurisdiction = args.jurisdiction ?? 'FR';
  const wantContact = args.format === 'table' && !args.keep && !args.drop;
  const filter: Filter | null = args.keep ? { mode: 'keep', values: new Set(args.keep) } : args.drop ? { mode: 'drop', values: new Set(args.drop) } : null;

  // The entries still to classify and their addresses, in the order the rows were read: the audit
  // takes them a chunk of rows at a time (one flat pass to give out the results, not a walk through
  // every row and entry again).
  let waiting: Entry[] = [];
  let waitingInputs: string[] = [];
  /** An entry whose address is still to be classified. */
  const pending = (column: string, input: string): Entry => {
    const e: Entry = { column, input, result: undefined as unknown as CliResult };
    waiting.push(e);
    waitingInputs.push(input);
    return e;
  };

  // ---- the rows' shape
  let layout: Layout | null = null;
  let source: AsyncIterator<Item[]>;
  let headerRow = 0;
  let headerRaw: string | null = null;
  const buffered: Row[][] = [];
  let sourceDone = false;
  /** The last row number to expect, for the width of the table's row column. */
  let expectedRows: number | undefined;

  if (opened.kind === 'vcard') {
    const cards = opened.cards[Symbol.asyncIterator]();
    source = {
      async next() {
        const r = await cards.next();
        return r.done ? { done: true, value: undefined } : { done: false, value: r.value.map(cardItem) };
      },
    };
  } else {
    const rows = opened.rows[Symbol.asyncIterator]();
    const sample: Row[] = [];
    while (sample.length < SAMPLE_ROWS) {
      const r = await rows.next();
      if (r.done) {
        sourceDone = true;
        break;
      }
      buffered.push(r.value);
      for (const row of r.value) if (sample.length < SAMPLE_ROWS) sample.push(row);
    }
    // All of them when the input was read whole; a sheet's are known; else the file's size over the
    // sample's characters per row (a character is at least one byte: this errs towards more rows);
    // a stream of unknown size gets room for seven digits.
    if (sourceDone) {
      for (const b of buffered) if (b.length) expectedRows = b[b.length - 1]!.row;
    } else if (opened.kind === 'sheet') expectedRows = opened.sheet.firstRow + opened.sheet.rows.length;
    else {
      let chars = 0;
      for (const r of sample) chars += (r.raw?.length ?? 0) + 1;
      expectedRows = opened.size && sample.length ? Math.ceil((opened.size / (chars / sample.length)) * 1.2) : UNKNOWN_ROWS;
    }
    if (sourceDone && sample.every((r) => r.cells.every((c) => c.trim() === ''))) fail(M.empty(name));
    const lr = detectLayout(
      sample.map((r) => r.cells),
      args.columns ?? [],
    );
    if (!lr.ok) return layoutFailure(lr, name);
    layout = lr.layout;
    if (layout.headerIndex >= 0) {
      headerRow = sample[layout.headerIndex]!.row;
      headerRaw = sample[layout.headerIndex]!.raw;
    }
    const dataRows = sample.slice(layout.headerIndex + 1).filter((r) => r.cells.some((c) => c.trim() !== ''));
    if (sourceDone && dataRows.length === 0) fail(M.headerOnly(name, (layout.header ?? []).join(', ')));
    const L = layout;
    const columns = L.addressColumns.map((c) => columnName(L, c));
    const noAddress = noAddressReason(columns);
    let blanks: Row[] = [];
    const emptyRow = (): Entry[] => [{ column: columns[0]!, input: null, result: noAddressResult(jurisdiction, EMPTY_ROW) }];
    /** The row's addresses, each waiting for the classifier; one "no address" entry when it has none. */
    const single = L.addressColumns.length === 1 ? L.addressColumns[0]! : -1;
    const entriesOf = (row: Row): Entry[] => {
      // One address column holding one address, as nearly every row does: an array of just that entry.
      if (single >= 0) {
        const one = soleAddress(row.cell(single));
        if (one !== null && one !== '') return [pending(columns[0]!, one)];
      }
      const entries: Entry[] = [];
      for (let k = 0; k < L.addressColumns.length; k++) {
        for (const a of splitCell(row.cell(L.addressColumns[k]!))) entries.push(pending(columns[k]!, a));
      }
      if (entries.length === 0) entries.push({ column: columns[0]!, input: null, result: noAddressResult(jurisdiction, noAddress) });
      return entries;
    };
    // A row is its own Item: the audit gives it its entries (and its contact for the table).
    const rowItems = (batch: readonly Row[]): Item[] => {
      const out: Item[] = [];
      for (let i = 0; i < batch.length; i++) {
        const row = batch[i]!;
        if (row.row <= headerRow) continue; // the header and what is above it
        if (row.blank) {
          blanks.push(row); // reported only if a filled row follows: trailing blank lines are not rows
          continue;
        }
        if (blanks.length) {
          for (const b of blanks) {
            b.entries = emptyRow();
            out.push(b);
          }
          blanks = [];
        }
        row.entries = entriesOf(row);
        if (wantContact) row.contact = contactOf(L, row); // its cells read in place, the line not split
        out.push(row);
      }
      return out;
    };
    let b = 0;
    source = {
      async next() {
        for (;;) {
          let batch: Row[] | undefined;
          if (b < buffered.length) {
            batch = buffered[b]!;
            buffered[b++] = [];
          } else if (!sourceDone) {
            const r = await rows.next();
            if (r.done) sourceDone = true;
            else batch = r.value;
          }
          if (batch === undefined) return { done: true, value: undefined };
          const items = rowItems(batch);
          if (items.length) return { done: false, value: items };
        }
      },
    };
    // Notes: what was read, so that nothing is silently skipped.
    say(M.noteColumns(L.addressColumns.map((c) => `${quoteList([columnName(L, c)], lang)} (${columnLetter(c)})`).join(', ')));
    if (L.headerGuessed) say(M.noteGuessedHeader((L.header ?? []).join(', ')));
    else if (L.headerIndex > 0) say(M.notePreamble(String(headerRow), sample.slice(0, L.headerIndex).map((r) => r.cells.join(' ').trim().slice(0, 40)).filter(Boolean).join(' | ')));
  }
  if (opened.kind === 'sheet') {
    const others = opened.sheet.sheetNames.filter((s) => s !== opened.sheet.sheetName);
    say(M.noteSheet(opened.sheet.sheetName, others.length ? quoteList(others, lang) : ''));
  }
  if (opened.kind !== 'sheet' && opened.text.encoding !== 'utf-8') say(M.noteEncoding(encodingName(opened.text.encoding)));

  function cardItem(c: VCard): Item {
    const entries: Entry[] = [];
    for (const e of c.emails) for (const a of splitCell(e.value)) entries.push(pending(emailLabel(e), a));
    if (entries.length === 0) entries.push({ column: 'EMAIL', input: null, result: noAddressResult(jurisdiction, NO_EMAIL_IN_CARD) });
    const contact = c.name && c.organization ? `${c.name} (${c.organization})` : c.name || c.organization;
    return { row: c.index, cells: [c.name, c.organization], count: 2, raw: c.raw, contact, entries };
  }

  // ---- the output
  if (filter && opened.kind === 'sheet' && args.output === undefined && io.stdout.isTTY) fail(M.binaryToTerminal);
  let dest: Destination;
  if (args.output !== undefined) {
    try {
      dest = await fileDestination(args.output);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return fail(M.cannotWrite(args.output, M.readErrors[err.code ?? ''] ?? err.message));
    }
  } else {
    dest = stdoutDestination(io.stdout);
  }
  const text = opened.kind === 'sheet' ? null : opened.text;
  const ctx: OutputContext = {
    lang,
    kind: opened.kind,
    header: opened.kind === 'vcard' ? [M.csvCol.name, M.csvCol.organization] : (layout!.header ?? null),
    width: opened.kind === 'vcard' ? 2 : layout!.width,
    addressColumns: layout?.addressColumns ?? [],
    multi: opened.kind === 'vcard' ? true : layout!.multi,
    hasContact: opened.kind === 'vcard' ? true : layout!.first >= 0 || layout!.last >= 0 || layout!.name >= 0 || layout!.company >= 0,
    delimiter: opened.kind === 'csv' || opened.kind === 'lines' ? opened.delimiter : null,
    newline: '\r\n',
    encoding: text ? text.encoding : 'utf-8',
    bom: text ? text.bom : false,
    defaultJurisdiction: jurisdiction,
    columns: dest.isTTY && dest.columns ? dest.columns : Number(io.env.COLUMNS) > 0 ? Number(io.env.COLUMNS) : 80,
  };

  const engine = await enginePromise;
  const summary: Summary = newSummary(opened.kind === 'vcard' ? ['EMAIL'] : layout!.addressColumns.map((c) => columnName(layout!, c)));
  const progress = createProgress(opened.size, io.stderr, M.progress);
  const keepStats = newKeepStats();
  const keptSheetRows: number[] = [];

  const keepHeapFlat = heapGuard();
  let writer: Writer | null = null;
  let w: ByteWriter | null = null;
  let started = false;
  const start = (): void => {
    // The line end is known once the first rows were read.
    const nl = text?.newline();
    if (nl) ctx.newline = nl;
    if (filter) {
      if (opened.kind === 'sheet') {
        if (layout!.headerIndex >= 0) keptSheetRows.push(headerRow - opened.sheet.firstRow - 1);
        return;
      }
      w = new ByteWriter((c) => dest.write(c), text!.encoding === 'windows-1252' && !text!.switched() ? 'windows-1252' : text!.encoding);
      const kw = textKeepWriter({ ...ctx, sepLine: opened.kind === 'csv' || opened.kind === 'lines' ? opened.sepLine : null, headerRaw }, w, filter, keepStats);
      writer = { items: kw.items, end() {} };
      return;
    }
    if (args.format === 'json') {
      w = new ByteWriter((c) => dest.write(c));
      writer = jsonWriter(w);
    } else if (args.format === 'csv') {
      const shape = csvShape(ctx);
      w = new ByteWriter((c) => dest.write(c), shape.encoding);
      writer = csvWriter(ctx, w, shape);
    } else {
      w = new ByteWriter((c) => dest.write(c));
      writer = tableWriter(ctx, w, expectedRows);
    }
  };

  for (let r = await source.next(); !r.done; r = await source.next()) {
    const items = r.value;
    // Classify every address of the chunk in one call.
    const entries = waiting;
    const results = auditAddresses(waitingInputs, options, engine);
    waiting = [];
    waitingInputs = [];
    for (let i = 0; i < entries.length; i++) {
      let res = results[i]! as CliResult;
      if (suppressed && res.email !== null && suppressed.has(res.email.toLowerCase())) res = suppress(res);
      const e = entries[i]!;
      e.result = res;
      e.input = null;
    }
    if (!started) {
      started = true;
      start();
    }
    count(summary, items);
    if (filter && opened.kind === 'sheet') {
      for (const it of items) if (judgeRow(it, filter, keepStats)) keptSheetRows.push(it.row - opened.sheet.firstRow - 1);
    } else {
      // A "UTF-8" file with Windows-1252 bytes further down: the kept rows go on in Windows-1252, as read.
      if (filter && text?.switched() && w && (w as ByteWriter).encoding === 'utf-8') (w as ByteWriter).setEncoding('windows-1252');
      writer!.items(items);
    }
    progress.update(opened.read(), summary.rows);
    keepHeapFlat();
    await dest.drain();
  }
  progress.end();

  if (summary.rows === 0) fail(M.noAddressFound(name));
  if (filter && opened.kind === 'sheet') {
    const { bytes } = keptWorkbook(opened.sheet as OpenedSheet, keptSheetRows);
    dest.write(bytes);
  } else {
    (writer as Writer | null)?.end(summary);
    (w as ByteWriter | null)?.flush();
  }
  try {
    await dest.drain();
    await dest.close();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return fail(M.cannotWrite(args.output ?? 'stdout', M.readErrors[err.code ?? ''] ?? err.message));
  }
  if (filter) say(keepSummary(keepStats, lang));
  if (text?.switched()) say(M.noteSwitched);
  return 0;
}

function encodingName(e: string): string {
  return e === 'windows-1252' ? 'Windows-1252' : e === 'utf-16le' ? 'UTF-16LE' : e === 'utf-16be' ? 'UTF-16BE' : 'UTF-8';
}
