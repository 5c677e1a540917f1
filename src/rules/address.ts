/**
 * Email address parsing for what salespeople paste: "Name <addr>", "\"Dupont, Jean\" <addr>",
 * "mailto:addr", "addr (Name)", upper case, IDN and punycode domains. Hand-written scanners,
 * no backtracking regexes; nothing throws.
 */
import { invalidReason, type InvalidDetail } from './reasons.js';
import { isForbiddenDomainCodePoint, labelToASCII, labelToUnicode, mapDomain } from './punycode.js';
import type { Reason } from './types.js';

export interface ParsedAddressOk {
  ok: true;
  /** local@domain, lower-case, domain in Unicode form. Plus-tags are kept. */
  email: string;
  /** Lower-case local part, plus-tag included. */
  local: string;
  /** Full domain, lower-case, Unicode form, without a trailing dot (IP literals keep their brackets). */
  domain: string;
  /** Full domain in ASCII (punycode) form. */
  asciiDomain: string;
  /** Display name, when given. */
  name?: string;
  /** The domain is an IP address ("[192.0.2.1]", "[IPv6:…]" or a bare IPv4). */
  ipLiteral: boolean;
}

export interface ParsedAddressError {
  ok: false;
  reason: Reason;
}

export type ParsedAddress = ParsedAddressOk | ParsedAddressError;

/** Raw input longer than this is rejected before any work. */
export const MAX_INPUT_LENGTH = 1000;
/** RFC 5321 limits. */
export const MAX_ADDRESS_LENGTH = 254;
export const MAX_LOCAL_LENGTH = 64;
export const MAX_DOMAIN_LENGTH = 253;

function fail(detail: InvalidDetail): ParsedAddressError {
  return { ok: false, reason: invalidReason(detail) };
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Trims ASCII and Unicode spaces, zero-width characters and BOM at both ends. */
export function trimAll(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function startsWithMailto(s: string): boolean {
  return (
    s.length > 7 &&
    s.charCodeAt(6) === 58 && // ':'
    (s.charCodeAt(0) | 0x20) === 109 && // m
    (s.charCodeAt(1) | 0x20) === 97 && // a
    (s.charCodeAt(2) | 0x20) === 105 && // i
    (s.charCodeAt(3) | 0x20) === 108 && // l
    (s.charCodeAt(4) | 0x20) === 116 && // t
    (s.charCodeAt(5) | 0x20) === 111 // o
  );
}

/** "mailto:a%40b.fr?subject=x" → "a@b.fr". */
function stripMailto(s: string): string {
  let r = s.slice(7);
  const q = r.indexOf('?');
  if (q >= 0) r = r.slice(0, q);
  if (r.indexOf('%') >= 0) {
    try {
      r = decodeURIComponent(r);
    } catch {
      /* keep as is: validation will reject it */
    }
  }
  return trimAll(r);
}

/** Display name cleanup: strip quotes, unescape, collapse spaces. */
function cleanName(raw: string): string | undefined {
  let s = trimAll(raw);
  if (s.length >= 2) {
    const f = s.charCodeAt(0);
    const l = s.charCodeAt(s.length - 1);
    if ((f === 34 && l === 34) || (f === 39 && l === 39)) s = s.slice(1, -1);
  }
  if (s.indexOf('\\') >= 0) {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) === 92 && i + 1 < s.length) i++;
      out += s[i];
    }
    s = out;
  }
  // Usually there is nothing to collapse: single ASCII spaces only.
  let clean = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 0x7f) continue; // printable ASCII: never a space
    if (c === 32 ? i === 0 || i === s.length - 1 || s.charCodeAt(i + 1) === 32 : c < 32 || isSpace(c)) {
      clean = false;
      break;
    }
  }
  if (clean) return s.length > 0 ? s : undefined;
  let out = '';
  let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c) || c < 32) {
      if (!prevSpace && out.length > 0) out += ' ';
      prevSpace = true;
    } else {
      out += s[i];
      prevSpace = false;
    }
  }
  out = trimAll(out);
  return out.length > 0 ? out : undefined;
}

/** RFC 5322 atext, plus any non-ASCII character (RFC 6531). */
function isAtext(c: number): boolean {
  if (c >= 97 && c <= 122) return true; // a-z
  if (c >= 48 && c <= 57) return true; // 0-9
  if (c >= 65 && c <= 90) return true; // A-Z
  switch (c) {
    case 33: // !
    case 35: // #
    case 36: // $
    case 37: // %
    case 38: // &
    case 39: // '
    case 42: // *
    case 43: // +
    case 45: // -
    case 47: // /
    case 61: // =
    case 63: // ?
    case 94: // ^
    case 95: // _
    case 96: // `
    case 123: // {
    case 124: // |
    case 125: // }
    case 126: // ~
      return true;
  }
  // non-ASCII (surrogate pairs are checked by the caller): anything but spaces and C1 controls
  return c > 0x9f && !isSpace(c);
}

