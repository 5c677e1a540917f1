/**
 * What a message contains: its shape (reply or forward, quoted thread), the cues found in the text
 * written for it, its means to object and the banned topics it mentions. Only the part before the
 * quoted thread is read: the rest was written earlier, by someone else or for another message.
 *
 * Incremental: the body is cut into blocks (paragraphs, see text.ts) and each block's words and
 * matches are cached by its text, so re-scanning after a keystroke re-reads one block. Pure.
 */
import type { IntroElement } from '../intro.js';
import { INTRO_ELEMENTS } from '../intro.js';
import type { Topic } from '../types.js';
import { ELEMENT_CUES, ORDINARY_CUES, PROSPECTING_CUES, REPLY_STOP_CUE, TOPIC_CUES, type Cue } from './cues.js';
import { findMeans, hasUnsubscribeWords, type Means } from './means.js';
import { buildIndex, compilePhrase, matchPhrases, type CompiledPhrase, type PhraseIndex } from './phrases.js';
import { findThreadStart, subjectShape, type SubjectShape, type ThreadStart } from './structure.js';
import { splitBlocks, tokenize, type Block } from './text.js';

export const TOPICS: readonly Topic[] = ['energy-renovation', 'home-adaptation'];

export type CueTable = 'prospecting' | 'ordinary' | 'element' | 'reply-stop' | 'topic';

/** One entry per cue of every list, in a fixed order; phrases point at it by index. */
export interface CueEntry {
  table: CueTable;
  cue: Cue;
  element?: IntroElement;
  topic?: Topic;
}

/** Where a cue was found. Offsets are String indices into the subject or the body. */
export interface CueHit {
  cue: string;
  field: 'subject' | 'body';
  start: number;
  end: number;
  text: string;
  /** Which language's phrase list matched. */
  lang: 'fr' | 'en';
}

/** A link the editor holds behind a text ("Se désinscrire"): href and the offsets of its text in the body. */
export interface LinkSpan {
  href: string;
  start: number;
  end: number;
}

export interface MessageInput {
  /** The message text as the user sees it (the editor's text, line breaks kept). */
  body: string;
  subject?: string;
  /** Links of the body whose target is not in its text (HTML editors). */
  links?: readonly LinkSpan[];
}

export interface MessageFacts {
  subject: SubjectShape | null;
  thread: ThreadStart | null;
  /** End of the text written for this message (start of the quoted thread, else the body's length). */
  ownEnd: number;
  /** Prospecting and ordinary-mail cues found, each with up to MAX_PLACES places. */
  prospecting: CueHit[];
  ordinary: CueHit[];
  /** Evidence of each element; for unsubscribe, the means themselves (link, address, "reply STOP"). */
  elements: Record<IntroElement, CueHit[]>;
  /** Unsubscribe wording with no link, address or "reply STOP" near it. */
  unsubscribeWithoutMeans: CueHit[];
  topics: Record<Topic, CueHit[]>;
}

// ---------------------------------------------------------------------------------------------
// The one index of every cue phrase

export const CUE_ENTRIES: readonly CueEntry[] = /*#__PURE__*/ (() => [
  ...PROSPECTING_CUES.map((cue): CueEntry => ({ table: 'prospecting', cue })),
  ...ORDINARY_CUES.map((cue): CueEntry => ({ table: 'ordinary', cue })),
  ...INTRO_ELEMENTS.flatMap((element) => ELEMENT_CUES[element].map((cue): CueEntry => ({ table: 'element', cue, element }))),
  { table: 'reply-stop', cue: REPLY_STOP_CUE } as CueEntry,
  ...TOPICS.flatMap((topic) => TOPIC_CUES[topic].map((cue): CueEntry => ({ table: 'topic', cue, topic }))),
])();

interface PhraseMeta {
  entry: number;
  lang: 'fr' | 'en';
}

/** Compiled phrase index → which cue entry and language it comes from. */
const PHRASE_META: PhraseMeta[] = [];
let INDEX: PhraseIndex | null = null;

/** Compiled on first use (a few milliseconds), not when the module is loaded. */
function phraseIndex(): PhraseIndex {
  if (INDEX !== null) return INDEX;
  const phrases: CompiledPhrase[] = [];
  CUE_ENTRIES.forEach((e, entry) => {
    for (const lang of ['fr', 'en'] as const) {
      for (const src of e.cue[lang]) {
        PHRASE_META.push({ entry, lang });
        phrases.push(compilePhrase(src, PHRASE_META.length - 1));
      }
    }
  });
  INDEX = buildIndex(phrases);
  return INDEX;
}

// ---------------------------------------------------------------------------------------------
// Blocks

