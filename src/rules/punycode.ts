/**
 * Punycode (RFC 3492) and the small part of IDNA the engine needs: turning a domain's
 * labels between their Unicode form and their ASCII "xn--" form.
 *
 * Pure functions, no Node builtins (the module runs in a service worker as well).
 * Nothing here throws: invalid input gives `null`.
 *
 * Not a full UTS #46 implementation: the mapping step is limited to lower-casing, NFC
 * normalisation and the ideographic full stops; that is enough to compare mail domains.
 */

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const DELIMITER = 45; // '-'
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

function digitChar(d: number): number {
  // 0-25 → a-z, 26-35 → 0-9
  return d < 26 ? d + 97 : d + 22;
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

/**
 * Encodes a Unicode string to Punycode (without the "xn--" prefix).
 * Returns null on lone surrogates or overflow.
 */
export function punycodeEncode(input: string): string | null {
  if (typeof input !== 'string') return null;
  const cps: number[] = [];
  for (let j = 0; j < input.length; j++) {
    const c = input.charCodeAt(j);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = input.charCodeAt(j + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return null;
      cps.push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
      j++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return null;
    } else {
      cps.push(c);
    }
  }
  let out = '';
  for (const cp of cps) if (cp < 0x80) out += String.fromCharCode(cp);
  const basicLength = out.length;
  let handled = basicLength;
  if (basicLength > 0) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < cps.length) {
    let m = MAX_CODE_POINT + 1;
    for (const cp of cps) if (cp >= n && cp < m) m = cp;
    if (m - n > Math.floor((MAX_INT - delta) / (handled + 1))) return null;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const cp of cps) {
      if (cp < n) {
        delta++;
        if (delta > MAX_INT) return null;
      }
      if (cp === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
          if (q < t) break;
          out += String.fromCharCode(digitChar(t + ((q - t) % (BASE - t))));
          q = Math.floor((q - t) / (BASE - t));
        }
        out += String.fromCharCode(digitChar(q));
        bias = adapt(delta, handled + 1, handled === basicLength);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function hasAcePrefix(label: string): boolean {
  return (
    label.length > 4 &&
    label.charCodeAt(2) === DELIMITER &&
    label.charCodeAt(3) === DELIMITER &&
    (label.charCodeAt(0) | 0x20) === 120 && // x
    (label.charCodeAt(1) | 0x20) === 110 // n
  );
}

/**
 * Lower-cases, NFC-normalises and maps the ideographic full stops (U+3002, U+FF0E, U+FF61)
 * to '.'. The cheap part of UTS #46 mapping that matters for mail domains.
 */
export function mapDomain(domain: string): string {
  if (isAscii(domain)) return domain.toLowerCase();
  let s = domain.normalize('NFC').toLowerCase();
  if (s.indexOf('\u3002') >= 0 || s.indexOf('\uff0e') >= 0 || s.indexOf('\uff61') >= 0) {
    s = s.replace(/[\u3002\uff0e\uff61]/g, '.');
  }
  return s;
}

/**
 * Code points never valid in a domain label: controls, spaces, Latin-1 punctuation, general
 * punctuation / invisible formatting, specials. (A cheap subset of the IDNA rules.)
 */
export function isForbiddenDomainCodePoint(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0xbf) ||
    c === 0xd7 ||
    c === 0xf7 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x206f) ||
    c === 0x3000 ||
    c === 0xfeff ||
    c >= 0xfff0
  );
}

/** Unicode label for an "xn--" label, checking the round trip; null when invalid. */
export function labelToUnicode(label: string): string | null {
  if (!hasAcePrefix(label)) return label.toLowerCase();
  const lower = label.toLowerCase();
  const decoded = punycodeDecode(lower.slice(4));
  if (decoded === null || decoded.length === 0 || isAscii(decoded)) return null;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c >= 0x80 && isForbiddenDomainCodePoint(c)) return null;
  }
  const mapped = decoded.normalize('NFC').toLowerCase();
  if (mapped !== decoded) return null; // not a valid (mapped) A-label
  if (punycodeEncode(decoded) !== lower.slice(4)) return null;
  return decoded;
}

/** "xn--" label for a Unicode label (ASCII labels come back lower-cased); null when invalid. */
export function labelToASCII(label: string): string | null {
  if (isAscii(label)) return label.toLowerCase();
  const mapped = label.normalize('NFC').toLowerCase();
  const enc = punycodeEncode(mapped);
  return enc === null ? null : 'xn--' + enc;
}

/**
 * Domain to its Unicode form (each "xn--" label decoded). Null when a label is not valid Punycode.
 * Example: "xn--socit-esab.fr" → "société.fr".
 */
export function toUnicode(domain: string): string | null {
  if (typeof domain !== 'string') return null;
  const mapped = mapDomain(domain);
  if (mapped.indexOf('xn--') < 0) return mapped;
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    const u = labelToUnicode(labels[i]!);
    if (u === null) return null;
    labels[i] = u;
  }
  return labels.join('.');
}

/**
 * Domain to its ASCII form (each non-ASCII label encoded as "xn--…"). Null when it cannot be encoded.
 * Example: "société.fr" → "xn--socit-esab.fr".
 */
export function toASCII(domain: string): string | null {
  if (typeof domain !== 'string') return null;
  const mapped = mapDomain(domain);
  if (isAscii(mapped)) {
    // Validate any "xn--" labels already present.
    return toUnicode(mapped) === null ? null : mapped;
  }
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (isAscii(l)) {
      if (hasAcePrefix(l) && labelToUnicode(l) === null) return null;
      continue;
    }
    const a = labelToASCII(l);
    if (a === null) return null;
    labels[i] = a;
  }
  return labels.join('.');
}
