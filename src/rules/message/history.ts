/**
 * First contact: besides the message itself, a local history of the addresses this user already sent
 * a prospecting message to. The history holds hashes only — of the address, never of the content —
 * recorded when a prospecting send goes through. This file holds the pure part: how an address is
 * normalised before hashing, the hash input, and the decision given "already contacted: yes/no".
 * The storage (IndexedDB) and SHA-256 (WebCrypto) belong to the extension; the hash function is
 * injected so that the rules stay pure.
 */
import { parseAddress } from '../address.js';
import { normalizePersonKey } from '../linkedin/key.js';

/** Domains whose mailboxes ignore dots and "+tags" in the local part, and their aliases. */
export const DOT_INSENSITIVE_DOMAINS: Readonly<Record<string, { canonical: string; note: string }>> = {
  'gmail.com': { canonical: 'gmail.com', note: 'Gmail ignores dots and everything after "+" in the local part' },
  'googlemail.com': { canonical: 'gmail.com', note: 'the same Gmail mailboxes under the older domain' },
};

/**
 * The address as the history knows it: lower case, ASCII (punycode) domain, display name and mailto:
 * removed; for Gmail, dots and "+tag" removed and googlemail.com read as gmail.com (the same
 * mailbox). Other plus-tags are kept: elsewhere they may be separate mailboxes, and a missed match
 * only asks for the introduction once more. A LinkedIn member's key (rules/linkedin/key.ts,
 * `linkedin:in/<profile>`) is a recipient too: kept as that key. Null when it is neither.
 */
export function historyKey(address: string): string | null {
  if (typeof address === 'string' && address.startsWith('linkedin:')) return normalizePersonKey(address);
  const p = parseAddress(address);
  if (!p.ok || p.ipLiteral) return null;
  const alias = DOT_INSENSITIVE_DOMAINS[p.asciiDomain];
  if (alias) {
    let local = p.local;
    const plus = local.indexOf('+');
    if (plus >= 0) local = local.slice(0, plus);
    local = local.replace(/\./g, '');
    if (local.length === 0) return null;
    return `${local}@${alias.canonical}`;
  }
  return `${p.local}@${p.asciiDomain}`;
}

/** A hash function from text to its hex digest, synchronous or not (WebCrypto's is not). */
export type HashFunction = (text: string) => string | Promise<string>;

/** Versioned, so that a change of normalisation can be told from old records. */
export const HISTORY_KEY_VERSION = 'pg-history-v1';

/**
 * What is hashed for an address: the version, the install's random salt (so that the stored hashes
 * cannot be matched against a list of known addresses elsewhere) and the normalised address.
 */
export function historyHashInput(address: string, salt: string): string | null {
  const key = historyKey(address);
  if (key === null) return null;
  return `${HISTORY_KEY_VERSION}\n${typeof salt === 'string' ? salt : ''}\n${key}`;
}

/** The stored form of an address: hash(historyHashInput(address, salt)). Null when it is not an address. */
export async function hashHistoryKey(address: string, salt: string, hash: HashFunction): Promise<string | null> {
  const input = historyHashInput(address, salt);
  if (input === null) return null;
  const h = await hash(input);
  return typeof h === 'string' && h.length > 0 ? h.toLowerCase() : null;
}

/** Bytes (e.g. from crypto.subtle.digest) as lower-case hex. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return s;
}

export type FirstContactStatus = 'first-contact' | 'already-contacted' | 'history-unknown' | 'not-prospecting';

export interface FirstContactDecision {
  /** A first prospecting contact: the full B2B introduction is due. */
  firstContact: boolean;
  status: FirstContactStatus;
}

/**
 * The decision: a prospecting message to an address not in the history is a first contact; to one
 * already there it is a follow-up. Without a history (null/undefined) it counts as a first contact —
 * the stricter reading, said so in the reasons.
 */
export function firstContactDecision(prospecting: boolean, alreadyContacted: boolean | null | undefined): FirstContactDecision {
  if (!prospecting) return { firstContact: false, status: 'not-prospecting' };
  if (alreadyContacted === true) return { firstContact: false, status: 'already-contacted' };
  if (alreadyContacted === false) return { firstContact: true, status: 'first-contact' };
  return { firstContact: true, status: 'history-unknown' };
}

/**
 * After a send went through: the history keys to record — every recipient's, when the message was
 * prospecting; none otherwise (a reply or an invoice is not a prospecting contact). Invalid addresses
 * are left out, duplicates merged.
 */
export function historyKeysToRecord(prospecting: boolean, recipients: readonly string[]): string[] {
  if (!prospecting || !Array.isArray(recipients)) return [];
  const out = new Set<string>();
  for (const r of recipients) {
    if (typeof r !== 'string') continue;
    const k = historyKey(r);
    if (k !== null) out.add(k);
  }
  return [...out];
}