function validLocal(local: string): boolean {
  const n = local.length;
  if (n === 0 || n > MAX_LOCAL_LENGTH) return false;
  if (n >= 2 && local.charCodeAt(0) === 34 && local.charCodeAt(n - 1) === 34) {
    // quoted string: printable ASCII (and non-ASCII), backslash escapes, no bare quote
    for (let i = 1; i < n - 1; i++) {
      const c = local.charCodeAt(i);
      if (c === 92) {
        i++;
        if (i >= n - 1) return false;
        continue;
      }
      if (c === 34 || c < 32 || c === 127) return false;
    }
    return true;
  }
  let prevDot = true; // no leading dot
  for (let i = 0; i < n; i++) {
    const c = local.charCodeAt(i);
    if (c === 46) {
      if (prevDot) return false;
      prevDot = true;
      continue;
    }
    prevDot = false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = local.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (!isAtext(c)) return false;
  }
  return !prevDot; // no trailing dot
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Dotted-quad IPv4 with octets 0-255. */
function isIPv4(s: string): boolean {
  let parts = 0;
  let val = -1;
  let digits = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || val > 255) return false;
      parts++;
      val = -1;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      val = (val < 0 ? 0 : val * 10) + (c - 48);
      digits++;
      if (digits > 3) return false;
    } else return false;
  }
  return parts === 4;
}

/** "[192.0.2.1]" or "[IPv6:2001:db8::1]" (already lower-cased). */
function isDomainLiteral(d: string): boolean {
  const inner = d.slice(1, -1);
  if (isIPv4(inner)) return true;
  if (!inner.startsWith('ipv6:')) return false;
  const v6 = inner.slice(5);
  if (v6.length < 2 || v6.length > 45) return false;
  let colons = 0;
  for (let i = 0; i < v6.length; i++) {
    const c = v6.charCodeAt(i);
    if (c === 58) colons++;
    else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || c === 46)) return false;
  }
  return colons >= 2;
}

/** Results of normalizeDomain (module scratch to avoid an allocation per address). */
let outUnicode = '';
let outAscii = '';

/**
 * Validates and normalises a domain (already lower-cased if ASCII). On success returns null and
 * leaves the Unicode and ASCII forms in outUnicode / outAscii; otherwise returns why it is invalid.
 */
let scanLabelCount = 0;
let scanHasAce = false;
let scanLastNumeric = false;
const NEEDS_MAPPING = 1;

/**
 * One pass over a domain's labels: LDH (plus non-ASCII once `mapped`), label lengths, no leading or
 * trailing hyphen. Leaves label count / "xn--" seen / last label numeric in the scan* variables.
 * Returns NEEDS_MAPPING on the first non-ASCII character of a domain not yet mapped.
 */
function scanDomain(d: string, mapped: boolean): InvalidDetail | typeof NEEDS_MAPPING | null {
  let labels = 0;
  let start = 0;
  let hasAce = false;
  let digitsOnly = true;
  const n = d.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? d.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - start;
      if (len === 0 || len > 63) return 'bad-domain';
      if (d.charCodeAt(start) === 45 || d.charCodeAt(i - 1) === 45) return 'bad-domain';
      if (len > 4 && d.charCodeAt(start + 2) === 45 && d.charCodeAt(start + 3) === 45 && d.charCodeAt(start) === 120 && d.charCodeAt(start + 1) === 110) {
        hasAce = true;
      }
      labels++;
      scanLastNumeric = digitsOnly;
      digitsOnly = true;
      start = i + 1;
      continue;
    }
    if (c >= 97 && c <= 122) {
      digitsOnly = false;
      continue;
    }
    if (c >= 48 && c <= 57) continue;
    if (c === 45) {
      digitsOnly = false;
      continue;
    }
    if (c > 127) {
      if (!mapped) return NEEDS_MAPPING;
      digitsOnly = false;
      if (isSpace(c) || isForbiddenDomainCodePoint(c)) return 'bad-domain';
      if (c >= 0xd800 && c <= 0xdbff) {
        const c2 = d.charCodeAt(i + 1);
        if (!(c2 >= 0xdc00 && c2 <= 0xdfff)) return 'bad-domain';
        i++;
        continue;
      }
      if (c >= 0xdc00 && c <= 0xdfff) return 'bad-domain';
      continue;
    }
    return 'bad-domain';
  }
  scanLabelCount = labels;
  scanHasAce = hasAce;
  return null;
}

