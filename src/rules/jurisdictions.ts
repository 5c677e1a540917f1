/**
 * Jurisdictions: which country's rules apply to a recipient, and the words to name them.
 *
 * The recipient's country decides, always (law.md): it is read from the recipient's domain —
 * first the country of a consumer internet-access provider (data: lists.ts `providerCountry`, from
 * each supplement entry's country: an ISP's customers live where its network is, so a British ISP
 * on .com is British), then the country-code TLD. A webmail's company country is not used: Proton
 * (Swiss) or Tuta (German) mailboxes belong to people anywhere. The user's default jurisdiction only applies
 * when the domain names no country (.com, .org, a global webmail); when it names a country the
 * rules do not cover, the default applies too, but the result says so (flag
 * `jurisdiction-not-covered`): never a silent fallback.
 *
 * JURISDICTION_INFO is the one table of the jurisdictions the rules know: code, ccTLDs, names,
 * adjectives. The CLI's --jurisdiction list, the wording (wording.ts) and the docs come from it.
 */
import { providerCountry } from './lists.js';
import { makeReason } from './reasons.js';
import type { Jurisdiction, Reason } from './types.js';

export interface JurisdictionInfo {
  code: Jurisdiction;
  /** Country-code TLDs (lower case, no dot) whose domains fall under these rules. */
  ccTLDs: readonly string[];
  name: { fr: string; en: string };
  /** "en Suisse", "au Canada", "aux Pays-Bas". */
  inFr: string;
  /** French adjectives: masculine ("particulier allemand"), feminine ("entreprise allemande"), feminine plural ("règles allemandes"). */
  adjFr: { m: string; f: string; fp: string };
  /** English adjective ("German"). */
  adjEn: string;
}

/** Every EU/EEA ccTLD without rules of its own here (the ePrivacy directive's baseline applies), plus .eu. */
export const EU_DEFAULT_CCTLDS: readonly string[] = Object.freeze([
  'bg', 'cy', 'cz', 'dk', 'ee', 'fi', 'gr', 'hr', 'hu', 'lt', 'lv', 'mt', 'pl', 'ro', 'se', 'si', 'sk', // EU
  'is', 'li', 'no', // EEA
  'eu',
]);

