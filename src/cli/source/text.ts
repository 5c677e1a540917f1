/**
 * Bytes → text as they stream in, one chunk at a time (memory does not grow with the file).
 *
 * The encoding is decided on the first chunk, in decode.ts's order: a BOM decides (UTF-8, UTF-16LE,
 * UTF-16BE); else the NUL pattern of UTF-16; else UTF-8 when the bytes are valid UTF-8; else
 * Windows-1252 (French Excel's "CSV (séparateur : point-virgule)"). A file that starts as plain ASCII
 * and only later shows a byte that is not UTF-8 switches to Windows-1252 from that chunk on: every
 * byte decodes, nothing is replaced by U+FFFD.
 */
import * as buffer from 'node:buffer';
import { decodeWindows1252, type Encoding } from '../decode';

export type { Encoding };

export interface Detected {
  encoding: Encoding;
  bom: boolean;
}

function sniffUtf16(b: Uint8Array): Encoding | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Length of the part of b that ends on a complete UTF-8 sequence (at most 3 bytes are held back). */
function completeUtf8(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const c = b[n - back]!;
    if (c < 0x80) return n; // ASCII: complete
    if (c >= 0xc0) {
      // a lead byte `back` bytes from the end: complete when its sequence fits
      const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return len <= back ? n : n - back;
    }
  }
  return n; // continuation bytes only: let validation decide
}

/** `complete`: the head is the whole input (a last byte that starts a sequence is then not cut off but wrong). */
export function detectEncoding(head: Uint8Array, complete = false): Detected {
  const b = head;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const u16 = sniffUtf16(b);
  if (u16) return { encoding: u16, bom: false };
  return { encoding: buffer.isUtf8(complete ? b : b.subarray(0, completeUtf8(b))) ? 'utf-8' : 'windows-1252', bom: false };
}

// TextDecoder decodes UTF-8 faster than Buffer#toString (measured, Node 20).
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Chunks decoded by TextDecoder alone after one that held a character past U+00FF. */
const LATIN1_RETRY = 16;

/**
 * Valid UTF-8 whose characters are all in Latin-1 (most lists: French names, é è ç à), decoded about twice
 * as fast as TextDecoder does it (V8's UTF-8 decoder goes a byte at a time once it met a non-ASCII byte):
 * ICU converts it to ISO-8859-1, one byte per character, and the bytes are read back as a string. A
 * character past U+00FF becomes "?" in that conversion and a U+FEFF is dropped; on valid UTF-8 every other
 * character maps to itself. So the result is exact when its UTF-8 length is the input's, else null (and
 * where Node has no ICU: always null).
 */
export function latin1Text(validUtf8: Uint8Array): string | null {
  if (buffer.transcode === undefined) return null;
  const text = buffer.transcode(validUtf8, 'utf8', 'latin1').toString('latin1');
  return Buffer.byteLength(text, 'utf8') === validUtf8.length ? text : null;
}

export class StreamDecoder {
  encoding: Encoding;
  readonly bom: boolean;
  /** True when a UTF-8 stream showed a non-UTF-8 byte and went on as Windows-1252. */
  switched = false;
  /** BOM bytes still to skip (a BOM may be cut across the first chunks). */
  private bomLeft: number;
  private tail: Uint8Array | null = null;
  private utf16: TextDecoder | null = null;
  /** Chunks left to decode without trying latin1Text (after one that needed more than Latin-1). */
  private skipLatin1 = 0;

  constructor(detected: Detected) {
    this.encoding = detected.encoding;
    this.bom = detected.bom;
    this.bomLeft = detected.bom ? (detected.encoding === 'utf-8' ? 3 : 2) : 0;
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') this.utf16 = new TextDecoder(this.encoding, { ignoreBOM: true });
  }

  decode(chunk: Uint8Array): string {
    let b = chunk;
    if (this.bomLeft > 0) {
      const skip = Math.min(this.bomLeft, b.length);
      this.bomLeft -= skip;
      b = b.subarray(skip);
    }
    if (this.utf16) return this.utf16.decode(b, { stream: true });
    if (this.encoding === 'windows-1252') return decodeWindows1252(b);
    if (this.tail) {
      b = Buffer.concat([this.tail, b]);
      this.tail = null;
    }
    const end = completeUtf8(b);
    const whole = b.subarray(0, end);
    if (end < b.length) this.tail = Uint8Array.from(b.subarray(end));
    if (buffer.isUtf8(whole)) {
      if (this.skipLatin1 === 0) {
        const text = latin1Text(whole);
        if (text !== null) return text;
        this.skipLatin1 = LATIN1_RETRY;
      } else {
        this.skipLatin1--;
      }
      return UTF8.decode(whole);
    }
    this.encoding = 'windows-1252';
    this.switched = true;
    const rest = this.tail ? Buffer.concat([whole, this.tail]) : whole;
    this.tail = null;
    return decodeWindows1252(rest);
  }

  end(): string {
    if (this.utf16) return this.utf16.decode();
    if (!this.tail) return '';
    const t = this.tail;
    this.tail = null;
    // An incomplete sequence at the very end is not UTF-8.
    if (this.encoding === 'utf-8') {
      this.encoding = 'windows-1252';
      this.switched = true;
    }
    return decodeWindows1252(t);
  }
}

/** Decodes a whole buffer (the suppression list, spreadsheets' CSV fallbacks, tests). */
export function decodeAll(bytes: Uint8Array): { text: string } & Detected {
  const d = new StreamDecoder(detectEncoding(bytes, true));
  const text = d.decode(bytes) + d.end();
  return { text, encoding: d.encoding, bom: d.bom };
}