/** IDN / punycode conversions are slow-ish and domains repeat: remember the last few thousand. */
const IDN_CACHE_MAX = 4096;
const idnCache = new Map<string, readonly [string, string] | InvalidDetail>();

function normalizeDomain(raw: string): InvalidDetail | null {
  const cached = idnCache.get(raw);
  if (cached !== undefined) {
    if (typeof cached === 'string') return cached;
    outUnicode = cached[0];
    outAscii = cached[1];
    return null;
  }
  const r = normalizeDomainUncached(raw);
  if (outAscii !== outUnicode || r !== null) {
    // only non-trivial results are worth keeping (ASCII domains come back unchanged)
    if (idnCache.size >= IDN_CACHE_MAX) idnCache.clear();
    idnCache.set(raw, r ?? [outUnicode, outAscii]);
  }
  return r;
}

function normalizeDomainUncached(raw: string): InvalidDetail | null {
  let d = raw;
  if (d.length > 0 && d.charCodeAt(d.length - 1) === 46) d = d.slice(0, -1); // trailing dot
  if (d.length === 0) return 'empty-domain';
  let ascii = true;
  let r = scanDomain(d, false);
  if (r === NEEDS_MAPPING) {
    ascii = false;
    d = mapDomain(d);
    if (d.length > 0 && d.charCodeAt(d.length - 1) === 46) d = d.slice(0, -1);
    r = scanDomain(d, true);
  }
  if (r !== null) return r === NEEDS_MAPPING ? 'bad-domain' : r;
  const labels = scanLabelCount;
  const hasAce = scanHasAce;
  const lastLabelNumeric = scanLastNumeric;
  if (labels < 2) return 'single-label-domain';
  if (lastLabelNumeric) {
    // a bare IPv4 is accepted (audience unknown); other numeric TLDs are not domains
    if (!isIPv4(d)) return 'bad-domain';
    outUnicode = outAscii = d;
    return null;
  }
  if (ascii && !hasAce) {
    if (d.length > MAX_DOMAIN_LENGTH) return 'too-long';
    outUnicode = outAscii = d;
    return null;
  }
  // IDN: convert label by label.
  const parts = d.split('.');
  const uni: string[] = new Array(parts.length);
  const asc: string[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const u = labelToUnicode(p);
    if (u === null) return 'bad-punycode';
    const a = labelToASCII(u);
    if (a === null || a.length > 63) return 'bad-domain';
    uni[i] = u;
    asc[i] = a;
  }
  const asciiDomain = asc.join('.');
  if (asciiDomain.length > MAX_DOMAIN_LENGTH) return 'too-long';
  outUnicode = uni.join('.');
  outAscii = asciiDomain;
  return null;
}

/** Lower-cases ASCII letters only when there are some (avoids an allocation otherwise). */
function lower(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}

let fastLower = false;
/** Also left by fastScan: false when the local part has a character outside Latin-1 that lower-casing may change. */
let fastFoldable = false;
/** The object the last one-pass parse returned. */
let lastFastParsed: ParsedAddressOk | null = null;

/**
 * Validates "local@domain" in a single pass when it is the common, simple shape: an unquoted local
 * part and an ASCII domain with no "xn--" label, no trailing dot and a non-numeric TLD. Returns the
 * index of the '@', or -1 when the general (slower, fully diagnosing) path must decide. Sets
 * fastLower when the string needs lower-casing, and fastFoldable.
 */
function fastScan(s: string): number {
  const n = s.length;
  if (n > MAX_ADDRESS_LENGTH || n < 5) return -1;
  const at = scanLocalPart(s);
  if (at < 0) return -1;
  const d = scanDomainPart(s, at + 1);
  if (d < 0) return -1;
  fastLower = localUpper || d === 1;
  fastFoldable = localFoldable;
  return at;
}

/** Left by scanLocalPart: the local part may need lower-casing; it has no character outside Latin-1. */
let localUpper = false;
let localFoldable = false;
/** … and the index of its first '+', or -1. */
let localPlus = -1;