export const JURISDICTION_INFO: readonly JurisdictionInfo[] = Object.freeze([
  { code: 'FR', ccTLDs: ['fr', 're', 'gp', 'mq', 'gf', 'yt'], name: { fr: 'France', en: 'France' }, inFr: 'en France', adjFr: { m: 'français', f: 'française', fp: 'françaises' }, adjEn: 'French' },
  { code: 'DE', ccTLDs: ['de'], name: { fr: 'Allemagne', en: 'Germany' }, inFr: 'en Allemagne', adjFr: { m: 'allemand', f: 'allemande', fp: 'allemandes' }, adjEn: 'German' },
  { code: 'BE', ccTLDs: ['be'], name: { fr: 'Belgique', en: 'Belgium' }, inFr: 'en Belgique', adjFr: { m: 'belge', f: 'belge', fp: 'belges' }, adjEn: 'Belgian' },
  { code: 'ES', ccTLDs: ['es'], name: { fr: 'Espagne', en: 'Spain' }, inFr: 'en Espagne', adjFr: { m: 'espagnol', f: 'espagnole', fp: 'espagnoles' }, adjEn: 'Spanish' },
  { code: 'GB', ccTLDs: ['uk', 'gb'], name: { fr: 'Royaume-Uni', en: 'United Kingdom' }, inFr: 'au Royaume-Uni', adjFr: { m: 'britannique', f: 'britannique', fp: 'britanniques' }, adjEn: 'British' },
  { code: 'US', ccTLDs: ['us'], name: { fr: 'États-Unis', en: 'United States' }, inFr: 'aux États-Unis', adjFr: { m: 'américain', f: 'américaine', fp: 'américaines' }, adjEn: 'American' },
  { code: 'CH', ccTLDs: ['ch'], name: { fr: 'Suisse', en: 'Switzerland' }, inFr: 'en Suisse', adjFr: { m: 'suisse', f: 'suisse', fp: 'suisses' }, adjEn: 'Swiss' },
  { code: 'LU', ccTLDs: ['lu'], name: { fr: 'Luxembourg', en: 'Luxembourg' }, inFr: 'au Luxembourg', adjFr: { m: 'luxembourgeois', f: 'luxembourgeoise', fp: 'luxembourgeoises' }, adjEn: 'Luxembourgish' },
  { code: 'IT', ccTLDs: ['it'], name: { fr: 'Italie', en: 'Italy' }, inFr: 'en Italie', adjFr: { m: 'italien', f: 'italienne', fp: 'italiennes' }, adjEn: 'Italian' },
  { code: 'NL', ccTLDs: ['nl'], name: { fr: 'Pays-Bas', en: 'Netherlands' }, inFr: 'aux Pays-Bas', adjFr: { m: 'néerlandais', f: 'néerlandaise', fp: 'néerlandaises' }, adjEn: 'Dutch' },
  { code: 'AT', ccTLDs: ['at'], name: { fr: 'Autriche', en: 'Austria' }, inFr: 'en Autriche', adjFr: { m: 'autrichien', f: 'autrichienne', fp: 'autrichiennes' }, adjEn: 'Austrian' },
  { code: 'PT', ccTLDs: ['pt'], name: { fr: 'Portugal', en: 'Portugal' }, inFr: 'au Portugal', adjFr: { m: 'portugais', f: 'portugaise', fp: 'portugaises' }, adjEn: 'Portuguese' },
  { code: 'IE', ccTLDs: ['ie'], name: { fr: 'Irlande', en: 'Ireland' }, inFr: 'en Irlande', adjFr: { m: 'irlandais', f: 'irlandaise', fp: 'irlandaises' }, adjEn: 'Irish' },
  { code: 'CA', ccTLDs: ['ca'], name: { fr: 'Canada', en: 'Canada' }, inFr: 'au Canada', adjFr: { m: 'canadien', f: 'canadienne', fp: 'canadiennes' }, adjEn: 'Canadian' },
  {
    code: 'EU',
    ccTLDs: EU_DEFAULT_CCTLDS,
    name: { fr: 'autre pays de l\u2019UE / EEE', en: 'other EU / EEA country' },
    inFr: 'dans l\u2019Union européenne',
    adjFr: { m: 'européen', f: 'européenne', fp: 'européennes' },
    adjEn: 'European',
  },
] satisfies JurisdictionInfo[]);

/** The codes, in table order. */
export const JURISDICTIONS: readonly Jurisdiction[] = Object.freeze(JURISDICTION_INFO.map((j) => j.code));

/** What a user may type for a jurisdiction: the codes and the alias UK (for GB). */
export const JURISDICTION_INPUTS: readonly string[] = Object.freeze([...JURISDICTIONS.flatMap((j) => (j === 'GB' ? ['GB', 'UK'] : [j]))]);

const BY_CODE = new Map<string, JurisdictionInfo>(JURISDICTION_INFO.map((j) => [j.code, j]));

export function jurisdictionInfo(j: Jurisdiction): JurisdictionInfo {
  return BY_CODE.get(j) ?? BY_CODE.get('FR')!;
}

/** "de" / "DE" → 'DE'; 'UK' → 'GB'; anything else → null. */
export function normalizeJurisdiction(j: unknown): Jurisdiction | null {
  if (typeof j !== 'string' || j.length !== 2) return null;
  const u = j.toUpperCase();
  if (u === 'UK') return 'GB';
  return BY_CODE.has(u) ? (u as Jurisdiction) : null;
}

// ---------------------------------------------------------------------------------------------
// The recipient's country

/**
 * ccTLDs sold worldwide as generic names (.io, .co, .me, .tv …): a domain directly under one of
 * them says nothing about where its owner is. (A domain under their country's own second level,
 * "empresa.com.co", still does.)
 */
