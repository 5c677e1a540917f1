/**
 * What the overlay says about a verdict. Which words show for which verdict is legal policy, so it
 * lives with the rules: every text here comes from the recipient's jurisdiction (jurisdictions.ts)
 * and the rule applied to it (regime.ts RULES, found by `result.ruleId`), citing that rule's own
 * source. The overlay's own UI strings (buttons, "show details" …) stay in public/_locales.
 *
 * API
 * - `recipientWording(result, lang, consent?)` → for one recipient: `title` ("entreprise allemande
 *   — consentement requis (UWG §7)"), `audienceLabel` ("entreprise allemande"), `verdictLabel`
 *   ("consentement requis"), the main `reason` and its `source` / `citation`, and `notes` (local
 *   law not covered, the user's own choice, a function title …). A private recipient with a
 *   recorded consent gets consumer wording.
 * - `messageWording(recipients, lang)` → for the message: the `headline` and `body` for the
 *   strictest verdict, which introduction to offer (`'business'`, `'consumer'` for a message that
 *   reaches a private person who gave consent, or null), and message-level `notes`.
 * French and English.
 */
import { shortCitation, sourceText } from './citation.js';
import { jurisdictionInfo, countryName } from './jurisdictions.js';
import type { IntroAudience } from './intro.js';
import { RULES, type RegimeRule } from './regime.js';
import { citation, type Lang } from './reasons-invalid.js';
import type { Audience, Reason, RecipientResult, Source } from './types.js';
import { recipientVerdict, strictest, type ConsentLike, type RecipientVerdict, type Verdict } from './verdict.js';

export interface RecipientWording {
  verdict: RecipientVerdict;
  /** `${audienceLabel} — ${verdictLabel} (${short citation})`, e.g. "entreprise allemande — consentement requis (UWG §7)". */
  title: string;
  /** Who the recipient is, with their country: "particulier belge", "entreprise (Japon)", "German business". */
  audienceLabel: string;
  /** What follows, in plain words: "consentement requis", "prospection permise — droit d'opposition". */
  verdictLabel: string;
  /** The main reason: what the applicable rules ask, for this recipient. */
  reason: string;
  /** The rule's own source (for an invalid address: the address standard). */
  source: Source | null;
  /** The source as cited after the reason, in `lang`, with its note and confidence: "doctrine B2B de la CNIL — sources secondaires". */
  citation: string;
  /** Other things the user must know about this recipient. */
  notes: string[];
}

export interface MessageWording {
  verdict: Verdict;
  headline: string;
  /** The explanation under the headline, or null (internal recipients, none). */
  body: string | null;
  /** The introduction to offer: 'business', 'consumer' (the message reaches a private person who gave consent), or null. */
  introduction: IntroAudience | null;
  notes: string[];
}

export interface WordingInput {
  result: RecipientResult;
  consent?: ConsentLike | null;
}

const RULE_BY_ID = new Map<string, RegimeRule>(RULES.map((r) => [r.id, r]));

function ruleOf(r: RecipientResult): RegimeRule | null {
  return r.ruleId !== undefined ? (RULE_BY_ID.get(r.ruleId) ?? null) : null;
}

