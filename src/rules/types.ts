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

/**
 * The jurisdictions the engine knows rules for (see jurisdictions.ts): ISO 3166-1 alpha-2 codes
 * ('UK' is accepted as an alias of 'GB'), and 'EU' for the other EU / EEA countries, which get the
 * ePrivacy directive's baseline.
 */
export type Jurisdiction = 'FR' | 'DE' | 'BE' | 'ES' | 'GB' | 'US' | 'CH' | 'LU' | 'IT' | 'NL' | 'AT' | 'PT' | 'IE' | 'CA' | 'EU';

export type Flag =
  | 'free-mail'
  | 'isp'
  | 'disposable'
  | 'role'
  | 'student'
  | 'override'
  | 'alumni' // a lifelong alumni address (with 'student')
  | 'public-service' // a French public body's service address (with 'role')
  | 'function-title' // a function title held by one person (ceo@, president@ …): not impersonal
  | 'jurisdiction-not-covered'; // the domain names a country the rules do not cover: the default rules were applied, and the reasons say so

/** A text in each language the user may read. */
export interface Localized {
  fr: string;
  en: string;
}

/** One text for every language (a proper name), or one per language. */
export type Localizable = string | Localized;

/**
 * A legal source, cited in every reason. The citation (`ref`, `short`) names laws, texts and authorities with their
 * article numbers and nothing else; what the source says, or how the rules read it, is the `note`, in each language.
 * Rendered by citation.ts (`sourceText`: "CPCE art. L34-5 (protège toute personne physique …)").
 */
export interface Source {
  /**
   * The citation: "CPCE art. L34-5", "UWG §7", "Codice privacy art. 130" (proper names, the same in every language),
   * or { fr, en } where the name itself is translated ("RGPD art. 14" / "GDPR art. 14", "directive 2002/58/CE" /
   * "Directive 2002/58/EC").
   */
  ref: Localizable;
  /** What the source says, or how it is read here: "toute personne physique" / "any natural person". */
  note?: Localized;
  /** Confidence as in law.md: P primary, S secondary only, NC not confirmed. */
  confidence: 'P' | 'S' | 'NC';
  /** The citation in a title, when `ref` is long ("Codice privacy art. 130"); else the part of `ref` before any ';'. */
  short?: Localizable;
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
  /** The user's default: the rules applied when the recipient's domain names no country (or one not covered). Default FR. */
  jurisdiction?: Jurisdiction;
  channel?: Channel; // default 'email'
  /** ISO date YYYY-MM-DD the message would be sent; default today. */
  date?: string;
  /** What the message is about, when it is a subject the law singles out. */
  topic?: Topic;
}

/**
 * A LinkedIn member, judged from their profile (there is no address): what the page showed, and the cue that
 * decided (src/rules/linkedin/headline.ts), for the overlay to show.
 */
export interface PersonFacts {
  name: string;
  headline: string;
  /** The organisation the headline (or the page) names for the current role. */
  company: string | null;
  /** What decided: a private cue ('student', 'retired', 'sole-trader' …), 'role' for a role at an organisation, or null. */
  cue: string | null;
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
  /** Whose rules were applied. */
  jurisdiction: Jurisdiction;
  /** The recipient's country (ISO 3166-1 alpha-2, 'EU' for .eu) when the domain names one, covered or not. */
  country?: string;
  flags: Flag[];
  reasons: Reason[];
  /** Id of the regime rule applied (see regime.ts RULES), when there is one. */
  ruleId?: string;
  /** For a LinkedIn member (then `input` is their key, `email` and `domain` are null). */
  person?: PersonFacts;
}
