/**
 * Email addresses: the one parser of the project (rules engine, CLI, content scripts, storage).
 *
 * API
 * - `parseAddress(input)` — one address as people paste or sites show it: "addr", "Name <addr>",
 *   "\"Dupont, Jean\" <addr>", "addr (Name)", "mailto:addr?subject=…", any case, IDN or punycode
 *   domain. Gives the normalised address and its parts, or why it is not an address.
 * - `splitAddressList(text)` — a pasted list ("a@x.fr, \"B, C\" <b@y.fr>; c@z.fr") cut into its
 *   pieces; `parseAddressList(text)` parses every piece.
 * - `findAddresses(text)` — every address in a free text (a chip's label, a title attribute, a
 *   "To:" line), in order: whole pieces as above, else bare addresses inside a piece.
 * - `normalizeAddress(input)` / `normalizeDomain(input)` — the normalised form used as a key
 *   (overrides, consent records, own domains), or null.
 *
 * Normalisation: local part and domain lower-cased apart; the domain mapped as the browser's URL
 * parser maps a host (UTS #46, see punycode.ts: "ｇｍａｉｌ.com" is gmail.com) and given in Unicode
 * form (`domain`) and ASCII form (`asciiDomain`); one trailing dot dropped. Limits of RFC 5321.
 * Hand-written scanners, no backtracking regular expressions; nothing throws.
 */
import { domainToASCII, domainToUnicode } from './punycode.js';
import { invalidReason, type InvalidDetail } from './reasons-invalid.js';
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
  /** Display name, when given (and not merely the address again). */
  name?: string;
  /** The domain is an IP address ("[192.0.2.1]", "[IPv6:…]" or a bare IPv4). */
  ipLiteral: boolean;
}

export interface ParsedAddressError {
  ok: false;
  reason: Reason;
}

export type ParsedAddress = ParsedAddressOk | ParsedAddressError;

/** A piece of a list with what parsing it gave. */
export type ListedAddress = ParsedAddress & { input: string };

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
  return s.length > 7 && s.charCodeAt(6) === 58 /* : */ && (s.charCodeAt(0) | 0x20) === 109 /* m */ && s.slice(0, 6).toLowerCase() === 'mailto';
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

const NAME_SPACES = /[\s\u0000-\u001f\u007f\u200b-\u200d\u2060]+/g;

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
  s = trimAll(s.replace(NAME_SPACES, ' '));
  return s.length > 0 ? s : undefined;
}

/** ASCII atext of RFC 5322: letters, digits and !#$%&'*+-/=?^_`{|}~, as a table. */
const ASCII_ATEXT: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~") t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** RFC 5322 atext, plus any non-ASCII character but spaces and C1 controls (RFC 6531). */
function isAtext(c: number): boolean {
  if (c < 128) return ASCII_ATEXT[c] === 1;
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

/** Dotted-quad IPv4 with octets 0-255. */
function isIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (p.length === 0 || p.length > 3 || !isDigits(p) || Number(p) > 255) return false;
  }
  return true;
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** "[192.0.2.1]" or "[ipv6:2001:db8::1]" (lower-cased). */
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

/** Only ASCII letters, digits, '-' and '.'. */
function isLdhString(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46)) return false;
  }
  return true;
}

const LAST_NUMERIC = 1;
const HAS_ACE = 2;

/**
 * Checks the labels of a lower-case LDH domain (1 to 63 characters, no hyphen at either end, at
 * least two). Returns why it is not a host name, or flags: LAST_NUMERIC when the last label is all
 * digits, HAS_ACE when a label starts with "xn--".
 */
function checkLabels(d: string): InvalidDetail | number {
  let labels = 0;
  let start = 0;
  let digitsOnly = true;
  let flags = 0;
  for (let i = 0; i <= d.length; i++) {
    const c = i < d.length ? d.charCodeAt(i) : 46;
    if (c !== 46) {
      if (c < 48 || c > 57) digitsOnly = false;
      continue;
    }
    const len = i - start;
    if (len === 0 || len > 63 || d.charCodeAt(start) === 45 || d.charCodeAt(i - 1) === 45) return 'bad-domain';
    if (len > 4 && d.startsWith('xn--', start)) flags |= HAS_ACE;
    labels++;
    start = i + 1;
    if (i < d.length) digitsOnly = true;
  }
  if (labels < 2) return 'single-label-domain';
  return digitsOnly ? flags | LAST_NUMERIC : flags;
}

