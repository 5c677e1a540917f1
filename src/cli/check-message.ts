/**
 * `prospect-guard check-message [FILE|-] --audience private|professional|organization [--subject S]
 * [--format json|text] [--lang fr|en]`: the message analysis of src/rules/message on one message.
 * Every side effect goes through `io`; bad input exits 2 with a one-line message.
 */
import { INTRO_ELEMENTS } from '../rules/intro';
import type { Audience, Topic } from '../rules/types';
import type { MessageAnalysis } from '../rules/message/index';
import { CHECK_MESSAGE_USAGE, CHECK_MESSAGE_WORDS } from './check-message.i18n';
import { decodeBytes } from './decode';
import { langFromEnv, MESSAGES, type Lang } from './i18n';
import { isStdin, readInput, ReadError } from './input';
import type { Io } from './run';

const PROGRAM = 'prospect-guard check-message';
export const AUDIENCES = ['private', 'professional', 'organization'] as const;
const TOPICS: readonly Topic[] = ['energy-renovation', 'home-adaptation'];
/** A message longer than this is not a message (a log, a dump): refused. */
export const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

export interface CheckMessageArgs {
  command: 'check';
  file?: string;
  audience: (typeof AUDIENCES)[number];
  subject?: string;
  topic?: Topic;
  alreadyContacted: boolean;
  format: 'text' | 'json';
  lang: Lang;
}

export type ParsedCheckArgs = CheckMessageArgs | { command: 'help'; lang: Lang } | { command: 'error'; lang: Lang; message: string };

const VALUE_OPTIONS = new Set(['--audience', '--subject', '--format', '--lang', '--topic']);

export function parseCheckMessageArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedCheckArgs {
  let lang: Lang = langFromEnv(env);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v !== undefined && (v.toLowerCase() === 'fr' || v.toLowerCase() === 'en')) lang = v.toLowerCase() as Lang;
  }
  const M = MESSAGES[lang];
  const W = CHECK_MESSAGE_WORDS[lang];
  const fail = (message: string): ParsedCheckArgs => ({ command: 'error', lang, message });
  const positionals: string[] = [];
  let audience: string | undefined;
  let subject: string | undefined;
  let topic: Topic | undefined;
  let format: 'text' | 'json' = 'text';
  let alreadyContacted = false;
  let help = false;
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (arg === '--already-contacted') {
      alreadyContacted = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_OPTIONS.has(name)) return fail(`${M.unknownOption(name)} (${M.seeHelp})`);
    let value: string;
    if (eq > 0 && name !== arg) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      // a subject may start with "-" ("--subject '-20 % sur tout'"), not with "--"
      if (next === undefined || (next.startsWith('--') && next.length > 2)) return fail(M.missingValue(name));
      value = next;
      i++;
    }
    switch (name) {
      case '--audience': {
        const a = value.trim().toLowerCase();
        if (!(AUDIENCES as readonly string[]).includes(a)) return fail(W.badAudience(value));
        audience = a;
        break;
      }
      case '--subject':
        subject = value;
        break;
      case '--format': {
        const f = value.trim().toLowerCase();
        if (f !== 'text' && f !== 'json') return fail(W.badFormat(value));
        format = f;
        break;
      }
      case '--topic': {
        const t = value.trim().toLowerCase() as Topic;
        if (!TOPICS.includes(t)) return fail(W.badTopic(value));
        topic = t;
        break;
      }
      case '--lang':
        if (value.toLowerCase() !== 'fr' && value.toLowerCase() !== 'en') return fail(M.badLang(value));
        break; // applied above
    }
  }
  if (help) return { command: 'help', lang };
  if (positionals.length > 1) return fail(`${M.extraArgument(positionals[1]!)} (${M.seeHelp})`);
  if (audience === undefined) return fail(`${W.missingAudience} (${M.seeHelp})`);
  const out: CheckMessageArgs = { command: 'check', audience: audience as CheckMessageArgs['audience'], format, lang, alreadyContacted };
  if (positionals[0] !== undefined) out.file = positionals[0];
  if (subject !== undefined) out.subject = subject;
  if (topic !== undefined) out.topic = topic;
  return out;
}

/** Binary data decoded as text shows as control characters and replacement characters. */
export function looksBinary(text: string): boolean {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x80 && c < 0xa0)) bad++;
  }
  return bad > Math.max(2, text.length / 100);
}

