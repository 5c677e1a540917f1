/**
 * The process's streams behind an interface (tests pass in-memory ones), and the output side: a
 * byte writer that encodes into ~1 MiB chunks and waits for the destination to drain, so that memory
 * stays flat however long the list.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { encodeWindows1252, type Encoding } from './decode';
import type { ProgressStream } from './progress';

export interface ByteSource {
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

export interface OutStream {
  write(s: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
  /** Bytes queued, not yet written (Node's streams): 0 right after a write means it went out at once. */
  writableLength?: number;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface Io {
  stdin: ByteSource & { isTTY?: boolean };
  stdout: OutStream;
  stderr: ProgressStream;
  env: Readonly<Record<string, string | undefined>>;
}

/** Where the main output goes: standard output, or the --output file. */
export interface Destination {
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  /** Writes; true when the bytes were written out at once (the caller may reuse the buffer). */
  write(b: Uint8Array): boolean;
  /** Resolves once the destination has taken what was written (back-pressure). */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export function stdoutDestination(out: OutStream): Destination {
  let full = false;
  return {
    isTTY: out.isTTY === true,
    columns: out.columns,
    write(b) {
      if (out.write(b) === false) full = true;
      // A file, a terminal or (on Linux) a pipe: written synchronously, nothing left queued.
      return out.writableLength === 0;
    },
    drain() {
      if (!full || !out.once) return Promise.resolve();
      full = false;
      return new Promise((resolve) => out.once!('drain', resolve));
    },
    close: () => Promise.resolve(),
  };
}

export function fileDestination(path: string): Promise<Destination> {
  return new Promise((resolve, reject) => {
    const ws: WriteStream = createWriteStream(path);
    ws.once('error', reject);
    ws.once('open', () => {
      ws.off('error', reject);
      let failure: Error | null = null;
      ws.on('error', (e) => (failure = e));
      let full = false;
      resolve({
        isTTY: false,
        columns: undefined,
        write(b) {
          if (!ws.write(b)) full = true;
          return false; // written later: the buffer must not be reused
        },
        drain() {
          if (failure) return Promise.reject(failure);
          if (!full) return Promise.resolve();
          full = false;
          return new Promise((res) => ws.once('drain', res));
        },
        close() {
          return new Promise((res, rej) => {
            if (failure) return rej(failure);
            ws.end(() => (failure ? rej(failure) : res()));
          });
        },
      });
    });
  });
}

const CHUNK_BYTES = 1 << 20;

/** Strings are gathered up to this many UTF-16 units before being encoded in one go. */
const TEXT_UNITS = 1 << 15;

/** Encodes strings (and copies ready-made bytes) into ~1 MiB buffers handed to the sink. */
export class ByteWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;
  private text = '';
  constructor(
    /** Returns true when it is done with the chunk (its buffer is then reused). */
    private readonly sink: (chunk: Uint8Array) => boolean | void,
    private enc: Encoding = 'utf-8',
  ) {}

  get encoding(): Encoding {
    return this.enc;
  }

  /** Changes the encoding of what is pushed from now on (what was pushed before keeps its own). */
  setEncoding(e: Encoding): void {
    this.encodeText();
    this.enc = e;
  }

  /** Queues text; it is encoded a few kilobytes at a time (one call instead of one per row). */
  push(s: string): void {
    this.text += s;
    if (this.text.length >= TEXT_UNITS) this.encodeText();
  }

  private encodeText(): void {
    const s = this.text;
    if (s === '') return;
    this.text = '';
    if (this.enc === 'windows-1252') return this.putBytes(encodeWindows1252(s));
    if (this.enc === 'utf-16be') return this.putBytes(Buffer.from(s, 'utf16le').swap16());
    const perUnit = this.enc === 'utf-16le' ? 2 : 3;
    if (s.length * perUnit > this.buf.length - this.pos) {
      this.flushBuffer();
      if (s.length * perUnit > this.buf.length) {
        this.sink(Buffer.from(s, this.enc === 'utf-16le' ? 'utf16le' : 'utf8'));
        return;
      }
    }
    this.pos += this.buf.write(s, this.pos, this.enc === 'utf-16le' ? 'utf16le' : 'utf8');
  }