function capitalize(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export { shortCitation } from './citation.js';

function confidenceNote(source: Source, lang: Lang): string {
  if (source.confidence === 'S') return lang === 'fr' ? ' \u2014 sources secondaires' : ' \u2014 secondary sources';
  if (source.confidence === 'NC') return lang === 'fr' ? ' \u2014 non confirmé' : ' \u2014 not confirmed';
  return '';
}

// ---------------------------------------------------------------------------------------------
// Who the recipient is

type Where = { kind: 'covered'; adjM: string; adjF: string; adjEn: string } | { kind: 'eu'; country: string } | { kind: 'elsewhere'; country: string } | { kind: 'none' };

/** What the label says about the recipient's country: an adjective, "européenne (Suède)", "(Japon)", or nothing. */
function where(r: RecipientResult): Where {
  if (r.country === undefined || r.audience === 'internal' || r.audience === 'invalid') return { kind: 'none' };
  if (r.flags.includes('jurisdiction-not-covered')) return { kind: 'elsewhere', country: r.country };
  if (r.jurisdiction === 'EU') return { kind: 'eu', country: r.country };
  const info = jurisdictionInfo(r.jurisdiction);
  return { kind: 'covered', adjM: info.adjFr.m, adjF: info.adjFr.f, adjEn: info.adjEn };
}

function frenchLabel(noun: string, gender: 'm' | 'f', w: Where): string {
  switch (w.kind) {
    case 'covered':
      return `${noun} ${gender === 'm' ? w.adjM : w.adjF}`;
    case 'eu':
      return `${noun} ${gender === 'm' ? 'européen' : 'européenne'} (${countryName(w.country, 'fr')})`;
    case 'elsewhere':
      return `${noun} (${countryName(w.country, 'fr')})`;
    default:
      return noun;
  }
}

function englishLabel(noun: string, w: Where): string {
  switch (w.kind) {
    case 'covered':
      return `${w.adjEn} ${noun}`;
    case 'eu':
      return `European ${noun} (${countryName(w.country, 'en')})`;
    case 'elsewhere':
      return `${noun} (${countryName(w.country, 'en')})`;
    default:
      return noun;
  }
}

/** "particulier belge", "entreprise allemande", "adresse générique d'entreprise (Japon)"; "German business" … */
export function audienceLabel(r: RecipientResult, lang: Lang): string {
  if (r.person) return personLabel(r.audience, lang);
  const w = where(r);
  const a: Audience = r.audience;
  if (lang === 'fr') {
    switch (a) {
      case 'private':
        return frenchLabel('particulier', 'm', w);
      case 'professional':
        return frenchLabel('entreprise', 'f', w);
      case 'organization':
        return w.kind === 'covered' ? `adresse générique d\u2019une entreprise ${w.adjF}` : frenchLabel('adresse générique d\u2019entreprise', 'f', w.kind === 'eu' ? { kind: 'elsewhere', country: w.country } : w);
      case 'internal':
        return 'destinataire interne';
      case 'unknown':
        return r.country !== undefined ? `destinataire indéterminé (${countryName(r.country, 'fr')})` : 'destinataire indéterminé';
      default:
        return 'adresse invalide';
    }
  }
  switch (a) {
    case 'private':
      return englishLabel('private individual', w);
    case 'professional':
      return englishLabel('business', w);
    case 'organization':
      return w.kind === 'covered' ? `generic address of a ${w.adjEn} business` : englishLabel('generic business address', w);
    case 'internal':
      return 'internal recipient';
    case 'unknown':
      return r.country !== undefined ? `recipient we cannot place (${countryName(r.country, 'en')})` : 'recipient we cannot place';
    default:
      return 'invalid address';
  }
}

/** A LinkedIn member (no address, no country): "professionnel", "particulier", "profil à vérifier". */
function personLabel(a: Audience, lang: Lang): string {
  if (a === 'professional') return lang === 'fr' ? 'professionnel' : 'professional';
  if (a === 'private') return lang === 'fr' ? 'particulier' : 'private individual';
  return lang === 'fr' ? 'profil à vérifier' : 'profile to check';
}

// ---------------------------------------------------------------------------------------------
// What follows

const VERDICT_LABELS: Record<RecipientVerdict, Record<Lang, string>> = {
  banned: { fr: 'prospection interdite', en: 'canvassing banned' },
  'opt-in': { fr: 'consentement requis', en: 'consent required' },
  unknown: { fr: 'consentement requis par prudence', en: 'consent required to be safe' },
  'opt-out': { fr: 'prospection permise \u2014 droit d\u2019opposition', en: 'prospecting allowed \u2014 right to object' },
  organization: { fr: 'prospection permise \u2014 droit d\u2019opposition', en: 'prospecting allowed \u2014 right to object' },
  consent: { fr: 'consentement enregistré', en: 'consent recorded' },
  internal: { fr: 'correspondance interne', en: 'internal correspondence' },
};

/** French rules on a legal person's generic address: outside consent and objection rules, only the "in all cases" notices. */
function isFrenchGenericAddressRule(rule: RegimeRule | null): boolean {
  return rule !== null && (rule.id === 'FR-email-organization' || rule.id === 'FR-email-organization-linkedin');
}

/** "consentement requis", "prospection permise — droit d'opposition", "prospection permise — mentions obligatoires" … */
export function verdictLabel(r: RecipientResult, lang: Lang, consent?: ConsentLike | null): string {
  const v = recipientVerdict(r, consent);
  const rule = ruleOf(r);
  if (r.audience === 'invalid') return lang === 'fr' ? 'adresse à corriger' : 'address to correct';
  if (v === 'organization' && isFrenchGenericAddressRule(rule)) return lang === 'fr' ? 'prospection permise \u2014 mentions obligatoires' : 'prospecting allowed \u2014 required notices';
  if (v === 'opt-in' && rule?.id === 'fallback-strict') return VERDICT_LABELS.unknown[lang];
  return VERDICT_LABELS[v][lang];
}

// ---------------------------------------------------------------------------------------------
// Why

/** "Droit allemand", "Directive européenne (Suède)", "Règles françaises appliquées" … */
function lawName(r: RecipientResult, lang: Lang): string {
  const info = jurisdictionInfo(r.jurisdiction);
  const w = where(r);
  if (r.jurisdiction === 'EU') return lang === 'fr' ? 'Socle européen (directive 2002/58/CE)' : 'EU baseline (Directive 2002/58/EC)';
  if (w.kind === 'covered') return lang === 'fr' ? `Droit ${info.adjFr.m}` : `${info.adjEn} law`;
  return lang === 'fr' ? `Règles ${info.adjFr.fp} appliquées` : `${info.adjEn} rules applied`;
}

/** Reasons worth showing beside the main one, by id. */
const NOTE_IDS: ReadonlySet<string> = new Set([
  'jurisdiction-not-covered',
  'override-business',
  'override-private',
  'sole-trader-webmail',
  'role-at-consumer-provider',
  'function-title-person',
  'corporate-domain-exception',
  'date-invalid',
  // LinkedIn members (rules/linkedin/person.ts): what the headline says, the sole-trader reading, the country applied
  'person-professional',
  'person-private',
  'person-sole-trader',
  'person-country',
]);

const CONSENT_SKIPS: ReadonlySet<string> = new Set(['sole-trader-webmail', 'person-sole-trader']);

function notesOf(r: RecipientResult, lang: Lang, skip?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const reason of r.reasons) if (NOTE_IDS.has(reason.id) && !skip?.has(reason.id)) out.push(lang === 'fr' ? reason.fr : reason.en);
  return out;
}

