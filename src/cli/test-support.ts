/**
 * Test helpers: a tiny stand-in for the rules engine (only what the CLI tests need) and
 * in-memory streams. Not used at run time.
 */
import { Readable } from 'node:stream';
import type { ClassifyOptions, Reason, RecipientResult } from '../rules/types';
import type { Io } from './io';

const R = (id: string, fr: string, en: string): Reason => Object.freeze({ id, fr, en, source: { ref: 'test', confidence: 'P' as const } });
const REASONS = {
  invalid: R('invalid', 'Adresse invalide.', 'Invalid address.'),
  private: R('private', 'Messagerie de particulier : opt-in.', "A private person's mailbox: opt-in."),
  professional: R('professional', 'Adresse professionnelle nominative : opt-out.', 'Nominative work address: opt-out.'),
  organization: R('organization', 'Adresse générique : hors consentement.', 'Generic address: outside consent rules.'),
  internal: R('internal', 'Votre propre domaine.', 'One of your own domains.'),
};

export function fakeClassify(input: string, options: ClassifyOptions = {}): RecipientResult {
  const jurisdiction = options.jurisdiction ?? 'FR';
  if (input === 'THROW') throw new Error('boom');
  const m = /^\s*(?:"?([^"<]*?)"?\s*<)?\s*([^\s<>@]+)@([^\s<>@]+\.[a-z]{2,})\s*>?\s*$/i.exec(input);
  if (!m) return { input, email: null, domain: null, audience: 'invalid', regime: null, jurisdiction, flags: [], reasons: [REASONS.invalid] };
  const local = m[2]!.toLowerCase();
  const domain = m[3]!.toLowerCase();
  const email = `${local}@${domain}`;
  const base = { input, email, ...(m[1] ? { name: m[1] } : {}), domain, jurisdiction };
  if (options.ownDomains?.includes(domain)) return { ...base, audience: 'internal', regime: 'internal', flags: [], reasons: [REASONS.internal] };
  if (['gmail.com', 'orange.fr', 'wanadoo.fr', 'free.fr'].includes(domain))
    return { ...base, audience: 'private', regime: 'opt-in', flags: ['free-mail'], reasons: [REASONS.private] };
  if (['contact', 'info'].includes(local)) return { ...base, audience: 'organization', regime: 'opt-out', flags: ['role'], reasons: [REASONS.organization] };
  return { ...base, audience: 'professional', regime: 'opt-out', flags: [], reasons: [REASONS.professional] };
}

export interface MemoryIo extends Io {
  out(): string;
  outBytes(): Buffer;
  err(): string;
}

export function memoryIo(opts: { stdin?: string | Uint8Array; stdinTTY?: boolean; stdoutTTY?: boolean; stderrTTY?: boolean; env?: Record<string, string> } = {}): MemoryIo {
  const chunks: Buffer[] = [];
  let err = '';
  const stdin = Object.assign(Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]), { isTTY: opts.stdinTTY });
  return {
    stdin,
    stdout: { isTTY: opts.stdoutTTY ?? false, columns: 80, write: (s: string | Uint8Array) => (chunks.push(Buffer.from(s)), true) },
    stderr: { isTTY: opts.stderrTTY ?? false, columns: 80, write: (s: string) => ((err += s), true) },
    env: opts.env ?? { LANG: 'en_US.UTF-8' },
    out: () => Buffer.concat(chunks).toString('utf8'),
    outBytes: () => Buffer.concat(chunks),
    err: () => err,
  };
}
