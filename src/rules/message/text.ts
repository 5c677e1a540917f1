/**
 * Words of a message, for the cue matcher: lower-cased, accents removed (é → e, œ → oe), with the
 * offsets of each word in the original text, so that a match can say where it is. Apostrophes,
 * hyphens, punctuation and spaces separate words; € $ £ % are words of their own. Pure.
 */

export interface Token {
  /** The folded word: lower case, no diacritics ("démonstration" → "demonstration"). */
  w: string;
  /** Start offset in the original text (UTF-16 code units, as String indices). */
  s: number;
  /** End offset (exclusive). */
  e: number;
  /** The word is all digits. */
  num: boolean;
}

/** Folded form of each code point below 0x250; '' for characters that separate words. */
const FOLD: string[] = /*#__PURE__*/ (() => {
  const t: string[] = new Array(0x250).fill('');
  const special: Record<number, string> = {
    0xdf: 'ss', // ß
    0xe6: 'ae', // æ
    0xc6: 'ae',
    0x153: 'oe', // œ
    0x152: 'oe',
    0xf8: 'o', // ø
    0xd8: 'o',
    0x142: 'l', // ł
    0x141: 'l',
    0x111: 'd', // đ
    0x110: 'd',
    0x131: 'i', // ı
    0x130: 'i', // İ
  };
  for (let c = 0; c < 0x250; c++) {
    const ch = String.fromCharCode(c);
    if (special[c] !== undefined) t[c] = special[c]!;
    else if (/[\p{L}\p{N}]/u.test(ch)) {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      t[c] = base.length > 0 ? base : ch.toLowerCase();
    }
  }
  // Currency and percent signs are words of their own (prices, discounts).
  for (const c of ['€', '$', '£', '%']) t[c.charCodeAt(0)] = c;
  return t;
})();

const SYMBOL = new Set([0x20ac, 0x24, 0xa3, 0x25]);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Folded form of one character (a code unit), '' when it separates words, null for a combining mark. */
function foldChar(c: number, text: string, i: number): string | null {
  if (c < 0x250) return FOLD[c]!;
  if (c === 0x20ac) return '€';
  if (c >= 0x300 && c <= 0x36f) return null; // combining diacritic (text typed in NFD): dropped inside a word
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? String.fromCodePoint(cp).toLowerCase() : '';
  }
  if (c >= 0xdc00 && c <= 0xdfff) return null; // second half of a pair handled above
  const ch = text[i]!;
  if (!LETTER_OR_DIGIT.test(ch)) return '';
  const d = ch.normalize('NFD').replace(/\p{M}/gu, '');
  return (d.length > 0 ? d : ch).toLowerCase();
}

/** Words of text[from, to). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // fast path: lower-case ASCII letters and digits
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c >= 0x80) {
      if (SYMBOL.has(c)) {
        out.push({ w: c === 0x20ac ? '€' : c === 0xa3 ? '£' : String.fromCharCode(c), s: i, e: i + 1, num: false });
        i++;
        continue;
      }
      const start = i;
      let plain = true;
      let digits = true;
      let w = '';
      while (i < to) {
        const d = text.charCodeAt(i);
        if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) {
          if (d >= 97) digits = false;
          if (!plain) w += text[i];
          i++;
          continue;
        }
        if (SYMBOL.has(d)) break;
        const f = d < 0x80 ? FOLD[d]! : foldChar(d, text, i);
        if (f === '') break;
        if (plain) {
          w = text.slice(start, i);
          plain = false;
        }
        if (f !== null) {
          w += f;
          digits = false;
        } else if (i === start) break;
        i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
      }
      if (i === start) {
        i++;
        continue;
      }
      out.push({ w: plain ? text.slice(start, i) : w, s: start, e: i, num: digits });
      continue;
    }
    if (SYMBOL.has(c)) {
      out.push({ w: String.fromCharCode(c), s: i, e: i + 1, num: false });
    }
    i++;
  }
  return out;
}

/** Folds a whole string the way tokenize folds words, words joined by one space. */
export function foldWords(s: string): string {
  return tokenize(s)
    .map((t) => t.w)
    .join(' ');
}

/** A piece of the message analysed on its own (and cached by its text). */
export interface Block {
  start: number;
  end: number;
}

/** Longest block before it is cut at a space, whatever the punctuation. */
export const MAX_BLOCK = 1500;
/** A sentence end closes a block only past this length ("M. Dupont", "Cordialement," stay together). */
const MIN_SENTENCE = 40;

/**
 * Cuts text[from, to) into blocks: paragraphs (at blank lines), and sentences within them (at . ! ? …
 * followed by a space or a line break). Cue phrases never span two blocks — a phrase is a clause of
 * one sentence — and an edit changes one block only, so re-reading after a keystroke reads one
 * sentence. A block longer than MAX_BLOCK without any sentence end is cut at a space.
 */
export function splitBlocks(text: string, from = 0, to = text.length): Block[] {
  const out: Block[] = [];
  let start = from;
  // paragraph breaks and sentence ends, found by the regex engine (much faster than a loop in JS)
  BREAK_RE.lastIndex = from;
  for (let m = BREAK_RE.exec(text); m !== null && m.index < to; m = BREAK_RE.exec(text)) {
    const blank = text.charCodeAt(m.index) === 10;
    if (blank) {
      push(text, start, m.index, out);
      start = m.index + m[0].length;
    } else if (m.index + 1 - start >= MIN_SENTENCE) {
      push(text, start, m.index + 1, out);
      start = m.index + 1;
    }
  }
  push(text, start, to, out);
  return out;
}

/** A blank line (a paragraph break), or a sentence end followed by a space or a line break. */
const BREAK_RE = /\n[ \t\r\u00a0]*\n[\s]*|[.!?\u2026](?=[ \t\r\n\u00a0])/g;

function isBlankChar(c: number): boolean {
  return c === 10 || c === 13 || c === 32 || c === 9 || c === 0xa0;
}

function push(text: string, start: number, end: number, out: Block[]): void {
  while (end > start && isBlankChar(text.charCodeAt(end - 1))) end--;
  while (start < end && isBlankChar(text.charCodeAt(start))) start++;
  // no sentence end for too long: cut at a space
  while (end - start > MAX_BLOCK) {
    let cut = text.lastIndexOf(' ', start + MAX_BLOCK);
    if (cut <= start) cut = start + MAX_BLOCK;
    out.push({ start, end: cut });
    start = cut;
    while (start < end && isBlankChar(text.charCodeAt(start))) start++;
  }
  if (end > start) out.push({ start, end });
}