type DomainForms = { unicode: string; ascii: string; ip: boolean };

/** Validates and normalises a domain (not a bracketed literal): its Unicode and ASCII forms, or why it is invalid. */
function normalizeHost(raw: string): DomainForms | InvalidDetail {
  const trailingDot = raw.endsWith('.');
  let d = trailingDot ? raw.slice(0, -1) : raw;
  if (d.length === 0) return 'empty-domain';
  if (isLdhString(d)) {
    d = d.toLowerCase();
    const labels = checkLabels(d);
    if (typeof labels === 'string') return labels;
    if ((labels & LAST_NUMERIC) !== 0) return isIPv4(d) ? { unicode: d, ascii: d, ip: true } : 'bad-domain';
    if ((labels & HAS_ACE) === 0) return d.length > MAX_DOMAIN_LENGTH ? 'too-long' : { unicode: d, ascii: d, ip: false };
  } else {
    // an ASCII character outside letters, digits, '-' and '.' is never part of a host name
    for (let i = 0; i < d.length; i++) if (d.charCodeAt(i) < 128 && !isLdhString(d[i]!)) return 'bad-domain';
    if (isDigits(d.slice(d.lastIndexOf('.') + 1))) return 'bad-domain';
  }
  // IDN or "xn--" labels: as the browser's URL parser maps them (a parse costs microseconds: memo).
  const known = idnMemo.get(raw);
  if (known !== undefined) return known;
  const forms = mapIdn(d, trailingDot);
  if (idnMemo.size >= IDN_MEMO_SIZE) idnMemo.clear();
  idnMemo.set(raw, forms);
  return forms;
}

/** Results of mapIdn per domain as typed, forgotten all at once when full. */
const IDN_MEMO_SIZE = 2048;
const idnMemo = new Map<string, DomainForms | InvalidDetail>();

/** normalizeHost for a domain with non-ASCII characters or "xn--" labels, `d` without its trailing dot. */
function mapIdn(d: string, trailingDot: boolean): DomainForms | InvalidDetail {
  let ascii = domainToASCII(d);
  if (ascii === null) return d.toLowerCase().indexOf('xn--') >= 0 ? 'bad-punycode' : 'bad-domain';
  if (ascii.endsWith('.')) {
    if (trailingDot) return 'bad-domain'; // two trailing dots: an empty label
    ascii = ascii.slice(0, -1);
  }
  if (!isLdhString(ascii)) return 'bad-domain';
  const labels = checkLabels(ascii);
  if (typeof labels === 'string') return labels;
  if ((labels & LAST_NUMERIC) !== 0) return 'bad-domain'; // the URL parser read it as an IPv4 address
  const unicode = domainToUnicode(ascii);
  // the Unicode form must map back to the same host ("xn--xn--…" labels do not)
  if (unicode === null || (unicode !== ascii && domainToASCII(unicode)?.replace(/\.$/, '') !== ascii)) return 'bad-punycode';
  if (ascii.length > MAX_DOMAIN_LENGTH) return 'too-long';
  return { unicode, ascii, ip: false };
}

/** "Name <addr>" / "addr (Name)" → [address part, name]; [s, undefined] otherwise; null for misplaced brackets. */
function splitName(s: string): [string, string | undefined] | null {
  const last = s.charCodeAt(s.length - 1);
  if (last === 62 /* > */) {
    // the last '<' outside a quoted string
    let lt = -1;
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
    if (lt < 0) return null;
    return [trimAll(s.slice(lt + 1, s.length - 1)), lt > 0 ? cleanName(s.slice(0, lt)) : undefined];
  }
  if (last === 41 /* ) */) {
    const open = s.indexOf('(');
    if (open > 0) {
      const addr = trimAll(s.slice(0, open));
      if (addr.indexOf('@') > 0 && addr.indexOf('"') < 0) return [addr, cleanName(s.slice(open + 1, s.length - 1))];
    }
  }
  return [s, undefined];
}

/** Character classes of parseSimple, by ASCII code: RFC 5322 atext (a local part), a host name's letter, digit or '-', an upper-case letter. */
const SIMPLE_LOCAL = 1;
const SIMPLE_HOST = 2;
const SIMPLE_UPPER = 4;
const SIMPLE_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if (ASCII_ATEXT[c] === 1) t[c]! |= SIMPLE_LOCAL;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45) t[c]! |= SIMPLE_HOST;
    if (c >= 65 && c <= 90) t[c]! |= SIMPLE_HOST | SIMPLE_UPPER;
  }
  return t;
})();