function audienceReason(r: RecipientResult): Reason | undefined {
  return r.reasons[0];
}

function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'fr' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** One recipient's wording. */
export function recipientWording(r: RecipientResult, lang: Lang, consent?: ConsentLike | null): RecipientWording {
  const l: Lang = lang === 'en' ? 'en' : 'fr';
  const verdict = recipientVerdict(r, consent);
  const label = audienceLabel(r, l);
  const vLabel = verdictLabel(r, l, consent);
  const rule = ruleOf(r);

  let reason: string;
  let source: Source | null;
  if (r.audience === 'invalid' || rule === null) {
    const first = audienceReason(r);
    reason = first ? (l === 'fr' ? first.fr : first.en) : '';
    source = first?.source ?? null;
    // the invalid reason's text already ends with its citation
    const t = citation(source ?? undefined, l);
    if (t && reason.endsWith(t)) reason = reason.slice(0, -t.length);
  } else {
    source = rule.source;
    const conditions = l === 'fr' ? rule.conditions.fr : rule.conditions.en;
    if (verdict === 'consent') {
      const on = consent?.date ? formatDate(consent.date, l) : '';
      reason =
        l === 'fr'
          ? `Consentement enregistré${on ? ` le ${on}` : ''} : vous pouvez prospecter ce particulier ; chaque message doit lui permettre de retirer son accord (désinscription). ${lawName(r, l)} : ${conditions}.`
          : `Consent recorded${on ? ` on ${on}` : ''}: you may prospect this private individual; every message must let them withdraw it (unsubscribe). ${lawName(r, l)}: ${conditions}.`;
    } else if (verdict === 'internal') {
      reason = `${capitalize(conditions)}.`;
    } else if (r.audience === 'unknown') {
      const why = audienceReason(r);
      const whyText = why ? (l === 'fr' ? why.fr : why.en) : '';
      reason = `${whyText} ${lawName(r, l)}${l === 'fr' ? ' : ' : ': '}${conditions}.`.trim();
    } else {
      reason = `${lawName(r, l)}${l === 'fr' ? ' : ' : ': '}${conditions}.`;
    }
  }
  const cite = source ? `${sourceText(source, l)}${confidenceNote(source, l)}` : '';
  const short = source ? shortCitation(source, l) : '';
  // internal correspondence is not prospecting: no law to cite in the title
  const title = short && verdict !== 'internal' ? `${label} \u2014 ${vLabel} (${short})` : `${label} \u2014 ${vLabel}`;
  // with a recorded consent, the sole-trader reading ("treated as a private individual: opt-in") is moot
  const notes = notesOf(r, l, verdict === 'consent' ? CONSENT_SKIPS : undefined);
  return { verdict, title, audienceLabel: label, verdictLabel: vLabel, reason, source, citation: cite, notes };
}

