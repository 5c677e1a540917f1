/**
 * The corpus file format (see README.md): a header of `key: value` lines, a `---` line, the body.
 * Pure parsing; reading the files is the caller's (test, report script).
 */
import { INTRO_ELEMENTS, type IntroElement } from '../../intro.js';
import type { Audience, Topic } from '../../types.js';
import { TOPICS } from '../scan.js';

export interface CorpusEntry {
  /** File name without extension. */
  id: string;
  set: 'tuning' | 'held-out' | 'fresh';
  lang: 'fr' | 'en';
  audience: Audience;
  subject: string;
  topic?: Topic;
  alreadyContacted?: boolean;
  self?: string[];
  body: string;
  expect: {
    prospecting: boolean;
    present: IntroElement[];
    missing: IntroElement[];
    banned: Topic[];
  };
  note: string;
}

export class CorpusFormatError extends Error {}

const AUDIENCES: readonly Audience[] = ['private', 'professional', 'organization'];

function list<T extends string>(v: string | undefined, allowed: readonly T[], key: string, id: string): T[] {
  if (v === undefined) throw new CorpusFormatError(`${id}: missing "${key}"`);
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const i of items) if (!allowed.includes(i as T)) throw new CorpusFormatError(`${id}: "${key}" has unknown value "${i}"`);
  return items as T[];
}

function yesNo(v: string | undefined, key: string, id: string): boolean {
  if (v === 'yes') return true;
  if (v === 'no') return false;
  throw new CorpusFormatError(`${id}: "${key}" must be yes or no`);
}

export function parseCorpusFile(id: string, set: CorpusEntry['set'], text: string): CorpusEntry {
  const t = text.replace(/\r\n/g, '\n');
  const sep = t.indexOf('\n---\n');
  if (sep < 0) throw new CorpusFormatError(`${id}: no "---" line after the header`);
  const header = new Map<string, string>();
  for (const line of t.slice(0, sep).split('\n')) {
    if (line.trim() === '') continue;
    const c = line.indexOf(':');
    if (c <= 0) throw new CorpusFormatError(`${id}: bad header line "${line}"`);
    const key = line.slice(0, c).trim();
    if (header.has(key)) throw new CorpusFormatError(`${id}: "${key}" given twice`);
    header.set(key, line.slice(c + 1).trim());
  }
  const known = new Set(['lang', 'audience', 'subject', 'topic', 'already-contacted', 'self', 'expect-prospecting', 'expect-present', 'expect-missing', 'expect-banned', 'note']);
  for (const k of header.keys()) if (!known.has(k)) throw new CorpusFormatError(`${id}: unknown header "${k}"`);
  const lang = header.get('lang');
  if (lang !== 'fr' && lang !== 'en') throw new CorpusFormatError(`${id}: "lang" must be fr or en`);
  const audience = header.get('audience') as Audience;
  if (!AUDIENCES.includes(audience)) throw new CorpusFormatError(`${id}: bad "audience"`);
  if (!header.has('subject')) throw new CorpusFormatError(`${id}: missing "subject"`);
  const body = t.slice(sep + 5).replace(/\n+$/, '\n');
  if (body.trim().length === 0) throw new CorpusFormatError(`${id}: empty body`);
  const e: CorpusEntry = {
    id,
    set,
    lang,
    audience,
    subject: header.get('subject')!,
    body,
    expect: {
      prospecting: yesNo(header.get('expect-prospecting'), 'expect-prospecting', id),
      present: list(header.get('expect-present'), INTRO_ELEMENTS, 'expect-present', id),
      missing: list(header.get('expect-missing'), INTRO_ELEMENTS, 'expect-missing', id),
      banned: list(header.get('expect-banned'), TOPICS, 'expect-banned', id),
    },
    note: header.get('note') ?? '',
  };
  const topic = header.get('topic');
  if (topic !== undefined) {
    if (!TOPICS.includes(topic as Topic)) throw new CorpusFormatError(`${id}: bad "topic"`);
    e.topic = topic as Topic;
  }
  if (header.has('already-contacted')) e.alreadyContacted = yesNo(header.get('already-contacted'), 'already-contacted', id);
  const self = header.get('self');
  if (self) e.self = self.split(',').map((s) => s.trim());
  return e;
}