/**
 * The common case in one pass over the text: `s` (trimmed) is a bare "local@domain" of at most 254
 * characters, the local part an ASCII dot-atom of 1 to 64 characters, the domain at least two
 * labels of ASCII letters, digits and '-' (1 to 63 characters, no '-' at either end, none starting
 * with "xn--", the last not all digits), no trailing dot. Such an address is what parseAddress's
 * general path below makes of it — lower-cased, its domain its own ASCII form — with its checks
 * done once instead of in several scans and without building the address again. Anything else
 * (a display name, mailto:, a quoted local part, an IDN, an IP, any doubt): null, and the general
 * path decides.
 */
function parseSimple(s: string): ParsedAddressOk | null {
  const n = s.length;
  if (n > MAX_ADDRESS_LENGTH) return null;
  let seen = 0;
  // the local part, up to the first '@': atext, dots between atoms
  let i = 0;
  let prevDot = true;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 64 /* @ */) break;
    if (c === 46 /* . */) {
      if (prevDot) return null;
      prevDot = true;
      continue;
    }
    const k = c < 128 ? SIMPLE_CLASS[c]! : 0;
    if ((k & SIMPLE_LOCAL) === 0) return null;
    seen |= k;
    prevDot = false;
  }
  const at = i;
  if (at === n || at > MAX_LOCAL_LENGTH || prevDot) return null;
  // the domain: labels as checkLabels wants them, and no second '@'
  let labels = 0;
  let start = at + 1;
  let digitsOnly = true;
  for (i = start; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 46;
    if (c === 46) {
      const len = i - start;
      if (len === 0 || len > 63 || s.charCodeAt(start) === 45 || s.charCodeAt(i - 1) === 45) return null;
      if (len >= 4 && (s.charCodeAt(start) | 0x20) === 120 && (s.charCodeAt(start + 1) | 0x20) === 110 && s.charCodeAt(start + 2) === 45 && s.charCodeAt(start + 3) === 45) return null;
      labels++;
      start = i + 1;
      if (i < n) digitsOnly = true;
      continue;
    }
    const k = c < 128 ? SIMPLE_CLASS[c]! : 0;
    if ((k & SIMPLE_HOST) === 0) return null;
    seen |= k;
    if (c < 48 || c > 57) digitsOnly = false;
  }
  if (labels < 2 || digitsOnly) return null;
  // ASCII: lower-casing changes only A-Z, never the length
  const email = (seen & SIMPLE_UPPER) !== 0 ? s.toLowerCase() : s;
  const domain = email.slice(at + 1);
  return { ok: true, email, local: email.slice(0, at), domain, asciiDomain: domain, ipLiteral: false };
}

/** Parses one address. Never throws. */
export function parseAddress(input: string): ParsedAddress {
  if (typeof input !== 'string') return fail('empty');
  if (input.length > MAX_INPUT_LENGTH) return fail('too-long');
  let s = trimAll(input);
  if (s.length === 0) return fail('empty');
  const simple = parseSimple(s);
  if (simple !== null) return simple;
  if (startsWithMailto(s)) s = stripMailto(s);
  if (s.length === 0) return fail('no-at');

  let name: string | undefined;
  const last = s.charCodeAt(s.length - 1);
  if (last === 62 /* > */ || last === 41 /* ) */) {
    const named = splitName(s);
    if (named === null) return fail('bad-brackets');
    [s, name] = named;
    if (startsWithMailto(s)) s = stripMailto(s);
    if (s.length === 0) return fail('empty');
  }
  // room for a long local part to be reported as such below
  if (s.length > MAX_ADDRESS_LENGTH + MAX_LOCAL_LENGTH) return fail('too-long');

  const at = s.lastIndexOf('@');
  if (at < 0) return fail(s.indexOf('<') >= 0 || s.indexOf('>') >= 0 ? 'bad-brackets' : 'no-at');
  if (at === 0) return fail('empty-local');
  if (at === s.length - 1) return fail('empty-domain');

  // Lower-cased apart: lower-casing may lengthen a string (İ → i̇) and must not move the '@'.
  const local = s.slice(0, at).toLowerCase();
  if (!validLocal(local)) {
    return fail(local.indexOf('<') >= 0 || local.indexOf('>') >= 0 ? 'bad-brackets' : local.length > MAX_LOCAL_LENGTH ? 'too-long' : 'bad-local');
  }

  const rawDomain = s.slice(at + 1);
  let domain: string;
  let asciiDomain: string;
  let ipLiteral: boolean;
  if (rawDomain.charCodeAt(0) === 91 /* [ */) {
    const lit = rawDomain.toLowerCase();
    if (lit.charCodeAt(lit.length - 1) !== 93 || !isDomainLiteral(lit)) return fail('bad-domain');
    domain = asciiDomain = lit;
    ipLiteral = true;
  } else {
    const forms = normalizeHost(rawDomain);
    if (typeof forms === 'string') return fail(forms);
    domain = forms.unicode;
    asciiDomain = forms.ascii;
    ipLiteral = forms.ip;
  }
  if (local.length + 1 + asciiDomain.length > MAX_ADDRESS_LENGTH) return fail('too-long');

  const email = `${local}@${domain}`;
  const out: ParsedAddressOk = { ok: true, email, local, domain, asciiDomain, ipLiteral };
  if (name !== undefined && name.toLowerCase() !== email && name.toLowerCase() !== `${local}@${asciiDomain}`) out.name = name;
  return out;
}

