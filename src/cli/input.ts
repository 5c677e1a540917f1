/**
 * Opens the list: a file, or standard input for "-" / no file. Text (CSV, one address per line,
 * vCard) streams through the decoder and the CSV or vCard reader a chunk at a time; a spreadsheet is
 * read whole (see source/sheet.ts); anything else is refused with what it looks like.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { ByteSource } from './io';
import { Row } from './row';
import { detectDelimiter, readSepLine, CsvReader, type Delimiter } from './source/csv';
import { isZip, sniff, sniffZip, type Refusal } from './source/sniff';
import { openSheet, SheetError, type OpenedSheet } from './source/sheet';
import { detectEncoding, StreamDecoder, type Encoding } from './source/text';
import { looksLikeVCard, VCardReader, type VCard } from './source/vcard';

export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function isStdin(file: string | undefined): boolean {
  return file === undefined || file === '-';
}

export interface TextInfo {
  encoding: Encoding;
  bom: boolean;
  /** True when the decoder met a non-UTF-8 byte after the start and went on as Windows-1252. */
  switched(): boolean;
  newline(): '\r\n' | '\n' | '\r' | null;
}

export type Opened =
  | { kind: 'csv' | 'lines'; text: TextInfo; delimiter: Delimiter | null; sepLine: string | null; rows: AsyncIterable<Row[]>; size: number | null; read: () => number }
  | { kind: 'sheet'; sheet: OpenedSheet; rows: AsyncIterable<Row[]>; size: number | null; read: () => number }
  | { kind: 'vcard'; text: TextInfo; cards: AsyncIterable<VCard[]>; size: number | null; read: () => number }
  | { kind: 'refused'; what: Refusal }
  | { kind: 'empty' }
  | { kind: 'sheet-error'; error: SheetError };

const CHUNK = 1 << 16;
/** Rows handed on at a time: small enough that a chunk's rows and results die young (cheap to collect). */
const ROWS_PER_BATCH = 1000;
const HEAD_BYTES = 8192;
const SAMPLE_TEXT = 1 << 16;

function toBytes(c: unknown): Uint8Array {
  return typeof c === 'string' ? Buffer.from(c) : (c as Uint8Array);
}

/** Wraps read errors (ENOENT, EISDIR, EACCES …) into ReadError. */
function readError(e: unknown): ReadError {
  const err = e as NodeJS.ErrnoException;
  let code = err?.code ?? 'EUNKNOWN';
  if (code === 'ERR_FS_FILE_TOO_LARGE' || e instanceof RangeError) code = 'TOO_LARGE';
  return new ReadError(code, err?.message ?? String(e));
}

/** The input's bytes, a chunk at a time. A file is read synchronously (a CLI has nothing else to do meanwhile). */
async function* chunksOf(file: string | undefined, stdin: ByteSource): AsyncGenerator<Uint8Array> {
  if (isStdin(file)) {
    try {
      for await (const c of stdin) yield toBytes(c);
    } catch (e) {
      throw readError(e);
    }
    return;
  }
  let fd: number;
  try {
    fd = openSync(file!, 'r');
  } catch (e) {
    throw readError(e);
  }
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        n = readSync(fd, buf, 0, CHUNK, null);
      } catch (e) {
        throw readError(e);
      }
      if (n === 0) return;
      yield n === CHUNK ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The CSV reader that makes each record a Row, numbered from 1, and puts the rows straight into batches
 * of at most ROWS_PER_BATCH (each take() starts a new one, as batches() does for what a push gave).
 */
class RowReader extends CsvReader {
  /** The full batches since the last take(). */
  private full: Row[][] = [];
  private batch: Row[] = [];
  private n = 0;

  constructor(private readonly delimiter: Delimiter | null) {
    super(delimiter);
  }

  protected override record(raw: string, cells: string[] | null): void {
    this.batch.push(new Row(++this.n, cells, raw, this.delimiter));
    if (this.batch.length === ROWS_PER_BATCH) {
      this.full.push(this.batch);
      this.batch = [];
    }
  }

  /** The batches of rows read since the last call. */
  take(): Row[][] {
    if (this.batch.length) {
      this.full.push(this.batch);
      this.batch = [];
    }
    const got = this.full;
    this.full = [];
    return got;
  }
}

/** Splits what a reader produced into batches of at most ROWS_PER_BATCH. */
function* batches<T>(rows: T[]): Generator<T[]> {
  if (rows.length <= ROWS_PER_BATCH) {
    yield rows;
    return;
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_BATCH) yield rows.slice(i, i + ROWS_PER_BATCH);
}

/**
 * Opens the input. Throws ReadError when it cannot be read. `sheet` names the sheet of a workbook
 * (the first one otherwise).
 */