export async function checkMessage(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCheckMessageArgs(argv, io.env);
  if (args.command === 'help') {
    io.stdout.write(CHECK_MESSAGE_USAGE[args.lang]);
    return 0;
  }
  if (args.command === 'error') {
    io.stderr.write(`${PROGRAM}: ${args.message}\n`);
    return 2;
  }
  const M = MESSAGES[args.lang];
  const W = CHECK_MESSAGE_WORDS[args.lang];
  const fail = (message: string) => {
    io.stderr.write(`${PROGRAM}: ${message}\n`);
    return 2;
  };
  const name = isStdin(args.file) ? M.stdinName : args.file!;
  if (args.file === undefined && io.stdin.isTTY) return fail(`${M.noInputTty()} (${M.seeHelp})`);
  let bytes: Uint8Array;
  try {
    bytes = await readInput(args.file, io.stdin);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    return fail(M.cannotRead(name, M.readErrors[e.code] ?? e.message.split('\n')[0]!));
  }
  if (bytes.length > MAX_MESSAGE_BYTES) return fail(W.tooLarge(name, '5 MB'));
  const { text } = decodeBytes(bytes);
  if (looksBinary(text)) return fail(W.binary(name));
  if (text.trim().length === 0) return fail(W.empty(name));

  // The rules are loaded only now: --help and usage errors stay instant.
  const { analyzeMessage } = await import('../rules/message/index');
  // as decoded, line breaks included: the offsets in the output are indices into this text
  const body = text;
  const a = analyzeMessage(args.subject !== undefined ? { body, subject: args.subject } : { body }, {
    audience: args.audience as Audience,
    alreadyContacted: args.alreadyContacted,
    ...(args.topic ? { topic: args.topic } : {}),
  });
  io.stdout.write(args.format === 'json' ? `${JSON.stringify(toJson(a, args.lang), null, 2)}\n` : toText(a, args.lang));
  return 0;
}

/** The JSON output: the brief's five keys first, then where, the cues, topics, thread. */
export function toJson(a: MessageAnalysis, lang: Lang) {
  const hit = (h: { cue: string; field: string; start: number; end: number; text: string }) => ({ cue: h.cue, field: h.field, start: h.start, end: h.end, text: h.text });
  return {
    prospecting: a.prospecting,
    present: a.present,
    missing: a.missing,
    banned: a.banned,
    reasons: a.reasons.map((r) => ({ id: r.id, text: lang === 'fr' ? r.fr : r.en, fr: r.fr, en: r.en, ...(r.source ? { source: r.source } : {}), ...(r.detail !== undefined ? { detail: r.detail } : {}) })),
    firstContact: a.firstContact,
    required: a.required,
    where: Object.fromEntries(INTRO_ELEMENTS.map((e) => [e, a.where[e].map(hit)])),
    cues: a.decidedBy.map((e) => ({ id: e.id, side: e.side, weight: Number.isFinite(e.weight) ? e.weight : null, label: e.label[lang], hits: e.hits.map(hit) })),
    topics: a.topics.map((t) => ({ id: t.id, fromText: t.fromText, declared: t.declared, hits: t.hits.map(hit) })),
    thread: a.thread,
    score: a.score,
  };
}

export function toText(a: MessageAnalysis, lang: Lang): string {
  const W = CHECK_MESSAGE_WORDS[lang];
  const sep = lang === 'fr' ? ' : ' : ': ';
  const lines: string[] = [];
  let head = `${W.prospecting}${sep}${a.prospecting ? W.yes : W.no}`;
  if (a.prospecting) head += ` — ${a.firstContact ? W.firstContact : W.followUp}`;
  else if (a.thread) head += ` — ${W.thread[a.thread]}`;
  lines.push(head);
  const names = (ids: readonly string[]) => (ids.length ? ids.map((e) => W.elements[e as keyof typeof W.elements]).join(', ') : W.none);
  lines.push(`${W.present}${sep}${names(a.present)}`);
  for (const e of a.present) {
    for (const h of a.where[e]) lines.push(`  ${W.elements[e]}${sep}${lang === 'fr' ? `« ${oneLine(h.text)} »` : `"${oneLine(h.text)}"`} (${W.chars(String(h.start), String(h.end))})`);
  }
  lines.push(`${W.missing}${sep}${names(a.missing)}`);
  lines.push(`${W.banned}${sep}${a.banned.length ? a.banned.map((t) => W.topics[t]).join(', ') : W.none}`);
  lines.push(`${W.reasons}${sep.trimEnd()}`);
  for (const r of a.reasons) lines.push(`  - ${lang === 'fr' ? r.fr : r.en}`);
  return `${lines.join('\n')}\n`;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}
