/**
 * The shape of a message, as data and line checks: reply and forward prefixes of the subject, and
 * where a quoted thread or a forwarded message starts in the body (attribution lines, Outlook
 * header blocks, "-----Original Message-----", "> " quoting). Pure.
 */
import { parseAddress } from '../address.js';

export type ThreadKind = 'reply' | 'forward';

export interface SubjectPrefix {
  /** Lower case, as written without its colon ("re", "tr", "aw" …). */
  prefix: string;
  kind: ThreadKind;
  note: string;
}

/** What mail clients put in front of a subject, in French, English and German (and their neighbours'). */
export const SUBJECT_PREFIXES: readonly SubjectPrefix[] = [
  { prefix: 're', kind: 'reply', note: 'Latin "in re": every client in English and French (Re:, RE:, RE :)' },
  { prefix: 'ré', kind: 'reply', note: 'French clients that accent it (Ré :)' },
  { prefix: 'rép', kind: 'reply', note: 'French "Réponse" (some French webmails)' },
  { prefix: 'aw', kind: 'reply', note: 'German "Antwort" (Outlook in German)' },
  { prefix: 'antw', kind: 'reply', note: 'German / Dutch "Antwort", "Antwoord"' },
  { prefix: 'sv', kind: 'reply', note: 'Nordic "Svar" (Outlook in Swedish, Danish, Norwegian)' },
  { prefix: 'fwd', kind: 'forward', note: 'English "Forwarded" (Gmail, Apple Mail, Thunderbird)' },
  { prefix: 'fw', kind: 'forward', note: 'English "Forward" (Outlook in English)' },
  { prefix: 'tr', kind: 'forward', note: 'French "Transféré" (Outlook in French)' },
  { prefix: 'wg', kind: 'forward', note: 'German "Weitergeleitet" (Outlook in German)' },
  { prefix: 'rv', kind: 'forward', note: 'Spanish "Reenviado" (Outlook in Spanish)' },
  { prefix: 'vs', kind: 'forward', note: 'Nordic "Videresendt" (Outlook in Danish, Norwegian)' },
];

const PREFIX_KIND = /*#__PURE__*/ (() => new Map(SUBJECT_PREFIXES.map((p) => [p.prefix, p.kind])))();

export interface SubjectShape {
  kind: ThreadKind;
  /** The prefixes, outermost first, as written ("RE", "TR"). */
  prefixes: string[];
  /** Offsets of the outermost prefix (with its colon) in the subject. */
  start: number;
  end: number;
}

/**
 * "RE : TR: Offre" → reply (the outermost prefix is the last action). Bracketed tags in front
 * ("[EXT] RE: …") and counters ("Re[2]:", "RE(3):") are skipped. Null when the subject has none.
 */
export function subjectShape(subject: string | undefined): SubjectShape | null {
  if (typeof subject !== 'string' || subject.length === 0) return null;
  const re = /^\s*(?:\[[^\]]{0,40}\]\s*)*([A-Za-zÀ-ÿ]{2,4})\s*(?:\[\d{1,3}\]|\(\d{1,3}\))?\s*[:：]/;
  let rest = subject;
  let offset = 0;
  const prefixes: string[] = [];
  let kind: ThreadKind | null = null;
  let start = 0;
  let end = 0;
  for (let n = 0; n < 10; n++) {
    const m = re.exec(rest);
    if (!m) break;
    const k = PREFIX_KIND.get(m[1]!.toLowerCase());
    if (!k) break;
    if (kind === null) {
      kind = k;
      start = offset + m[0].indexOf(m[1]!);
      end = offset + m[0].length;
    }
    prefixes.push(m[1]!);
    offset += m[0].length;
    rest = rest.slice(m[0].length);
  }
  return kind === null ? null : { kind, prefixes, start, end };
}

export type ThreadMarkerKind = 'attribution' | 'header-block' | 'original-message' | 'forward' | 'quote-lines';

export interface ThreadMarker {
  id: string;
  kind: ThreadMarkerKind;
  /** A thread marker means a reply unless it says forward (Outlook's header block is both: the subject tells). */
  thread: ThreadKind | 'either';
  note: string;
  /** Tested on one line (or two joined lines: clients wrap long attribution lines). */
  line: RegExp;
}