/**
 * fastScan's local part: unquoted atext (ASCII, or non-ASCII but spaces, C1 controls and lone
 * surrogates) with no leading, trailing or double dot, 1 to MAX_LOCAL_LENGTH characters, up to the
 * first '@'. Returns the index of that '@', or -1.
 */
function scanLocalPart(s: string): number {
  const n = s.length;
  let upper = false;
  let foldable = true;
  let at = -1;
  let prevDot = true;
  let plus = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      const k = LOCAL_CLASS[c]!;
      if (k === L_ATEXT) {
        prevDot = false;
        continue;
      }
      if (k === L_AT) {
        at = i;
        break;
      }
      if (k === L_DOT) {
        if (prevDot) return -1;
        prevDot = true;
        continue;
      }
      if (k === L_UPPER) {
        prevDot = false;
        upper = true;
        continue;
      }
      if (k === L_PLUS) {
        prevDot = false;
        if (plus < 0) plus = i;
        continue;
      }
      return -1;
    }
    prevDot = false;
    if (c > 0x9f && !(c >= 0xd800 && c <= 0xdfff) && !isSpace(c)) {
      // Latin-1 lower-case letters (U+00DF–U+00FF) need nothing; anything else may have an upper case
      if (c < 0xdf || c > 0xff) upper = true;
      if (c > 0xff) foldable = false;
      continue;
    }
    return -1;
  }
  if (at <= 0 || prevDot || at > MAX_LOCAL_LENGTH) return -1;
  localUpper = upper;
  localFoldable = foldable;
  localPlus = plus;
  return at;
}

/**
 * fastScan's domain part, s[start, end of s): LDH labels of 1 to 63 characters, no hyphen at
 * either end, no "xn--"-like label, at least two labels, the last one not all digits, at most
 * MAX_DOMAIN_LENGTH characters. Returns -1 when it is not that, 1 when it has upper-case
 * letters, else 0.
 */
function scanDomainPart(s: string, start: number): number {
  const n = s.length;
  let upper = 0;
  let labelStart = start;
  let labels = 0;
  let digitsOnly = true;
  if (n - labelStart > MAX_DOMAIN_LENGTH) return -1;
  for (let i = labelStart; i < n; i++) {
    const c = s.charCodeAt(i);
    const k = c < 128 ? DOMAIN_CLASS[c]! : D_BAD;
    if (k === D_LOWER) {
      digitsOnly = false;
      continue;
    }
    if (k === D_DOT) {
      if (!labelOk(s, labelStart, i)) return -1;
      labels++;
      digitsOnly = true;
      labelStart = i + 1;
      continue;
    }
    if (k === D_DIGIT) continue;
    if (k === D_HYPHEN) {
      digitsOnly = false;
      continue;
    }
    if (k === D_UPPER) {
      upper = 1;
      digitsOnly = false;
      continue;
    }
    return -1;
  }
  // last label
  if (!labelOk(s, labelStart, n) || digitsOnly) return -1; // numeric TLD or IPv4
  if (labels < 1) return -1;
  return upper;
}

/** The label s[start, end): 1 to 63 characters, no hyphen at either end, not "??--…" (maybe xn--). */
function labelOk(s: string, start: number, end: number): boolean {
  const len = end - start;
  if (len === 0 || len > 63) return false;
  if (s.charCodeAt(start) === 45 || s.charCodeAt(end - 1) === 45) return false;
  return !(len > 4 && s.charCodeAt(start + 2) === 45 && s.charCodeAt(start + 3) === 45);
}

/** fastScan's character classes below U+0080, local part: */
const L_BAD = 0;
const L_ATEXT = 1; // atext but letters A-Z and '+'
const L_UPPER = 2;
const L_DOT = 3;
const L_AT = 4;
const L_PLUS = 5;
const LOCAL_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128).fill(L_BAD);
  for (let c = 0; c < 127; c++) if (c !== 34 && c !== 64 && isAtext(c)) t[c] = L_ATEXT;
  for (let c = 65; c <= 90; c++) t[c] = L_UPPER;
  t[46] = L_DOT;
  t[64] = L_AT;
  t[43] = L_PLUS;
  return t;
})();

/** … and domain. */
const D_BAD = 0;
const D_LOWER = 1;
const D_DIGIT = 2;
const D_HYPHEN = 3;
const D_UPPER = 4;
const D_DOT = 5;
const DOMAIN_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128).fill(D_BAD);
  for (let c = 97; c <= 122; c++) t[c] = D_LOWER;
  for (let c = 48; c <= 57; c++) t[c] = D_DIGIT;
  for (let c = 65; c <= 90; c++) t[c] = D_UPPER;
  t[45] = D_HYPHEN;
  t[46] = D_DOT;
  return t;
})();

