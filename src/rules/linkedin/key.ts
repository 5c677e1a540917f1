/**
 * The key a LinkedIn member is known by in the user's records (a "mark as business / private" choice, a consent):
 * their profile's public id when the page links to it (`linkedin:in/jean-dupont-4a5b`, or Sales Navigator's
 * `linkedin:lead/ACwAAA…`), else their name and the organisation their headline names
 * (`linkedin:name/jean dupont|acme`). Lower case, one line, bounded. The content script and the worker compute it
 * the same way, here.
 */

export const PERSON_KEY_PREFIX = 'linkedin:';
const MAX = 300;

export interface PersonKeyInput {
  /** A link to the member's profile (`https://www.linkedin.com/in/jean-dupont/`, `/sales/lead/ACwAAA…,NAME_SEARCH`). */
  profileUrl?: string | null;
  name?: string | null;
  company?: string | null;
}

const clean = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The profile id in a LinkedIn profile or Sales Navigator lead URL: `in/<slug>` or `lead/<id>`; null otherwise. */
export function profileId(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /\/(in|sales\/lead|sales\/people)\/([^/?#,]+)/.exec(url);
  if (!m) return null;
  let id = m[2]!;
  try {
    id = decodeURIComponent(id);
  } catch {
    /* keep it as written */
  }
  id = clean(id);
  if (!id) return null;
  return `${m[1] === 'in' ? 'in' : 'lead'}/${id}`;
}

/** The member's key, or null when nothing identifies them (no profile link, no name). */
export function personKey(p: PersonKeyInput): string | null {
  const id = profileId(p.profileUrl);
  if (id) return `${PERSON_KEY_PREFIX}${id}`.slice(0, MAX);
  const name = clean(p.name);
  if (!name) return null;
  const company = clean(p.company);
  return `${PERSON_KEY_PREFIX}name/${name}${company ? `|${company}` : ''}`.slice(0, MAX);
}

/** A stored key checked again (lower case, one line, single spaces, bounded): the key, or null. */
export function normalizePersonKey(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX || /[\u0000-\u001f\u007f]/.test(raw)) return null;
  const s = raw.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return /^linkedin:(?:in|lead|name)\/[^ |]/.test(s) ? s : null;
}

export function isPersonKey(raw: unknown): boolean {
  return normalizePersonKey(raw) !== null;
}