export const GENERIC_CCTLDS: ReadonlySet<string> = new Set(['ai', 'cc', 'co', 'fm', 'gg', 'io', 'la', 'me', 'ms', 'nu', 'sh', 'tk', 'to', 'tv', 'vc', 'ws']);

/** Internationalised ccTLDs (ASCII form) → country. */
const IDN_CCTLDS: Readonly<Record<string, string>> = { 'xn--p1ai': 'RU', 'xn--j1amh': 'UA', 'xn--90ais': 'BY', 'xn--fiqs8s': 'CN', 'xn--fiqz9s': 'CN' };

const hasOwn = Object.prototype.hasOwnProperty;

/** Where a domain's country was read from. */
export type CountrySource = 'provider' | 'cctld';

export interface DomainCountry {
  /** ISO 3166-1 alpha-2 code ('EU' for .eu), or null when the domain names no country. */
  country: string | null;
  source: CountrySource | null;
  /** The top-level domain (ASCII, lower case), for the reasons. */
  tld: string;
}

/**
 * The country a domain names. `ascii` is the full domain in ASCII form; `registrable` its
 * registrable domain (or null); `publicSuffix` what tldts calls its public suffix (or null);
 * `isp` true when the domain is a consumer internet-access provider's (lists.ts providerKind).
 */
export function domainCountry(ascii: string, registrable: string | null, publicSuffix: string | null, isp = false): DomainCountry {
  const tld = ascii.slice(ascii.lastIndexOf('.') + 1);
  const fromProvider = isp ? providerCountry(ascii) : null;
  if (fromProvider !== null) return { country: fromProvider, source: 'provider', tld };
  if (hasOwn.call(IDN_CCTLDS, tld)) return { country: IDN_CCTLDS[tld]!, source: 'cctld', tld };
  if (tld.length !== 2 || !/^[a-z]{2}$/.test(tld)) return { country: null, source: null, tld };
  if (GENERIC_CCTLDS.has(tld) && (publicSuffix === null || publicSuffix === tld)) return { country: null, source: null, tld };
  return { country: tld === 'uk' ? 'GB' : tld.toUpperCase(), source: 'cctld', tld };
}

const BY_COUNTRY = new Map<string, Jurisdiction>();
for (const j of JURISDICTION_INFO) for (const t of j.ccTLDs) BY_COUNTRY.set(t === 'uk' ? 'GB' : t.toUpperCase(), j.code);

/** The jurisdiction whose rules cover a country (ISO code, or 'EU'); null when the rules do not cover it. */
export function jurisdictionOfCountry(country: string): Jurisdiction | null {
  return BY_COUNTRY.get(country) ?? null;
}

const regionNames: Partial<Record<'fr' | 'en', Intl.DisplayNames>> = {};

/** A country's name in French or English ("Japon", "Japan"); the code when the runtime has no names. */
export function countryName(country: string, lang: 'fr' | 'en'): string {
  if (country === 'EU') return lang === 'fr' ? 'Union européenne' : 'European Union';
  try {
    const names = (regionNames[lang] ??= new Intl.DisplayNames([lang], { type: 'region' }));
    const n = names.of(country);
    return n && n !== country && !/unknown|inconnue/i.test(n) ? n : country;
  } catch {
    return country;
  }
}

// ---------------------------------------------------------------------------------------------
// Resolution and its reasons

export interface JurisdictionDecision {
  jurisdiction: Jurisdiction;
  /** The recipient's country when the domain names one, covered or not. */
  country: string | null;
  /** The domain names a country the rules do not cover: the default rules were applied. */
  notCovered: boolean;
  /** Why (always given; classify leaves it out for internal recipients). */
  reason: Reason;
}

const reasonMemo = new Map<string, Reason>();

function memo(key: string, make: () => Reason): Reason {
  let r = reasonMemo.get(key);
  if (r === undefined) {
    r = make();
    if (reasonMemo.size > 2000) reasonMemo.clear();
    reasonMemo.set(key, r);
  }
  return r;
}

