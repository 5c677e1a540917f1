/**
 * The means to object a message can give: links and addresses in its text (or links the editor
 * holds behind a text, given by the caller), and whether they are an unsubscribe means by
 * themselves. Pure.
 */
import { parseAddress } from '../address.js';
import { UNSUBSCRIBE_LINK_WORDS } from './cues.js';
import { foldWords } from './text.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Means extends Span {
  kind: 'link' | 'address';
  /** Its own words say unsubscribe / désinscription / opt-out… */
  unsubscribeWords: boolean;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'«»]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/[^\s<>"'«»]*/gi;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const TRAILING = /[.,;:!?)\]]+$/;

const LINK_WORDS = /*#__PURE__*/ (() => UNSUBSCRIBE_LINK_WORDS.map((w) => foldWords(w).replace(/\s+/g, '')))();

/** The link or address says by itself that it is the way to object. */
export function hasUnsubscribeWords(s: string): boolean {
  const f = foldWords(s).replace(/\s+/g, '');
  return LINK_WORDS.some((w) => f.includes(w));
}

/** The path, query and fragment of a link: the host's name says nothing about unsubscribing ("stop-pub.fr"). */
export function linkPath(link: string): string {
  const rest = link.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = rest.search(/[/?#]/);
  return slash < 0 ? '' : rest.slice(slash);
}

/** Links and addresses in text[from, to), offsets in `text`. An address inside a link is the link's. */
export function findMeans(text: string, from: number, to: number): Means[] {
  const part = text.slice(from, to);
  const out: Means[] = [];
  if (part.indexOf('.') < 0) return out;
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(part); m; m = URL_RE.exec(part)) {
    const raw = m[0].replace(TRAILING, '');
    if (raw.indexOf('@') >= 0 && !/^(?:https?:\/\/|www\.)/i.test(raw)) continue; // "a@b.fr/x": an address
    const start = from + m.index;
    out.push({ kind: 'link', start, end: start + raw.length, text: raw, unsubscribeWords: hasUnsubscribeWords(linkPath(raw)) });
  }
  if (part.indexOf('@') >= 0) {
    EMAIL_RE.lastIndex = 0;
    for (let m = EMAIL_RE.exec(part); m; m = EMAIL_RE.exec(part)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (out.some((l) => l.kind === 'link' && l.start <= start && l.end >= end)) continue;
      const p = parseAddress(m[0]);
      if (!p.ok) continue;
      out.push({ kind: 'address', start, end, text: m[0], unsubscribeWords: hasUnsubscribeWords(p.local) });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
