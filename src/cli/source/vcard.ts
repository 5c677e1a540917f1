/**
 * A streaming vCard reader (2.1, 3.0 and 4.0 — RFC 2426, RFC 6350 and the older versit 2.1): cards
 * come out one at a time with every EMAIL, the name (FN, else N) and the organisation (ORG), and the
 * card's text as read (a kept card is written back as it was).
 *
 * Why not a library: `vcf` 2.1.2 parses a whole string (no streaming), splits lines on CRLF only
 * (files saved with LF — macOS, Linux, many phones — lose their folding) and does not decode 2.1's
 * QUOTED-PRINTABLE; `ical.js` 2.2.1 parses RFC 6350 only, also whole-string, without 2.1's bare
 * parameters or quoted-printable. What an audit needs is small: logical lines (RFC folding: a line
 * starting with a space or tab continues the previous one; 2.1 quoted-printable: a line ending in "="
 * continues on the next), property name/group/parameters, value escapes, QP + CHARSET.
 */
import { decodeWindows1252 } from '../decode';

export interface VCardEmail {
  value: string;
  /** TYPE values, upper-cased (WORK, HOME, INTERNET, PREF …). */
  types: string[];
}

export interface VCard {
  /** 1-based card number. */
  index: number;
  /** 1-based line number of its BEGIN:VCARD. */
  line: number;
  version: string | null;
  name: string;
  organization: string;
  emails: VCardEmail[];
  /** The card's lines as read, joined by the file's line end. */
  raw: string;
}