export async function openInput(file: string | undefined, stdin: ByteSource, opts: { sheet?: string } = {}): Promise<Opened> {
  let size: number | null = null;
  if (!isStdin(file)) {
    try {
      const st = statSync(file!);
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      size = st.size;
    } catch (e) {
      throw readError(e);
    }
  }
  const it = chunksOf(file, stdin)[Symbol.asyncIterator]();
  let readBytes = 0;
  const read = () => readBytes;
  const nextChunk = async (): Promise<Uint8Array | null> => {
    const r = await it.next();
    if (r.done) return null;
    readBytes += r.value.length;
    return r.value;
  };

  // The first bytes tell what this is.
  const head: Uint8Array[] = [];
  let headLen = 0;
  let done = false;
  while (headLen < HEAD_BYTES) {
    const c = await nextChunk();
    if (!c) {
      done = true;
      break;
    }
    if (c.length === 0) continue;
    head.push(c);
    headLen += c.length;
  }
  const headBytes = head.length === 1 ? head[0]! : Buffer.concat(head);
  if (headBytes.length === 0) return { kind: 'empty' };
  const sniffed = sniff(headBytes);
  if (sniffed.kind === 'refused') return { kind: 'refused', what: sniffed.what };

  if (sniffed.kind === 'spreadsheet') {
    const all: Uint8Array[] = [headBytes];
    if (!done) for (let c = await nextChunk(); c; c = await nextChunk()) all.push(c);
    const bytes = Buffer.concat(all);
    if (isZip(bytes)) {
      const z = sniffZip(bytes);
      if (z.kind === 'refused') return { kind: 'refused', what: z.what };
    }
    let sheet: OpenedSheet;
    try {
      sheet = await openSheet(bytes, opts.sheet);
    } catch (e) {
      if (e instanceof SheetError) {
        if (e.code === 'unreadable' && sniffed.container === 'ole') return { kind: 'refused', what: 'office-legacy' };
        return { kind: 'sheet-error', error: e };
      }
      throw e;
    }
    async function* sheetRows(): AsyncGenerator<Row[]> {
      const BATCH = ROWS_PER_BATCH;
      const rows = sheet.rows;
      for (let i = 0; i < rows.length; i += BATCH) {
        const out: Row[] = [];
        for (let j = i; j < Math.min(rows.length, i + BATCH); j++) out.push(new Row(sheet.firstRow + j + 1, rows[j]!, null));
        yield out;
      }
    }
    return { kind: 'sheet', sheet, rows: sheetRows(), size, read };
  }

  // Text: decode enough of it to tell a vCard from a table and to find the delimiter.
  const decoder = new StreamDecoder(detectEncoding(headBytes, done));
  let text = decoder.decode(headBytes);
  while (!done && text.length < SAMPLE_TEXT) {
    const c = await nextChunk();
    if (!c) {
      done = true;
      break;
    }
    text += decoder.decode(c);
  }
  if (done) text += decoder.end();
  if (text.trim() === '') {
    // Only blank (or only a BOM): nothing to audit — but only if nothing else follows.
    if (done) return { kind: 'empty' };
  }
  const info: TextInfo = {
    encoding: decoder.encoding,
    bom: decoder.bom,
    switched: () => decoder.switched,
    newline: () => null,
  };

  const rest = async function* (): AsyncGenerator<string> {
    if (done) return;
    for (let c = await nextChunk(); c; c = await nextChunk()) {
      const s = decoder.decode(c);
      if (s) yield s;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  };

  if (looksLikeVCard(text)) {
    const out: VCard[] = [];
    const reader = new VCardReader((c) => out.push(c));
    info.newline = () => reader.newline;
    async function* cards(): AsyncGenerator<VCard[]> {
      reader.push(text);
      text = '';
      if (out.length) yield* batches(out.splice(0));
      for await (const s of rest()) {
        reader.push(s);
        if (out.length) yield* batches(out.splice(0));
      }
      reader.end();
      if (out.length) yield* batches(out.splice(0));
    }
    return { kind: 'vcard', text: info, cards: cards(), size, read };
  }

  const sep = readSepLine(text);
  if (sep) text = text.slice(sep.length);
  const delimiter = sep ? sep.delimiter : detectDelimiter(text);
  const reader = new RowReader(delimiter);
  info.newline = () => reader.newline;
  async function* rows(): AsyncGenerator<Row[]> {
    reader.push(text);
    text = '';
    yield* reader.take();
    for await (const s of rest()) {
      reader.push(s);
      yield* reader.take();
    }
    reader.end();
    yield* reader.take();
  }
  return { kind: delimiter === null ? 'lines' : 'csv', text: info, delimiter, sepLine: sep ? sep.line : null, rows: rows(), size, read };
}

/** Reads a whole input into memory (a message to check). Throws ReadError. */
export function readInput(file: string | undefined, stdin: ByteSource): Promise<Uint8Array> {
  return readAll(file, stdin);
}

/** Reads a whole input into memory. Throws ReadError. */
export async function readAll(file: string | undefined, stdin: ByteSource): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunksOf(file, stdin)) parts.push(c);
  return Buffer.concat(parts);
}