  /**
   * Writes `"s"` when s is printable ASCII without a quote or backslash — JSON.stringify(s), which
   * leaves such a string as it is — straight into the buffer; false, having written nothing, for any
   * other string. For a UTF-8 writer. A JSON row's own short strings: one native encode call each, or
   * one for their concatenation, cost more than this copy.
   */
  jsonAscii(s: string): boolean {
    this.encodeText();
    const n = s.length;
    if (n + 2 > this.buf.length - this.pos) {
      if (n + 2 > this.buf.length) return false;
      this.flushBuffer();
    }
    const buf = this.buf;
    const at = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 32 || c > 126 || c === 34 || c === 92) return false;
      buf[at + 1 + i] = c;
    }
    buf[at] = 34;
    buf[at + n + 1] = 34;
    this.pos = at + n + 2;
    return true;
  }

  /** Writes a non-negative integer in decimal, as String(n) does. */
  digits(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) return this.push(String(n));
    this.encodeText();
    let len = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) len++;
    if (len > this.buf.length - this.pos) this.flushBuffer();
    const buf = this.buf;
    let x = n;
    for (let i = this.pos + len - 1; i >= this.pos; i--) {
      buf[i] = 48 + (x % 10);
      x = Math.floor(x / 10);
    }
    this.pos += len;
  }

  /**
   * Writes s[start, end) in UTF-8, straight into the buffer: what push(s.slice(start, end)) writes, for
   * a UTF-8 writer, without the slice or the native call (the table's short cells). A lone surrogate
   * goes through Buffer#write, which encodes it as the replacement character like push does.
   */
  utf8(s: string, start = 0, end = s.length): void {
    this.encodeText();
    if ((end - start) * 3 > this.buf.length - this.pos) {
      this.flushBuffer();
      if ((end - start) * 3 > this.buf.length) return this.push(s.slice(start, end));
    }
    const buf = this.buf;
    let at = this.pos;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) buf[at++] = c;
      else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      } else {
        // a surrogate (pair or lone): the rest as Buffer#write encodes it
        at += buf.write(s.slice(i, end), at, 'utf8');
        break;
      }
    }
    this.pos = at;
  }

  /** Writes n spaces (none for n ≤ 0: the position never moves back over what was written). */
  spaces(n: number): void {
    if (!(n > 0)) return;
    this.encodeText();
    if (n > this.buf.length - this.pos) {
      this.flushBuffer();
      if (n > this.buf.length) return this.push(' '.repeat(n));
    }
    // a loop: Buffer#fill's argument checks cost more than a few spaces
    const buf = this.buf;
    const end = this.pos + n;
    for (let i = this.pos; i < end; i++) buf[i] = 32;
    this.pos = end;
  }

  /** Writes one byte (a line feed, for the table). */
  byte(b: number): void {
    this.encodeText();
    if (this.pos >= this.buf.length) this.flushBuffer();
    this.buf[this.pos++] = b;
  }

  /** Copies ready-made bytes (after the text queued before them). */
  pushBytes(b: Uint8Array): void {
    this.encodeText();
    this.putBytes(b);
  }

  private putBytes(b: Uint8Array): void {
    if (b.length > this.buf.length - this.pos) {
      this.flushBuffer();
      if (b.length > this.buf.length) {
        this.sink(b);
        return;
      }
    }
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** The byte order mark of this writer's encoding. */
  bom(): void {
    this.encodeText();
    if (this.enc === 'utf-8') this.pushBytes(Uint8Array.of(0xef, 0xbb, 0xbf));
    else if (this.enc === 'utf-16le') this.pushBytes(Uint8Array.of(0xff, 0xfe));
    else if (this.enc === 'utf-16be') this.pushBytes(Uint8Array.of(0xfe, 0xff));
  }

  flush(): void {
    this.encodeText();
    this.flushBuffer();
  }

  private flushBuffer(): void {
    if (this.pos === 0) return;
    // A fresh buffer unless the sink is done with this one: it may hold on to it (asynchronous writes).
    if (this.sink(this.buf.subarray(0, this.pos)) !== true) this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.pos = 0;
  }
}
