/**
 * Bytes → text. Prospect lists come from Excel (UTF-8 with BOM, "Unicode text" = UTF-16LE
 * with BOM, or the Windows-1252 "CSV (séparateur : point-virgule)"), from CRMs (UTF-8) and
 * from hand-made text files. Decision order:
 *   1. a BOM decides (UTF-8, UTF-16LE, UTF-16BE);
 *   2. no BOM but the NUL pattern of UTF-16 text → UTF-16LE/BE;
 *   3. valid UTF-8 → UTF-8;
 *   4. else Windows-1252 (every byte decodes).
 *
 * Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (ISO-8859-1), not as
 * € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ: decodeWindows1252 does it right.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

// WHATWG windows-1252 for 0x80–0x9F (the five unassigned bytes map to the same C1 code point).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((c) => String.fromCharCode(c));

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Without a BOM, guesses UTF-16 when text is mostly ASCII with NULs on one side of each pair. */
function sniffUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    // fatal: false here — a BOM is a clear statement; stray bad bytes become U+FFFD.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(b.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(b.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(b.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  const utf16 = sniffUtf16(b);
  if (utf16) return { text: new TextDecoder(utf16).decode(b), encoding: utf16, bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decodeWindows1252(b), encoding: 'windows-1252', bom: false };
  }
}

let CP1252_REVERSE: Map<number, number> | null = null;

/**
 * Text → Windows-1252 bytes (the way back for a list kept in its original encoding). Every character
 * that came from a Windows-1252 file maps back; anything else (never in such a list) becomes "?".
 */
export function encodeWindows1252(text: string): Buffer {
  if (!CP1252_REVERSE) {
    CP1252_REVERSE = new Map();
    for (let i = 0; i < 32; i++) CP1252_REVERSE.set(CP1252_HIGH[i]!.charCodeAt(0), 0x80 + i);
  }
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else out[i] = CP1252_REVERSE.get(c) ?? 0x3f;
  }
  return out;
}