/** The recipient's domain names a country whose rules apply. */
function coveredReason(j: Jurisdiction, dc: DomainCountry, registrable: string | null): Reason {
  const info = jurisdictionInfo(j);
  const country = dc.country!;
  if (dc.source === 'provider') {
    return memo(`p:${registrable}:${j}`, () =>
      makeReason(
        'jurisdiction-provider',
        `Messagerie grand public ${info.adjFr.f} (${registrable}) : ses abonnés résident ${info.inFr}, les règles du pays du destinataire s\u2019appliquent (${info.name.fr}).`,
        `${info.adjEn} consumer mailbox provider (${registrable}): its users live in ${info.name.en}, the rules of the recipient\u2019s country apply.`,
        undefined,
        j,
      ),
    );
  }
  if (j === 'EU') {
    return memo(`e:${country}:${dc.tld}`, () =>
      makeReason(
        'jurisdiction-eu-default',
        `Domaine en .${dc.tld} (${countryName(country, 'fr')}) : pays de l\u2019UE / EEE sans règles propres dans notre référence, le socle de la directive 2002/58/CE art. 13 s\u2019applique.`,
        `.${dc.tld} domain (${countryName(country, 'en')}): an EU / EEA country without rules of its own in our reference; the baseline of Directive 2002/58/EC art. 13 applies.`,
        undefined,
        country,
      ),
    );
  }
  return memo(`c:${dc.tld}:${j}`, () =>
    makeReason(
      'jurisdiction-tld',
      `Domaine en .${dc.tld} : les règles du pays du destinataire s\u2019appliquent (${info.name.fr}).`,
      `.${dc.tld} domain: the rules of the recipient\u2019s country apply (${info.name.en}).`,
      undefined,
      j,
    ),
  );
}

/** The domain names a country the rules do not cover. */
function notCoveredReason(country: string, dc: DomainCountry, fallback: Jurisdiction): Reason {
  const info = jurisdictionInfo(fallback);
  const where = dc.source === 'provider' ? `messagerie de ce pays` : `domaine en .${dc.tld}`;
  const whereEn = dc.source === 'provider' ? `a mailbox provider of that country` : `.${dc.tld} domain`;
  return memo(`n:${country}:${dc.source}:${dc.tld}:${fallback}`, () =>
    makeReason(
      'jurisdiction-not-covered',
      `Droit local non couvert (${countryName(country, 'fr')}, ${where}) : règles ${info.adjFr.fp} appliquées, vérifiez le droit du pays du destinataire.`,
      `Local law not covered (${countryName(country, 'en')}, ${whereEn}): ${info.adjEn} rules applied; check the law of the recipient\u2019s country.`,
      undefined,
      country,
    ),
  );
}

/** The domain names no country. */
function defaultReason(dc: DomainCountry, fallback: Jurisdiction): Reason {
  const info = jurisdictionInfo(fallback);
  return memo(`d:${dc.tld}:${fallback}`, () =>
    makeReason(
      'jurisdiction-default',
      `Le domaine (.${dc.tld}) ne dit pas le pays du destinataire : règles ${info.adjFr.fp} appliquées (votre pays par défaut).`,
      `The domain (.${dc.tld}) does not tell the recipient\u2019s country: ${info.adjEn} rules applied (your default country).`,
      undefined,
      fallback,
    ),
  );
}

/** Which rules apply to a recipient whose domain names `dc`, the user's default being `fallback`. */
export function decideJurisdiction(dc: DomainCountry, registrable: string | null, fallback: Jurisdiction): JurisdictionDecision {
  if (dc.country !== null) {
    const j = jurisdictionOfCountry(dc.country);
    if (j !== null) return { jurisdiction: j, country: dc.country, notCovered: false, reason: coveredReason(j, dc, registrable) };
    return { jurisdiction: fallback, country: dc.country, notCovered: true, reason: notCoveredReason(dc.country, dc, fallback) };
  }
  return { jurisdiction: fallback, country: null, notCovered: false, reason: defaultReason(dc, fallback) };
}