// ---------------------------------------------------------------------------------------------
// The message

const HEADLINE_MANY: Record<Exclude<Verdict, 'none'>, Record<Lang, (n: number) => string>> = {
  banned: { fr: () => 'Prospection interdite sur ce sujet', en: () => 'Canvassing banned on this subject' },
  'opt-in': { fr: (n) => `Consentement requis pour ${n} destinataires`, en: (n) => `Consent required for ${n} recipients` },
  unknown: { fr: (n) => `${n} destinataires à vérifier : consentement requis par prudence`, en: (n) => `${n} recipients to check: consent required to be safe` },
  'opt-out': { fr: (n) => `Prospection permise \u2014 droit d\u2019opposition (${n} destinataires)`, en: (n) => `Prospecting allowed \u2014 right to object (${n} recipients)` },
  organization: { fr: (n) => `Adresses génériques d\u2019entreprise (${n}) : prospection permise`, en: (n) => `Generic business addresses (${n}): prospecting allowed` },
  consent: { fr: (n) => `Consentement enregistré pour ${n} destinataires`, en: (n) => `Consent recorded for ${n} recipients` },
  internal: { fr: () => 'Destinataires internes', en: () => 'Internal recipients' },
};

function bodyFor(v: Verdict, first: RecipientResult | undefined, lang: Lang): string | null {
  if (first === undefined || v === 'none' || v === 'internal') return null;
  const fr = lang === 'fr';
  const rule = ruleOf(first);
  const info = jurisdictionInfo(first.jurisdiction);
  const covered = where(first).kind === 'covered';
  // French rules apply (the recipient's own, or the default for a domain that names no country): French law's own words
  const french = first.jurisdiction === 'FR' && !first.flags.includes('jurisdiction-not-covered');
  const law = first.jurisdiction === 'EU' ? (fr ? 'Le socle européen (directive 2002/58/CE)' : 'The EU baseline (Directive 2002/58/EC)') : covered ? (fr ? `Le droit ${info.adjFr.m}` : `${info.adjEn} law`) : fr ? `Les règles ${info.adjFr.fp} appliquées` : `The ${info.adjEn} rules applied`;
  const stop = fr ? ' Sans son consentement, n\u2019envoyez pas ce message.' : ' Without their consent, do not send this message.';
  switch (v) {
    case 'banned':
      return fr
        ? 'La loi interdit de démarcher un consommateur sur ce sujet, sauf contrat en cours. N\u2019envoyez pas ce message.'
        : 'The law bans canvassing consumers on this subject, except under a contract in progress. Do not send this message.';
    case 'opt-in':
      if (rule?.id === 'fallback-strict') {
        return fr
          ? 'Notre référence n\u2019a pas de règle pour ce canal dans ce pays : par prudence, le consentement préalable est demandé.'
          : 'Our reference has no rule for this channel in this country: to be safe, prior consent is asked for.';
      }
      if (first.audience === 'private' && french) {
        return fr
          ? '« Si je n\u2019ai pas dit oui, c\u2019est non » : un particulier doit avoir accepté à l\u2019avance de recevoir vos messages de prospection.' + stop
          : '"If I did not say yes, it is no": a private individual must have agreed beforehand to receive your prospecting messages.' + stop;
      }
      if (first.audience === 'private') return fr ? `${law} exige le consentement préalable d\u2019un particulier.${stop}` : `${law} requires a private individual\u2019s prior consent.${stop}`;
      return fr ? `${law} exige le consentement préalable, même pour une entreprise.${stop}` : `${law} requires prior consent, businesses included.${stop}`;
    case 'unknown':
      return fr
        ? 'Prospect Guard ne sait pas si ce destinataire est une entreprise ou un particulier. Indiquez-le : s\u2019il s\u2019agit d\u2019un particulier, son consentement est requis.'
        : 'Prospect Guard cannot tell whether this recipient is a business or a private individual. Say which: for a private individual, consent is required.';
    case 'opt-out':
      if (french) {
        return fr
          ? '« Si je n\u2019ai pas dit non, c\u2019est oui » : la prospection d\u2019un professionnel est permise si elle concerne son métier et qu\u2019il peut s\u2019y opposer simplement.'
          : '"If I did not say no, it is yes": prospecting a professional is allowed if it relates to their job and they can object simply.';
      }
      return fr
        ? `${law} permet de prospecter ce destinataire tant qu\u2019il ne s\u2019y est pas opposé : chaque message doit lui permettre de s\u2019opposer simplement.`
        : `${law} allows prospecting this recipient as long as they have not objected: every message must let them object simply.`;
    case 'organization':
      if (isFrenchGenericAddressRule(rule)) {
        return fr
          ? 'Une adresse générique (contact@, info@…) d\u2019une personne morale n\u2019est pas soumise aux règles de consentement ni d\u2019opposition. Les mentions obligatoires « dans tous les cas » s\u2019appliquent : annonceur identifiable, objet lié à l\u2019offre, moyen gratuit de se désinscrire.'
          : 'A generic address (contact@, info@…) of a legal person is outside consent and objection rules. The "in all cases" notices apply: an identifiable advertiser, a subject related to the offer, a free way to unsubscribe.';
      }
      return fr
        ? `${law} permet d\u2019écrire à l\u2019adresse générique d\u2019une entreprise : chaque message doit permettre de s\u2019opposer simplement.`
        : `${law} allows writing to a business\u2019s generic address: every message must offer a simple way to object.`;
    case 'consent':
      return fr
        ? 'Vous avez enregistré le consentement des destinataires particuliers. La ligne de désinscription reste obligatoire.'
        : 'You recorded the consent of the private recipients. The unsubscribe line is still required.';
    default:
      return null;
  }
}

