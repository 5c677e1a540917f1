/**
 * Shared vocabulary of the rules engine. Pure data types: no DOM, no extension API.
 * Everything in src/rules runs in Node (CLI, tests) and in the extension alike.
 */

/** Who the recipient looks like, legally. */
export type Audience =
  | 'private' // a natural person's own mailbox (consumer provider, ISP, disposable, student)
  | 'professional' // nominative address at an organisation's own domain (public bodies included)
  | 'organization' // generic role address (contact@, info@ …) at an organisation's own domain
  | 'internal' // one of the user's own domains
  | 'unknown' // cannot tell
  | 'invalid'; // not an email address

export type Regime = 'opt-in' | 'opt-out' | 'internal' | 'banned';

export type Channel =
  | 'email'
  | 'sms'
  | 'mms'
  | 'automated-call'
  | 'fax'
  | 'phone'
  | 'postal'
  | 'linkedin';

/** ISO 3166-1 alpha-2 codes the engine knows rules for ('UK' is accepted as an alias of 'GB'). */
export type Jurisdiction = 'FR' | 'DE' | 'BE' | 'ES' | 'GB' | 'US';

export type Flag =
  | 'free-mail'
  | 'isp'
  | 'disposable'
  | 'role'
  | 'student'
  | 'override'
  | 'alumni' // a lifelong alumni address (with 'student')
  | 'public-service' // a French public body's service address (with 'role')
  | 'function-title'; // a function title held by one person (ceo@, president@ …): not impersonal

/** A legal source, cited in every reason. */
export interface Source {
  /** Short citation, e.g. "CPCE art. L34-5". */
  ref: string;
  /** Confidence as in law.md: P primary, S secondary only, NC not confirmed. */
  confidence: 'P' | 'S' | 'NC';
  url?: string;
}

/** A reason is a stable id plus its text in French and English, citing its source. */
export interface Reason {
  id: string;
  fr: string;
  en: string;
  source?: Source;
  /** Optional machine-readable detail, e.g. why an address is invalid ('no-at', 'too-long' …). */
  detail?: string;
}

/** Subjects that French law bans from canvassing consumers (C. conso L223-1 al. 5). */
export type Topic = 'energy-renovation' | 'home-adaptation';

/** A user's override: the address or the whole domain is business or private. */
export type OverrideKind = 'business' | 'private';

export interface ClassifyOptions {
  /** The user's own domains (registrable or full); recipients there are `internal`. */
  ownDomains?: readonly string[];
  /** Keys are a lower-cased address or a lower-cased domain. An address wins over a domain. */
  overrides?: Readonly<Record<string, OverrideKind>>;
  /** Default jurisdiction when the recipient's TLD does not name one we know. Default FR. */
  jurisdiction?: Jurisdiction;
  channel?: Channel; // default 'email'
  /** ISO date YYYY-MM-DD the message would be sent; default today. */
  date?: string;
  /** What the message is about, when it is a subject the law singles out. */
  topic?: Topic;
}

export interface RecipientResult {
  /** The string as given. */
  input: string;
  /** Normalised address (lower-case, IDN domain in Unicode form), or null when invalid. */
  email: string | null;
  /** Display name when the input had one ("Name <addr>"). */
  name?: string;
  /** Registrable domain (eTLD+1), or null. */
  domain: string | null;
  audience: Audience;
  /** Null when the audience is invalid. */
  regime: Regime | null;
  jurisdiction: Jurisdiction;
  flags: Flag[];
  reasons: Reason[];
  /** Id of the regime rule applied (see regime.ts RULES), when there is one. */
  ruleId?: string;
}
