/**
 * Command-line argument parsing. Pure: takes argv (without node and script) and the
 * environment, returns a parsed command or a one-line usage error.
 */
import type { Channel, Jurisdiction, Topic } from '../rules/types';
import { JURISDICTION_INPUTS } from '../rules/jurisdictions';
import { langFromEnv, MESSAGES, type Lang } from './i18n';

export type Format = 'table' | 'csv' | 'json';

export const FORMATS: readonly Format[] = ['table', 'csv', 'json'];
export const JURISDICTIONS: readonly string[] = JURISDICTION_INPUTS;
export const CHANNELS: readonly Channel[] = [
  'email',
  'sms',
  'mms',
  'automated-call',
  'fax',
  'phone',
  'postal',
  'linkedin',
];

export const TOPICS: readonly Topic[] = ['energy-renovation', 'home-adaptation'];

/** Values --keep and --drop accept (audiences, regimes, and "suppressed" for --drop). */
export const FILTER_VALUES = ['private', 'professional', 'organization', 'internal', 'unknown', 'invalid', 'opt-in', 'opt-out', 'banned'] as const;
export type FilterValue = (typeof FILTER_VALUES)[number] | 'suppressed';

export interface AuditArgs {
  command: 'audit';
  /** File path, or '-' for standard input. Undefined when none was given (stdin too). */
  file?: string;
  format: Format;
  /** True when --format was given (it does not combine with --keep/--drop). */
  formatGiven?: boolean;
  keep?: FilterValue[];
  drop?: FilterValue[];
  suppression?: string;
  sheet?: string;
  columns?: string[];
  output?: string;
  ownDomains: string[];
  jurisdiction?: Jurisdiction;
  channel?: Channel;
  date?: string;
  topic?: Topic;
  lang: Lang;
}

export type ParsedArgs =
  | AuditArgs
  | { command: 'help'; lang: Lang }
  | { command: 'version'; lang: Lang }
  | { command: 'error'; lang: Lang; message: string };

/** Options taking a value. */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '--format',
  '--own-domain',
  '--jurisdiction',
  '--channel',
  '--date',
  '--topic',
  '--lang',
  '--keep',
  '--drop',
  '--suppression',
  '--sheet',
  '--column',
  '--output',
  '-o',
]);