interface Property {
  group: string | null;
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(s: string, sep: string): string[] {
  const out: string[] = [];
  let inQ = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') inQ = !inQ;
    else if (c === sep && !inQ) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

const unquote = (s: string) => (s.length >= 2 && s[0] === '"' && s[s.length - 1] === '"' ? s.slice(1, -1) : s);

export function parseProperty(line: string): Property | null {
  // The first ':' outside quotes separates name and parameters from the value.
  let inQ = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQ = !inQ;
    else if (c === ':' && !inQ) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const head = splitOutsideQuotes(line.slice(0, colon), ';');
  let name = head[0]!.trim();
  let group: string | null = null;
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    group = name.slice(0, dot);
    name = name.slice(dot + 1);
  }
  const params = new Map<string, string[]>();
  for (const p of head.slice(1)) {
    const t = p.trim();
    if (!t) continue;
    const eq = t.indexOf('=');
    // vCard 2.1 writes bare parameters (EMAIL;INTERNET;PREF): they are TYPE values, except the encodings.
    let key = eq < 0 ? 'TYPE' : t.slice(0, eq).trim().toUpperCase();
    const raw = eq < 0 ? t : t.slice(eq + 1);
    if (eq < 0 && /^(quoted-printable|base64|b|8bit|7bit)$/i.test(t)) key = 'ENCODING';
    const values = splitOutsideQuotes(raw, ',').map((v) => unquote(v.trim()));
    const list = params.get(key);
    if (list) list.push(...values);
    else params.set(key, values);
  }
  return { group, name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

function isQuotedPrintable(p: Property): boolean {
  return (p.params.get('ENCODING') ?? []).some((e) => /^quoted-printable$/i.test(e));
}

/** Quoted-printable → bytes → text in the CHARSET parameter (UTF-8 when absent). */
function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '=' && i === value.length - 1) {
      // a soft line break left at the very end
    } else {
      const code = c.charCodeAt(0);
      if (code < 0x80) bytes.push(code);
      else bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  const b = Uint8Array.from(bytes);
  const cs = (charset ?? 'utf-8').toLowerCase();
  if (cs === 'iso-8859-1' || cs === 'latin1' || cs === 'windows-1252' || cs === 'cp1252' || cs === 'iso-8859-15') return decodeWindows1252(b);
  try {
    return new TextDecoder(cs).decode(b);
  } catch {
    return new TextDecoder('utf-8').decode(b);
  }
}

/** vCard 3.0/4.0 text escapes: \\ \, \; \n. */
function unescapeText(v: string): string {
  return v.replace(/\\([\\,;nN:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a structured value (N, ORG) on unescaped ';'. */
function components(v: string): string[] {
  return v.split(/(?<!\\);/).map(unescapeText);
}

function textValue(p: Property): string {
  if (isQuotedPrintable(p)) return decodeQuotedPrintable(p.value, p.params.get('CHARSET')?.[0]);
  return p.value;
}

export class VCardReader {
  private partial = '';
  private lineNo = 0;
  /** The logical line being assembled, and whether it is quoted-printable. */
  private pending: string | null = null;
  private pendingQp = false;
  private card: { line: number; raw: string[]; props: Property[]; depth: number } | null = null;
  private count = 0;
  /** Lines outside any card that were not blank. */
  junkLines = 0;
  newline: '\r\n' | '\n' | '\r' | null = null;

  constructor(private readonly onCard: (c: VCard) => void) {}

  push(text: string): void {
    let s = this.partial + text;
    let start = 0;
    for (;;) {
      const lf = s.indexOf('\n', start);
      const cr = s.indexOf('\r', start);
      let end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) break;
      let next = end + 1;
      if (s.charCodeAt(end) === 13) {
        if (end + 1 >= s.length) break; // wait: \r or \r\n
        if (s.charCodeAt(end + 1) === 10) next = end + 2;
      }
      this.newline ??= next - end === 2 ? '\r\n' : s.charCodeAt(end) === 13 ? '\r' : '\n';
      this.physical(s.slice(start, end));
      start = next;
    }
    this.partial = s.slice(start);
    s = '';
  }

  end(): void {
    if (this.partial) this.physical(this.partial.replace(/\r$/, ''));
    this.partial = '';
    this.flushLogical();
    if (this.card) this.finishCard(); // a card without END:VCARD still counts
  }

  private physical(line: string): void {
    this.lineNo++;
    if (this.pending !== null) {
      const qpSoftBreak = this.pendingQp && this.pending.endsWith('=');
      if (qpSoftBreak || (line.length > 0 && (line.charCodeAt(0) === 32 || line.charCodeAt(0) === 9))) {
        this.pending = qpSoftBreak ? this.pending.slice(0, -1) + line : this.pending + line.slice(1);
        this.card?.raw.push(line);
        return;
      }
      this.flushLogical(); // may end the card, before this line is counted in it
    }
    if (this.card) this.card.raw.push(line);
    if (line.trim() === '') return;
    if (!this.card && /^begin\s*:\s*vcard\s*$/i.test(line.trim())) {
      this.card = { line: this.lineNo, raw: [line], props: [], depth: 1 };
      return;
    }
    this.pending = line;
    const colon = line.indexOf(':');
    this.pendingQp = colon > 0 && /;\s*(encoding\s*=\s*)?quoted-printable\s*(;|$)/i.test(line.slice(0, colon));
  }

  private flushLogical(): void {
    const line = this.pending;
    this.pending = null;
    if (line === null) return;
    if (!this.card) {
      this.junkLines++;
      return;
    }
    if (/^begin\s*:\s*vcard\s*$/i.test(line.trim())) {
      this.card.depth++;
      return;
    }
    if (/^end\s*:\s*vcard\s*$/i.test(line.trim())) {
      this.card.depth--;
      if (this.card.depth === 0) this.finishCard();
      return;
    }
    if (this.card.depth > 1) return; // a nested card (2.1 AGENT): not this contact's
    const p = parseProperty(line);
    if (p) this.card.props.push(p);
  }

  private finishCard(): void {
    const c = this.card!;
    this.card = null;
    let version: string | null = null;
    let fn = '';
    let n: string[] | null = null;
    let org = '';
    const emails: VCardEmail[] = [];
    for (const p of c.props) {
      switch (p.name) {
        case 'VERSION':
          version = p.value.trim();
          break;
        case 'FN':
          if (!fn) fn = unescapeText(textValue(p)).trim();
          break;
        case 'N':
          if (!n) n = components(textValue(p));
          break;
        case 'ORG':
          if (!org) org = (components(textValue(p))[0] ?? '').trim();
          break;
        case 'EMAIL': {
          const value = unescapeText(textValue(p)).trim();
          const types = (p.params.get('TYPE') ?? []).flatMap((t) => t.split(',')).map((t) => t.trim().toUpperCase()).filter(Boolean);
          if (p.params.has('PREF') && !types.includes('PREF')) types.push('PREF');
          emails.push({ value, types });
          break;
        }
      }
    }
    if (!fn && n) fn = [n[3], n[1], n[2], n[0], n[4]].filter((x) => x && x.trim()).map((x) => x!.trim()).join(' ');
    this.count++;
    this.onCard({ index: this.count, line: c.line, version, name: fn, organization: org, emails, raw: c.raw.join(this.newline ?? '\r\n') });
  }
}

/** True when the text starts (after blank lines) with BEGIN:VCARD. */
export function looksLikeVCard(text: string): boolean {
  return /^\s*begin\s*:\s*vcard\s*(\r\n|\n|\r|$)/i.test(text);
}

/** The column label of an EMAIL property: "EMAIL", or "EMAIL (WORK)" with its types (INTERNET and PREF left out). */
export function emailLabel(e: VCardEmail): string {
  const t = e.types.filter((x) => x !== 'INTERNET' && x !== 'PREF' && x !== 'X-INTERNET');
  return t.length ? `EMAIL (${t.join(', ')})` : 'EMAIL';
}