interface RawHit {
  phrase: number;
  s: number;
  e: number;
}

/** A block's scan, offsets relative to the block. */
interface BlockScan {
  hits: RawHit[];
  means: Means[];
}

function scanBlock(text: string): BlockScan {
  const hits = matchPhrases(phraseIndex(), tokenize(text)).map((m) => ({ phrase: m.cue, s: m.s, e: m.e }));
  return { hits, means: findMeans(text, 0, text.length) };
}

export interface MessageScanner {
  /** Scans the message, reusing what it read of unchanged blocks in the previous calls. */
  scan(input: MessageInput): MessageFacts;
  /** Blocks read (not reused) by the last call (for tests and the benchmark). */
  lastScanned(): number;
}

interface PlacedBlock {
  start: number;
  end: number;
  scan: BlockScan;
}

/**
 * Unchanged blocks are read once: create one scanner per compose window and call it on each change.
 * A block before the edit (in the part common to the previous body) or after it (common suffix) is
 * reused by its position; a moved or pasted paragraph is found again by its text.
 */
export function createMessageScanner(): MessageScanner {
  let prevBody = '';
  let prevByStart = new Map<number, PlacedBlock>();
  let byText = new Map<string, BlockScan>();
  let scanned = 0;
  return {
    scan(input) {
      const body = typeof input?.body === 'string' ? input.body : '';
      const n = body.length;
      const m = prevBody.length;
      const max = Math.min(n, m);
      const prefix = commonPrefix(body, prevBody, max);
      const suffix = commonSuffix(body, prevBody, max - prefix);
      const delta = n - m;
      const nextByStart = new Map<number, PlacedBlock>();
      const nextByText = new Map<string, BlockScan>();
      scanned = 0;
      const facts = scanWith(input, (b, slice) => {
        let r: BlockScan | undefined;
        // a block must end before the change (or start after it) with one character to spare: a
        // character typed right after a block may extend it
        if (b.end < prefix) {
          const p = prevByStart.get(b.start);
          if (p && p.end === b.end) r = p.scan;
        } else if (b.start > n - suffix) {
          const p = prevByStart.get(b.start - delta);
          if (p && p.end === b.end - delta) r = p.scan;
        }
        if (!r) {
          const text = slice();
          r = nextByText.get(text) ?? byText.get(text);
          if (!r) {
            r = scanBlock(text);
            scanned++;
          }
          nextByText.set(text, r);
        }
        nextByStart.set(b.start, { start: b.start, end: b.end, scan: r });
        return r;
      });
      prevBody = body;
      prevByStart = nextByStart;
      // the text cache keeps the blocks read in this call and the last one (a paragraph cut and pasted back)
      for (const [k, v] of nextByText) byText.set(k, v);
      if (byText.size > 4 * nextByStart.size + 64) byText = nextByText;
      return facts;
    },
    lastScanned: () => scanned,
  };
}

/** Compared by chunks: string equality is native and fast, charCodeAt one by one is not. */
const CHUNK = 256;

