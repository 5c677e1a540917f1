/**
 * Internationalised domain names, as the browser's URL parser sees them.
 *
 * ASCII form: the WHATWG URL parser's host parsing (`new URL('http://' + host).hostname`), which
 * applies UTS #46 (mapping — fullwidth letters, ideographic full stops, case folding, NFC —,
 * validity checks, then Punycode). The URL class exists in browsers, service workers and Node, so
 * the engine, the extension and the CLI agree with the address bar: `ｇｍａｉｌ.com` is gmail.com.
 * Unicode form, for display: each "xn--" label of a valid ASCII form decoded (RFC 3492).
 *
 * Nothing here throws: invalid input gives `null`.
 */

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_CODE_POINT = 0x10ffff;
/** Far below 2^53, so intermediate arithmetic stays exact. */
const MAX_INT = 0x7fffffff;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

/** Digit value of a basic code point, or -1. */
function digitValue(cp: number): number {
  if (cp >= 48 && cp <= 57) return cp - 22; // 0-9 → 26-35
  if (cp >= 65 && cp <= 90) return cp - 65; // A-Z → 0-25
  if (cp >= 97 && cp <= 122) return cp - 97; // a-z → 0-25
  return -1;
}

/**
 * Decodes a Punycode string (without the "xn--" prefix) to Unicode.
 * Returns null on malformed input or overflow.
 */
export function punycodeDecode(input: string): string | null {
  if (typeof input !== 'string') return null;
  const output: number[] = [];
  let basicEnd = input.lastIndexOf('-');
  if (basicEnd < 0) basicEnd = 0;
  for (let j = 0; j < basicEnd; j++) {
    const cp = input.charCodeAt(j);
    if (cp >= 0x80) return null;
    output.push(cp);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  let index = basicEnd > 0 ? basicEnd + 1 : 0;
  const len = input.length;
  while (index < len) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= len) return null;
      const digit = digitValue(input.charCodeAt(index++));
      if (digit < 0) return null;
      if (digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const outLen = output.length + 1;
    bias = adapt(i - oldi, outLen, oldi === 0);
    if (Math.floor(i / outLen) > MAX_INT - n) return null;
    n += Math.floor(i / outLen);
    i %= outLen;
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  let s = '';
  for (let j = 0; j < output.length; j++) s += String.fromCodePoint(output[j]!);
  return s;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * A character that would change how the URL parser splits "http://" + host + "/" (a path, a
 * query, a fragment, user info, a port, an IPv6 literal, a percent escape) or that no host may
 * hold: every ASCII character but letters, digits, '-', '.' and '_' (the underscore is left to the
 * caller's own label rules), and lone surrogates.
 */
function unsafeForHost(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95) continue;
      return true;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/**
 * UTS #46 ToASCII as the browser's URL parser does it: "ｇｍａｉｌ.com" → "gmail.com",
 * "Société.FR" → "xn--socit-esab.fr", "XN--MNCHEN-3YA.DE" → "xn--mnchen-3ya.de". Null when the
 * parser refuses the host (a bad "xn--" label, a disallowed character, a combining mark first …).
 * A host the parser would read as an IPv4 address comes back in dotted-quad form.
 */
export function domainToASCII(domain: string): string | null {
  if (typeof domain !== 'string' || domain.length === 0 || domain.length > 1000 || unsafeForHost(domain)) return null;
  try {
    const host = new URL(`http://${domain}/`).hostname;
    return host.length > 0 ? host : null;
  } catch {
    return null;
  }
}

/**
 * Unicode form of an ASCII domain (as domainToASCII returns it): each "xn--" label decoded.
 * Null when a label does not decode to a non-ASCII string.
 */
export function domainToUnicode(ascii: string): string | null {
  if (typeof ascii !== 'string') return null;
  if (ascii.indexOf('xn--') < 0) return ascii;
  const labels = ascii.split('.');
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (!l.startsWith('xn--')) continue;
    const u = punycodeDecode(l.slice(4));
    if (u === null || u.length === 0 || isAscii(u)) return null;
    labels[i] = u;
  }
  return labels.join('.');
}

/** Domain to its ASCII form (see domainToASCII), trailing dot dropped. Example: "société.fr" → "xn--socit-esab.fr". */
export function toASCII(domain: string): string | null {
  if (typeof domain !== 'string') return null;
  const a = domainToASCII(domain);
  if (a === null) return null;
  const d = a.endsWith('.') ? a.slice(0, -1) : a;
  return domainToUnicode(d) === null ? null : d;
}

/** Domain to its Unicode form, mapped as the URL parser maps it. Example: "xn--socit-esab.fr" → "société.fr". */
export function toUnicode(domain: string): string | null {
  const a = toASCII(domain);
  return a === null ? null : domainToUnicode(a);
}