/** The normalised address (see parseAddress), or null when the input is not one. */
export function normalizeAddress(input: string): string | null {
  const p = parseAddress(input);
  return p.ok ? p.email : null;
}

/**
 * A domain as a user types it ("Example.COM", "@example.com", "*.example.com", "mail.société.fr.",
 * or an address, whose domain is taken), normalised as in parseAddress (lower-case, Unicode form);
 * null when it is not a domain with at least two labels.
 */
export function normalizeDomain(input: string): string | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return null;
  let s = trimAll(input);
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  if (s.startsWith('*.')) s = s.slice(2);
  if (s.length === 0) return null;
  const p = parseAddress(`x@${s}`);
  return p.ok ? p.domain : null;
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

/** Every piece of a pasted list (splitAddressList), parsed; bad pieces are kept with their reason. */
export function parseAddressList(text: string): ListedAddress[] {
  return splitAddressList(text).map((input) => ({ ...parseAddress(input), input }));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** A character that may be part of a bare address's local part, for findAddresses. */
function localChar(c: number): boolean {
  return c === 46 || (c !== 34 && isAtext(c));
}

/** … and of its domain: letters, digits, '-', '.', non-ASCII letters, digits and marks. */
function domainChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46;
  if (c === 0x3002 || c === 0xff0e || c === 0xff61) return true; // full stops the URL parser maps to '.'
  return LETTER_OR_DIGIT.test(s[i]!);
}

/** Bare addresses inside a string, pushed onto `out`. */
function scanBare(s: string, out: ParsedAddressOk[]): void {
  let from = 0;
  for (let at = s.indexOf('@'); at > 0; at = s.indexOf('@', from)) {
    let a = at;
    while (a > from && localChar(s.charCodeAt(a - 1))) a--;
    while (a < at && s.charCodeAt(a) === 46) a++; // no leading dot
    let b = at + 1;
    while (b < s.length && domainChar(s, b)) b++;
    let e = b;
    while (e > at + 1 && (s.charCodeAt(e - 1) === 46 || s.charCodeAt(e - 1) === 45)) e--; // sentence punctuation
    if (a < at && e > at + 1) {
      const p = parseAddress(s.slice(a, e));
      if (p.ok) out.push(p);
    }
    from = Math.max(b, at + 1);
  }
}

/**
 * Every address in a free text, in order: each piece of the text as a list (splitAddressList)
 * that is an address ("Jean <jean@acme.fr>" keeps its name), else the bare addresses inside it
 * ("Écrire à jean@acme.fr." gives jean@acme.fr).
 */
export function findAddresses(text: string): ParsedAddressOk[] {
  const out: ParsedAddressOk[] = [];
  if (typeof text !== 'string' || text.indexOf('@') < 0) return out;
  for (const piece of splitAddressList(text)) {
    if (piece.indexOf('@') < 0) continue;
    const p = parseAddress(piece);
    if (p.ok) out.push(p);
    else scanBare(piece, out);
  }
  return out;
}