/** "professional,organisation" → ['professional', 'organization']; French words accepted too. */
function parseFilter(option: string, value: string, lang: Lang): FilterValue[] | string {
  const M = MESSAGES[lang];
  const allowed: string[] = option === '--drop' ? [...FILTER_VALUES, 'suppressed'] : [...FILTER_VALUES];
  const out: FilterValue[] = [];
  const parts = value.split(/[,;]/).map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (parts.length === 0) return M.badFilter(option, value, allowed);
  for (const p of parts) {
    const v = allowed.includes(p) ? p : (MESSAGES.fr.filterWords[p] ?? (p === 'organisation' ? 'organization' : undefined));
    if (!v || !allowed.includes(v)) return M.badFilter(option, p, allowed);
    if (!out.includes(v as FilterValue)) out.push(v as FilterValue);
  }
  return out;
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** Normalises a domain given on the command line ("@Example.FR." → "example.fr"), or null when not a domain. */
export function normalizeDomain(v: string): string | null {
  let d = v.trim().toLowerCase();
  if (d.startsWith('@')) d = d.slice(1);
  if (d.endsWith('.')) d = d.slice(0, -1);
  if (!d || d.length > 253) return null;
  if (!/^[^\s@,;:/\\<>"'()[\]]+$/u.test(d)) return null;
  const labels = d.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63)) return null;
  return d;
}

export function parseArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
  commands: readonly string[] = ['audit'],
): ParsedArgs {
  // The language is needed for the error messages themselves: find --lang first.
  let lang: Lang = langFromEnv(env);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    let v: string | undefined;
    if (a === '--lang') v = argv[i + 1];
    else if (a.startsWith('--lang=')) v = a.slice(7);
    if (v !== undefined) {
      const l = v.toLowerCase();
      if (l === 'fr' || l === 'en') lang = l;
    }
  }
  const M = MESSAGES[lang];
  const fail = (message: string): ParsedArgs => ({ command: 'error', lang, message });

  const positionals: string[] = [];
  let help = false;
  let version = false;
  let format: Format = 'table';
  const ownDomains: string[] = [];
  let jurisdiction: Jurisdiction | undefined;
  let channel: Channel | undefined;
  let date: string | undefined;
  let topic: Topic | undefined;
  let formatGiven = false;
  let keep: FilterValue[] | undefined;
  let drop: FilterValue[] | undefined;
  let suppression: string | undefined;
  let sheet: string | undefined;
  let output: string | undefined;
  const columns: string[] = [];
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
    if (arg === '-V' || arg === '-v' || arg === '--version') {
      version = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_OPTIONS.has(name)) {
      if ((name === '--help' || name === '--version') && eq > 0) return fail(`${M.unexpectedValue(name)} (${M.seeHelp})`);
      return fail(`${M.unknownOption(name)} (${M.seeHelp})`);
    }
    let value: string;
    if (eq > 0 && name !== arg) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) return fail(M.missingValue(name));
      value = next;
      i++;
    }
    switch (name) {
      case '--format': {
        const f = value.toLowerCase() as Format;
        if (!FORMATS.includes(f)) return fail(M.badFormat(value));
        format = f;
        formatGiven = true;
        break;
      }
      case '--keep':
      case '--drop': {
        const f = parseFilter(name, value, lang);
        if (typeof f === 'string') return fail(f);
        if (name === '--keep') keep = [...(keep ?? []), ...f.filter((x) => !(keep ?? []).includes(x))];
        else drop = [...(drop ?? []), ...f.filter((x) => !(drop ?? []).includes(x))];
        break;
      }
      case '--suppression':
        suppression = value;
        break;
      case '--sheet':
        sheet = value;
        break;
      case '--column':
        columns.push(value);
        break;
      case '-o':
      case '--output':
        output = value;
        break;
      case '--own-domain': {
        const parts = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
        if (parts.length === 0) return fail(M.badDomain(value));
        for (const p of parts) {
          const d = normalizeDomain(p);
          if (!d) return fail(M.badDomain(p));
          if (!ownDomains.includes(d)) ownDomains.push(d);
        }
        break;
      }
      case '--jurisdiction': {
        const j = value.trim().toUpperCase();
        if (!JURISDICTIONS.includes(j)) return fail(M.badJurisdiction(value, JURISDICTIONS));
        jurisdiction = (j === 'UK' ? 'GB' : j) as Jurisdiction;
        break;
      }
      case '--channel': {
        const c = value.trim().toLowerCase() as Channel;
        if (!CHANNELS.includes(c)) return fail(M.badChannel(value));
        channel = c;
        break;
      }
      case '--date': {
        if (!isIsoDate(value)) return fail(M.badDate(value));
        date = value;
        break;
      }
      case '--topic': {
        const t = value.trim().toLowerCase() as Topic;
        if (!TOPICS.includes(t)) return fail(M.badTopic(value));
        topic = t;
        break;
      }
      case '--lang': {
        const l = value.toLowerCase();
        if (l !== 'fr' && l !== 'en') return fail(M.badLang(value));
        break; // already applied above
      }
    }
  }

  if (help) return { command: 'help', lang };
  if (version) return { command: 'version', lang };
  if (positionals.length === 0) return fail(`${M.missingCommand(commands)} (${M.seeHelp})`);
  const [command, ...rest] = positionals;
  if (command === 'help') return { command: 'help', lang };
  if (command !== 'audit') return fail(`${M.unknownCommand(command!, commands)} (${M.seeHelp})`);
  if (rest.length > 1) return fail(`${M.extraArgument(rest[1]!)} (${M.seeHelp})`);
  if (keep && drop) return fail(M.keepAndDrop);
  if ((keep || drop) && formatGiven) return fail(M.formatWithKeep);
  const out: AuditArgs = { command: 'audit', format, ownDomains, lang };
  if (formatGiven) out.formatGiven = true;
  if (keep) out.keep = keep;
  if (drop) out.drop = drop;
  if (suppression !== undefined) out.suppression = suppression;
  if (sheet !== undefined) out.sheet = sheet;
  if (columns.length) out.columns = columns;
  if (output !== undefined) out.output = output;
  if (rest[0] !== undefined) out.file = rest[0];
  if (jurisdiction) out.jurisdiction = jurisdiction;
  if (channel) out.channel = channel;
  if (date) out.date = date;
  if (topic) out.topic = topic;
  return out;
}