/**
 * For classify(): when `s` (already trimmed) is a plain address that parseAddress would take in
 * one pass, with a local part of Latin-1 characters, returns the index of its '@' (and
 * plainLower() tells whether to lower-case `s` first); otherwise -1, and only parseAddress decides.
 */
export function plainAddressScan(s: string): number {
  const at = fastScan(s);
  return at > 0 && fastFoldable ? at : -1;
}

/**
 * For classify(): when `s` (already trimmed, 5 to MAX_ADDRESS_LENGTH characters) starts with a
 * local part the one-pass scan accepts, already in lower case and all Latin-1, returns the index
 * of its '@' (the first one); else -1.
 */
export function plainLocalScan(s: string): number {
  const at = scanLocalPart(s);
  return at > 0 && !localUpper && localFoldable ? at : -1;
}

/**
 * For classify(): s[0, at) being such a local part, would the one-pass scan accept `s`? Returns
 * -1 if not, 1 if it would and `s` needs lower-casing (its domain has upper-case letters), 0 if
 * it would as it is.
 */
export function plainDomainScan(s: string, at: number): number {
  if (s.length > MAX_ADDRESS_LENGTH || s.length < 5) return -1;
  return scanDomainPart(s, at + 1);
}

/** After plainLocalScan or plainAddressScan: index of the first '+' of the local part, or -1. */
export function plainPlus(): number {
  return localPlus;
}

export function plainLower(): boolean {
  return fastLower;
}

/**
 * True when `p` is what the last parseAddress call returned and it came from the one-pass scan
 * with a Latin-1 local part (p.email is then `local@domain`, with no IP and an ASCII domain).
 */
export function isPlainParsed(p: ParsedAddressOk): boolean {
  return p === lastFastParsed && fastFoldable;
}

/** Parses one address. Never throws. */
export function parseAddress(input: string): ParsedAddress {
  return parse(input, true);
}

/** parseAddress without the single-pass shortcut; same results, slower. For tests and comparisons. */
export function parseAddressGeneral(input: string): ParsedAddress {
  return parse(input, false);
}

function parse(input: string, allowFast: boolean): ParsedAddress {
  if (typeof input !== 'string') return fail('empty');
  if (input.length > MAX_INPUT_LENGTH) return fail('too-long');
  let s = trimAll(input);
  if (s.length === 0) return fail('empty');
  let name: string | undefined;

  if (startsWithMailto(s)) s = stripMailto(s);

  const last = s.charCodeAt(s.length - 1);
  if (last === 62 /* > */) {
    // "Name <addr>": the last '<' outside a quoted string (with no quote at all, simply the last '<')
    let lt = -1;
    if (s.indexOf('"') < 0) lt = s.lastIndexOf('<');
    else {
      let inQuote = false;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 92 && inQuote) {
          i++;
          continue;
        }
        if (c === 34) inQuote = !inQuote;
        else if (c === 60 && !inQuote) lt = i;
      }
    }
    if (lt < 0) return fail('bad-brackets');
    name = lt > 0 ? cleanName(s.slice(0, lt)) : undefined;
    s = trimAll(s.slice(lt + 1, s.length - 1));
    if (startsWithMailto(s)) s = stripMailto(s);
    if (s.length === 0) return fail('empty');
  } else if (last === 41 /* ) */ && s.indexOf('(') > 0) {
    // "addr (Name)"
    const open = s.indexOf('(');
    const addr = trimAll(s.slice(0, open));
    if (addr.indexOf('@') > 0 && addr.indexOf('"') < 0) {
      name = cleanName(s.slice(open + 1, s.length - 1));
      s = addr;
    }
  }

  // room for a long display-name-less local part to be reported as such below
  if (s.length > MAX_ADDRESS_LENGTH + MAX_LOCAL_LENGTH) return fail('too-long');

  // Common case in one pass: unquoted local part, plain ASCII domain.
  const fastAt = allowFast ? fastScan(s) : -1;
  if (fastAt > 0) {
    // Local part and domain lower-cased apart: lower-casing may lengthen a string (İ → i̇) and move the '@'.
    const fastLocal = fastLower ? s.slice(0, fastAt).toLowerCase() : s.slice(0, fastAt);
    const fastDomain = fastLower ? s.slice(fastAt + 1).toLowerCase() : s.slice(fastAt + 1);
    if (fastLower) s = fastLocal + '@' + fastDomain;
    const fast: ParsedAddressOk = {
      ok: true,
      email: s,
      local: fastLocal,
      domain: fastDomain,
      asciiDomain: fastDomain,
      ipLiteral: false,
    };
    if (name !== undefined) fast.name = name;
    lastFastParsed = fast;
    return fast;
  }
  const at = s.lastIndexOf('@');
  if (at < 0) return fail(s.indexOf('<') >= 0 || s.indexOf('>') >= 0 ? 'bad-brackets' : 'no-at');
  if (at === 0) return fail('empty-local');
  if (at === s.length - 1) return fail('empty-domain');

  // Lower-cased apart (see above): the '@' found before lower-casing stays the separator.
  const local = lower(s.slice(0, at));
  s = local + '@' + lower(s.slice(at + 1));
  const rawDomainStart = local.length + 1;
  if (!validLocal(local)) {
    return fail(local.indexOf('<') >= 0 || local.indexOf('>') >= 0 ? 'bad-brackets' : local.length > MAX_LOCAL_LENGTH ? 'too-long' : 'bad-local');
  }

  const rawDomain = s.slice(rawDomainStart);
  let domain: string;
  let asciiDomain: string;
  let ipLiteral = false;
  if (rawDomain.charCodeAt(0) === 91 /* [ */) {
    if (rawDomain.charCodeAt(rawDomain.length - 1) !== 93 || !isDomainLiteral(rawDomain)) return fail('bad-domain');
    domain = asciiDomain = rawDomain;
    ipLiteral = true;
  } else {
    const err = normalizeDomain(rawDomain);
    if (err !== null) return fail(err);
    domain = outUnicode;
    asciiDomain = outAscii;
    if (isDigit(asciiDomain.charCodeAt(asciiDomain.length - 1)) && isIPv4(asciiDomain)) ipLiteral = true;
  }
  if (local.length + 1 + asciiDomain.length > MAX_ADDRESS_LENGTH) return fail('too-long');

  const out: ParsedAddressOk = {
    ok: true,
    // s is already local@rawDomain: reuse it when the domain needed no normalisation
    email: domain === rawDomain ? s : local + '@' + domain,
    local,
    domain,
    asciiDomain,
    ipLiteral,
  };
  if (name !== undefined) out.name = name;
  return out;
}