function commonPrefix(a: string, b: string, max: number): number {
  let p = 0;
  while (p + CHUNK <= max && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

function commonSuffix(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  let q = 0;
  while (q + CHUNK <= max && a.slice(n - q - CHUNK, n - q) === b.slice(m - q - CHUNK, m - q)) q += CHUNK;
  while (q < max && a.charCodeAt(n - 1 - q) === b.charCodeAt(m - 1 - q)) q++;
  return q;
}

/** One-off scan (no cache kept). */
export function scanMessage(input: MessageInput): MessageFacts {
  return scanWith(input, (_b, slice) => scanBlock(slice()));
}

/** Places kept per prospecting, ordinary-mail or topic cue (elements keep all theirs). */
export const MAX_PLACES = 3;

function emptyElements<T>(make: () => T): Record<IntroElement, T> {
  return { activity: make(), 'contact-source': make(), 'future-offers': make(), unsubscribe: make() };
}

type BlockReader = (block: Block, slice: () => string) => BlockScan;

function scanWith(input: MessageInput, blockScan: BlockReader): MessageFacts {
  const body = typeof input?.body === 'string' ? input.body : '';
  const subjectText = typeof input?.subject === 'string' ? input.subject : '';
  const thread = findThreadStart(body);
  const ownEnd = thread ? thread.start : body.length;

  const facts: MessageFacts = {
    subject: subjectShape(subjectText),
    thread,
    ownEnd,
    prospecting: [],
    ordinary: [],
    elements: emptyElements(() => []),
    unsubscribeWithoutMeans: [],
    topics: { 'energy-renovation': [], 'home-adaptation': [] },
  };

  const unsubWords: CueHit[] = [];
  const means: Means[] = [];
  const seen = new Uint16Array(CUE_ENTRIES.length);
  const place = (field: 'subject' | 'body', src: string, h: RawHit, offset: number) => {
    const meta = PHRASE_META[h.phrase]!;
    const entry = CUE_ENTRIES[meta.entry]!;
    // a decision cue counts once: its first places are enough to show (a long draft repeats them)
    if (entry.table === 'prospecting' || entry.table === 'ordinary' || entry.table === 'topic') {
      if (seen[meta.entry]! >= MAX_PLACES) return;
      seen[meta.entry]!++;
    }
    const hit: CueHit = { cue: entry.cue.id, field, start: h.s + offset, end: h.e + offset, text: src.slice(h.s + offset, h.e + offset), lang: meta.lang };
    switch (entry.table) {
      case 'prospecting':
        facts.prospecting.push(hit);
        break;
      case 'ordinary':
        facts.ordinary.push(hit);
        break;
      case 'topic':
        facts.topics[entry.topic!].push(hit);
        break;
      case 'element':
        if (field === 'subject') break;
        if (entry.element === 'unsubscribe') unsubWords.push(hit);
        else facts.elements[entry.element!].push(hit);
        break;
      case 'reply-stop':
        if (field === 'body') facts.elements.unsubscribe.push(hit);
        break;
    }
  };

  if (subjectText.length > 0) {
    const s = subjectText.length > 2000 ? subjectText.slice(0, 2000) : subjectText;
    for (const h of scanBlock(s).hits) place('subject', s, h, 0);
  }
  for (const b of splitBlocks(body, 0, ownEnd)) {
    const r = blockScan(b, () => body.slice(b.start, b.end));
    for (const h of r.hits) place('body', body, h, b.start);
    for (const m of r.means) means.push({ ...m, start: m.start + b.start, end: m.end + b.start });
  }

  resolveUnsubscribe(facts, unsubWords, means, body, ownEnd, input?.links);
  return facts;
}

/** How far from the wording its link or address may be ("Pour vous désinscrire, cliquez sur le lien ci-dessous : …"). */
const MEANS_AFTER = 300;
const MEANS_BEFORE = 120;

function meansHit(m: { start: number; end: number; text: string }, cue: string, lang: 'fr' | 'en'): CueHit {
  return { cue, field: 'body', start: m.start, end: m.end, text: m.text, lang };
}

/**
 * Unsubscribe is present when the message gives a means: a link or an address that says so itself,
 * a link or address near unsubscribe wording, or "reply STOP".
 */
function resolveUnsubscribe(
  facts: MessageFacts,
  words: CueHit[],
  means: Means[],
  body: string,
  ownEnd: number,
  links: readonly LinkSpan[] | undefined,
): void {
  const out = facts.elements.unsubscribe;
  const all: Means[] = [...means];
  if (Array.isArray(links)) {
    for (const l of links) {
      if (!l || typeof l.href !== 'string' || !(l.start >= 0) || !(l.end > l.start) || l.start >= ownEnd) continue;
      const end = Math.min(l.end, ownEnd);
      const text = body.slice(l.start, end);
      all.push({
        kind: /^mailto:/i.test(l.href) ? 'address' : 'link',
        start: l.start,
        end,
        text,
        unsubscribeWords: hasUnsubscribeWords(text) || hasUnsubscribeWords(l.href.replace(/^[a-z]+:\/\/[^/?#]*/i, '')),
      });
    }
    all.sort((a, b) => a.start - b.start);
  }
  const seen = new Set<number>();
  const add = (m: Means, lang: 'fr' | 'en') => {
    if (seen.has(m.start)) return;
    seen.add(m.start);
    out.push(meansHit(m, m.kind === 'link' ? 'unsubscribe-link' : 'unsubscribe-address', lang));
  };
  for (const m of all) if (m.unsubscribeWords) add(m, /desinscri|desabonn|d[ée]sinscri|d[ée]sabonn/i.test(m.text) ? 'fr' : 'en');
  for (const w of words) {
    const near = all.find((m) => m.start >= w.start - MEANS_BEFORE && m.start <= w.end + MEANS_AFTER);
    const stop = out.find((h) => h.cue === 'reply-stop' && h.start >= w.start - MEANS_BEFORE && h.start <= w.end + MEANS_AFTER);
    if (near) add(near, w.lang);
    else if (!stop && !out.some((h) => h.start <= w.start && h.end >= w.end)) facts.unsubscribeWithoutMeans.push(w);
  }
  out.sort((a, b) => a.start - b.start);
}