export const THREAD_MARKERS: readonly ThreadMarker[] = [
  {
    id: 'attribution-fr',
    kind: 'attribution',
    thread: 'reply',
    note: 'Gmail, Thunderbird, Apple Mail in French: "Le lun. 9 nov. 2026 à 18:47, Nom <adresse> a écrit :"',
    line: /^\s*Le\s.{6,200}\sa\s+écrit\s*:?\s*$/i,
  },
  {
    id: 'attribution-en',
    kind: 'attribution',
    thread: 'reply',
    note: 'English clients: "On Mon, Nov 9, 2026 at 4:15 PM Name <address> wrote:"',
    line: /^\s*On\s.{6,200}\swrote\s*:\s*$/i,
  },
  {
    id: 'attribution-de',
    kind: 'attribution',
    thread: 'reply',
    note: 'German clients: "Am 09.11.2026 um 16:15 schrieb Name <address>:"',
    line: /^\s*Am\s.{6,200}\sschrieb\s.{0,200}:\s*$/i,
  },
  {
    id: 'original-message',
    kind: 'original-message',
    thread: 'either',
    note: 'Outlook and others: "-----Original Message-----", "-----Message d\u2019origine-----", "-----Ursprüngliche Nachricht-----"',
    line: /^\s*-{2,}\s*(?:Original\s+Message|Message\s+d['\u2019]origine|Ursprüngliche\s+Nachricht|Oorspronkelijk\s+bericht|Mensaje\s+original)\s*-{2,}\s*$/i,
  },
  {
    id: 'forward-separator',
    kind: 'forward',
    thread: 'forward',
    note: 'Gmail and Thunderbird: "---------- Forwarded message ---------", "-------- Message transféré --------"',
    line: /^\s*-{2,}\s*(?:Forwarded\s+message|Message\s+transf[ée]r[ée]|Weitergeleitete\s+Nachricht|Mensaje\s+reenviado)\s*-{2,}\s*$/i,
  },
  {
    id: 'forward-begin',
    kind: 'forward',
    thread: 'forward',
    note: 'Apple Mail: "Begin forwarded message:", "Début du message réexpédié :"',
    line: /^\s*(?:Begin\s+forwarded\s+message|Début\s+du\s+message\s+(?:réexpédié|transféré)|Anfang\s+der\s+weitergeleiteten\s+Nachricht)\s*:\s*$/i,
  },
  {
    id: 'header-block',
    kind: 'header-block',
    thread: 'either',
    note: 'Outlook\u2019s quoted header: "De : … / Envoyé : … / À : … / Objet : …" (or From/Sent/To/Subject, Von/Gesendet/An/Betreff), replies and forwards alike',
    line: /^\s*(?:De|From|Von|Van)\s*:\s*\S/i,
  },
];

const HEADER_FOLLOW = /^\s*(?:Envoyé|Sent|Gesendet|Verzonden|Date|Datum|À|A|To|An|Aan|Objet|Subject|Sujet|Betreff|Onderwerp|Cc)\s*:/i;

export interface ThreadStart {
  /** Offset in the body where the quoted or forwarded part starts. */
  start: number;
  marker: string;
  kind: ThreadMarkerKind;
  thread: ThreadKind | 'either';
  /** The quoted message's author, when the marker names an address (lower case). */
  author?: string;
  /** The marker's text (first line). */
  text: string;
}

const ADDRESS_IN_LINE = /<?([^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+)>?/;

function authorIn(s: string): string | undefined {
  const m = ADDRESS_IN_LINE.exec(s);
  if (!m) return undefined;
  const p = parseAddress(m[1]!.replace(/[.>]+$/, ''));
  return p.ok ? p.email : undefined;
}

const lc = (c: number) => (c >= 65 && c <= 90 ? c | 0x20 : c);

/**
 * A quick look at a line (from its first non-space character `j` to `e`) before any regex: only
 * lines that may be a marker go further. Most lines of a long draft stop at the first test.
 */
function mayBeMarker(body: string, j: number, e: number): boolean {
  const c = lc(body.charCodeAt(j));
  const d = lc(body.charCodeAt(j + 1));
  switch (c) {
    case 45: // '-'
      return d === 45;
    case 108: // l: "Le …, X a écrit :"
    case 111: // o: "On … wrote:"
    case 97: // a: "Am … schrieb …:", "Anfang der weitergeleiteten Nachricht:"
      if (c === 108 ? d !== 101 : c === 111 ? d !== 110 : d !== 109 && d !== 110) return false;
      return lineOrNextHas(body, j, e, c === 108 ? 'crit' : c === 111 ? 'wrote' : c === 97 && d === 110 ? 'nachricht' : 'schrieb');
    case 100: // d: "De :", "Début du message …"
    case 102: // f: "From:"
    case 118: // v: "Von:", "Van:"
    case 98: // b: "Begin forwarded message:"
      return body.indexOf(':', j) > 0 && body.indexOf(':', j) < Math.min(e, j + 40);
  }
  return false;
}

function lineOrNextHas(body: string, j: number, e: number, word: string): boolean {
  const k = body.indexOf(word, j);
  if (k < 0) return false;
  if (k < e) return true;
  // a wrapped attribution line: the word on the next line
  const next = body.indexOf('\n', e + 1);
  return k < (next < 0 ? body.length : next) && e - j < 200;
}

/**
 * The first thread marker of the body, or null. Everything from there on is someone else's text
 * (or the sender's earlier message): the analysis reads only what comes before.
 */
export function findThreadStart(body: string): ThreadStart | null {
  let i = 0;
  const n = body.length;
  let quoteRun = -1;
  let quoteLines = 0;
  while (i < n) {
    let e = body.indexOf('\n', i);
    if (e < 0) e = n;
    let j = i;
    while (j < e && (body.charCodeAt(j) === 32 || body.charCodeAt(j) === 9 || body.charCodeAt(j) === 0xa0)) j++;
    const c = j < e ? body.charCodeAt(j) : 0;
    if (c === 62 /* > */) {
      if (quoteRun < 0) quoteRun = i;
      quoteLines++;
      // two quoted lines, or one that ends the message, make a quoted thread
      if (quoteLines >= 2) return { start: quoteRun, marker: 'quote-lines', kind: 'quote-lines', thread: 'reply', text: body.slice(quoteRun, e).trim() };
    } else if (c !== 0) {
      quoteRun = -1;
      quoteLines = 0;
    }
    if (c !== 0 && c !== 62 && mayBeMarker(body, j, e)) {
      const line = body.slice(i, e).replace(/\r$/, '');
      const hit = matchMarker(body, line, e);
      if (hit) return { ...hit, start: i };
    }
    i = e + 1;
  }
  if (quoteRun >= 0 && quoteLines >= 1) {
    return { start: quoteRun, marker: 'quote-lines', kind: 'quote-lines', thread: 'reply', text: body.slice(quoteRun).split('\n')[0]!.trim() };
  }
  return null;
}

function nextLine(body: string, from: number): { text: string; end: number } | null {
  if (from >= body.length) return null;
  let e = body.indexOf('\n', from + 1);
  if (e < 0) e = body.length;
  return { text: body.slice(from + 1, e).replace(/\r$/, ''), end: e };
}

function matchMarker(body: string, line: string, lineEnd: number): Omit<ThreadStart, 'start'> | null {
  for (const m of THREAD_MARKERS) {
    if (m.kind === 'header-block') {
      if (!m.line.test(line)) continue;
      // an Outlook block: the next lines carry Sent/To/Subject labels
      let follow = 0;
      let at = lineEnd;
      for (let k = 0; k < 4; k++) {
        const nl = nextLine(body, at);
        if (!nl) break;
        if (HEADER_FOLLOW.test(nl.text)) follow++;
        at = nl.end;
      }
      if (follow < 2) continue;
      const author = authorIn(line);
      return { marker: m.id, kind: m.kind, thread: m.thread, text: line.trim(), ...(author ? { author } : {}) };
    }
    let text = line;
    let ok = m.line.test(text);
    if (!ok && m.kind === 'attribution' && line.length < 200) {
      // a wrapped attribution line: "Le …, Nom <adresse> a" / "écrit :"
      const nl = nextLine(body, lineEnd);
      if (nl) {
        text = `${line.trimEnd()} ${nl.text.trim()}`;
        ok = m.line.test(text);
      }
    }
    if (!ok) continue;
    const author = m.kind === 'attribution' ? authorIn(text) : undefined;
    return { marker: m.id, kind: m.kind, thread: m.thread, text: text.trim(), ...(author ? { author } : {}) };
  }
  return null;
}