/**
 * Splits a pasted list on ',', ';' and line breaks outside quotes, angle brackets and parentheses.
 * An unquoted "Dupont, Jean <jean@x.fr>" is put back together: a piece with no '@' followed by a
 * "Name <addr>" piece is taken as the start of that display name. Empty pieces are dropped.
 */
export function splitAddressList(s: string): string[] {
  if (typeof s !== 'string' || s.length === 0) return [];
  const pieces: string[] = [];
  /** The separator that ended each piece (0 for the last one). */
  const seps: number[] = [];
  let inQuote = false;
  let angle = 0;
  let paren = 0;
  let start = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (inQuote) {
      if (c === 92) {
        i++;
        continue;
      }
      if (c === 34) {
        inQuote = false;
        continue;
      }
      if (c !== 10 && c !== 13) continue;
      inQuote = false; // a line break ends a runaway quote
    }
    if (c === 34) inQuote = true;
    else if (c === 60) angle++;
    else if (c === 62) {
      if (angle > 0) angle--;
    } else if (c === 40) paren++;
    else if (c === 41) {
      if (paren > 0) paren--;
    } else if (c === 10 || c === 13) {
      // line breaks always separate, even inside a runaway bracket
      angle = 0;
      paren = 0;
      pieces.push(s.slice(start, i));
      seps.push(c);
      start = i + 1;
    } else if ((c === 44 || c === 59) && angle === 0 && paren === 0) {
      pieces.push(s.slice(start, i));
      seps.push(c);
      start = i + 1;
    }
  }
  pieces.push(s.slice(start));
  seps.push(0);

  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = trimAll(pieces[i]!);
    if (p.length === 0) continue;
    const next = i + 1 < pieces.length ? trimAll(pieces[i + 1]!) : '';
    if (
      seps[i] === 44 &&
      p.indexOf('@') < 0 &&
      p.indexOf('<') < 0 &&
      p.indexOf('"') < 0 &&
      next.length > 0 &&
      next.charCodeAt(0) !== 60 &&
      next.indexOf('<') > 0 &&
      next.charCodeAt(next.length - 1) === 62
    ) {
      out.push(p + ', ' + next);
      i++;
      continue;
    }
    out.push(p);
  }
  return out;
}
