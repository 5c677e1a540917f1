/**
 * Windows-1252, both ways: French Excel's "CSV (séparateur : point-virgule)" and Outlook's exports are
 * in this code page (the streaming decoder that decides the encoding is source/text.ts).
 *
 * Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (ISO-8859-1), not as
 * € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ: decodeWindows1252 does it right.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

// WHATWG windows-1252 for 0x80–0x9F (the five unassigned bytes map to the same C1 code point).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((c) => String.fromCharCode(c));

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
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

/** Bytes → text, the encoding decided as the streaming decoder does (a whole message, a small file). */
export { decodeAll as decodeBytes } from './source/text';