/** The message's wording: headline and body for the strictest verdict, the introduction to offer, notes. */
export function messageWording(recipients: readonly WordingInput[], lang: Lang): MessageWording {
  const l: Lang = lang === 'en' ? 'en' : 'fr';
  const list = Array.isArray(recipients) ? recipients.filter((x) => x && typeof x === 'object' && x.result) : [];
  const verdicts = list.map((x) => recipientVerdict(x.result, x.consent));
  const verdict = strictest(verdicts);
  if (verdict === 'none') return { verdict, headline: l === 'fr' ? 'Aucun destinataire' : 'No recipients', body: null, introduction: null, notes: [] };
  const at = list.filter((_, i) => verdicts[i] === verdict);
  const headline = at.length === 1 ? capitalize(recipientWording(at[0]!.result, l, at[0]!.consent).title) : HEADLINE_MANY[verdict][l](at.length);
  // Business recipients get the B2B introduction, private ones who consented the consumer one; one
  // text cannot be right for both, so a message that mixes them gets none, and a note.
  const prospected = verdicts.filter((v) => v !== 'internal');
  const business = prospected.some((v) => v === 'opt-out' || v === 'organization');
  const consented = prospected.some((v) => v === 'consent');
  let introduction: IntroAudience | null = null;
  const notes: string[] = [];
  if (verdict === 'opt-out' || verdict === 'organization' || verdict === 'consent') {
    if (business && consented) {
      notes.push(
        l === 'fr'
          ? 'Ce message s\u2019adresse à la fois à des professionnels et à un particulier qui a donné son consentement : envoyez-leur des messages séparés, la présentation n\u2019est pas la même.'
          : 'This message reaches both business recipients and a private individual who gave consent: send them separate messages, the introduction is not the same.',
      );
    } else introduction = consented ? 'consumer' : 'business';
  }
  const elsewhere = list.filter((x) => x.result.flags.includes('jurisdiction-not-covered'));
  if (elsewhere.length > 0) {
    const info = jurisdictionInfo(elsewhere[0]!.result.jurisdiction);
    notes.push(
      l === 'fr'
        ? `Droit local non couvert pour ${elsewhere.length === 1 ? '1 destinataire' : `${elsewhere.length} destinataires`} : règles ${info.adjFr.fp} appliquées, vérifiez.`
        : `Local law not covered for ${elsewhere.length === 1 ? '1 recipient' : `${elsewhere.length} recipients`}: ${info.adjEn} rules applied; check.`,
    );
  }
  return { verdict, headline, body: bodyFor(verdict, at[0]?.result, l), introduction, notes };
}
