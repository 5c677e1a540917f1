/**
 * A LinkedIn member as a recipient: who they are from their headline (headline.ts), the user's own choice for
 * them (an override keyed by key.ts), and the regime of the LinkedIn channel rows (regime.ts: a direct message is
 * treated as email — LCEN art. 1, CJEU C-102/20 — not confirmed by the CNIL). The answer has the shape of an
 * address's (`RecipientResult`, with `person` set and no email), so the verdict and the wording policy
 * (wording.ts) treat both alike.
 *
 * LinkedIn does not say which country a member works in: the user's default jurisdiction applies, and a reason
 * says so.
 */
import { normalizeDate, today } from '../dates.js';
import { jurisdictionInfo, normalizeJurisdiction } from '../jurisdictions.js';
import { makeReason } from '../reasons.js';
import { FALLBACK_RULE, ruleFor, ruleReason } from '../regime.js';
import type { Audience, Flag, Jurisdiction, OverrideKind, PersonFacts, Reason, RecipientResult, Source, Topic } from '../types.js';
import { judgeHeadline, type CueKind, type HeadlineJudgement } from './headline.js';
import { normalizePersonKey } from './key.js';

export interface PersonInput {
  /** key.ts personKey: the profile id, else the name and company. */
  key: string;
  name: string;
  /** The headline under the name, as the page shows it ('' when it shows none). */
  headline: string;
  /** The organisation when the page names it apart from the headline (a Sales Navigator lockup). */
  company?: string | null;
  /** The profile picture carries LinkedIn's #OPEN_TO_WORK frame. */
  openToWork?: boolean;
}

export interface PersonOptions {
  /** The user's choices: person keys (and addresses, domains: ignored here). */
  overrides?: Readonly<Record<string, OverrideKind>>;
  /** The user's default jurisdiction (LinkedIn names no country). Default FR. */
  jurisdiction?: Jurisdiction;
  /** YYYY-MM-DD; default today. */
  date?: string;
  topic?: Topic;
}

export const PERSON_SOURCES = {
  soleTrader: {
    ref: 'CPCE art. L34-5',
    // the reason itself says that L34-5 protects every natural person
    note: {
      fr: 'la CNIL ne s\u2019est prononcée ni sur les entrepreneurs individuels ni sur les messages LinkedIn',
      en: 'no CNIL position on sole traders or on LinkedIn messages',
    },
    confidence: 'NC',
  },
} as const satisfies Record<string, Source>;

/** A headline as quoted in a reason: one line, at most 160 characters. */
function quote(headline: string): string {
  const h = headline.replace(/\s+/g, ' ').trim();
  return h.length > 160 ? `${h.slice(0, 159).trimEnd()}\u2026` : h;
}

const WHAT: Record<CueKind, { fr: string; en: string }> = {
  'private-person': { fr: 'se présente comme un particulier', en: 'presents themselves as a private individual' },
  student: { fr: 'étudiant(e)', en: 'a student' },
  apprentice: { fr: 'alternant(e) ou apprenti(e)', en: 'an apprentice or work-study student' },
  intern: { fr: 'stagiaire', en: 'an intern' },
  retired: { fr: 'retraité(e)', en: 'retired' },
  'job-seeker': { fr: 'en recherche d\u2019emploi', en: 'looking for a job' },
  'sole-trader': { fr: 'indépendant(e) ou freelance', en: 'self-employed or freelance' },
};

function headlineReason(h: HeadlineJudgement, headline: string, frameOnly: boolean): Reason {
  const q = quote(headline);
  const fr = q ? `Titre LinkedIn « ${q} »` : 'Titre LinkedIn absent';
  const en = q ? `LinkedIn headline "${q}"` : 'No LinkedIn headline';
  const atFr = h.company ? ` chez ${h.company}` : '';
  const atEn = h.company ? ` at ${h.company}` : '';
  if (h.audience === 'professional') {
    return makeReason(
      'person-professional',
      `${fr} : un poste actuel${atFr} \u2014 un professionnel. Le message doit porter sur ce rôle.`,
      `${en}: a current role${atEn} \u2014 a professional. The message must relate to that role.`,
      undefined,
      'role',
    );
  }
  const cue = h.cue;
  if (h.audience === 'private' && cue === 'sole-trader') {
    return makeReason(
      'person-sole-trader',
      `${fr} : ${WHAT[cue].fr}. Même à son compte, c\u2019est une personne physique : traité comme un particulier (consentement préalable), L34-5 protégeant toute personne physique.`,
      `${en}: ${WHAT[cue].en}. Even in business on their own, they are a natural person: treated as a private individual (prior consent), L34-5 protecting every natural person.`,
      PERSON_SOURCES.soleTrader,
      cue,
    );
  }
  if (h.audience === 'private' && cue) {
    if (frameOnly) {
      return makeReason(
        'person-private',
        `Photo de profil avec le cadre #OPEN_TO_WORK : ${WHAT[cue].fr} \u2014 traité comme un particulier (consentement préalable).`,
        `Profile picture with the #OPEN_TO_WORK frame: ${WHAT[cue].en} \u2014 treated as a private individual (prior consent).`,
        undefined,
        cue,
      );
    }
    return makeReason(
      'person-private',
      `${fr} : ${WHAT[cue].fr} \u2014 traité comme un particulier (consentement préalable).`,
      `${en}: ${WHAT[cue].en} \u2014 treated as a private individual (prior consent).`,
      undefined,
      cue,
    );
  }
  const check = { fr: ' ; vérifiez et choisissez.', en: '; check and choose.' };
  switch (h.why) {
    case 'role-and-private-cue':
      return makeReason(
        'person-unknown',
        `${fr} : un poste actuel${atFr}, mais aussi « ${WHAT[cue!].fr} »${frameOnly ? ' (cadre #OPEN_TO_WORK)' : ''} \u2014 impossible de dire à quel titre la personne sera contactée${check.fr}`,
        `${en}: a current role${atEn}, but also "${WHAT[cue!].en}"${frameOnly ? ' (#OPEN_TO_WORK frame)' : ''} \u2014 we cannot tell in which capacity the person is contacted${check.en}`,
        undefined,
        h.why,
      );
    case 'role-without-organisation':
      return makeReason(
        'person-unknown',
        `${fr} : un rôle, mais aucune organisation nommée \u2014 impossible de dire si la personne est en poste${check.fr}`,
        `${en}: a role, but no organisation named \u2014 we cannot tell whether the person holds it now${check.en}`,
        undefined,
        h.why,
      );
    case 'empty':
      return makeReason(
        'person-unknown',
        `Titre LinkedIn absent ou illisible : impossible de situer la personne${check.fr}`,
        `No readable LinkedIn headline: we cannot place the person${check.en}`,
        undefined,
        h.why,
      );
    default:
      return makeReason(
        'person-unknown',
        `${fr} : rien n\u2019indique un poste actuel dans une organisation, ni une situation de particulier${check.fr}`,
        `${en}: nothing says the person holds a current role at an organisation, or is a private individual${check.en}`,
        undefined,
        'nothing',
      );
  }
}

function countryReason(j: Jurisdiction): Reason {
  const info = jurisdictionInfo(j);
  return makeReason(
    'person-country',
    `LinkedIn ne dit pas où exerce la personne : règles ${info.adjFr.fp} appliquées (votre pays par défaut).`,
    `LinkedIn does not say where the person works: ${info.adjEn} rules applied (your default country).`,
  );
}

const OVERRIDE_REASONS: Record<OverrideKind, Reason> = {
  business: makeReason(
    'override-business',
    'Profil classé professionnel par votre réglage (exception définie pour cette personne).',
    'Profile marked as business by your setting (user override for this person).',
    undefined,
    'person',
  ),
  private: makeReason(
    'override-private',
    'Profil classé particulier par votre réglage (exception définie pour cette personne).',
    'Profile marked as private by your setting (user override for this person).',
    undefined,
    'person',
  ),
};

const hasOwn = Object.prototype.hasOwnProperty;

/** The user's choice for a person, under its key (normalised as stored). */
function overrideFor(map: Readonly<Record<string, OverrideKind>> | undefined, key: string | null): OverrideKind | null {
  if (!map || typeof map !== 'object' || !key) return null;
  if (!hasOwn.call(map, key)) return null;
  const v = map[key];
  return v === 'business' || v === 'private' ? v : null;
}

/** Judges one LinkedIn member. Never throws. */
export function judgePerson(p: PersonInput, options: PersonOptions = {}): RecipientResult {
  const name = typeof p?.name === 'string' ? p.name.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  const headline = typeof p?.headline === 'string' ? p.headline.replace(/\s+/g, ' ').trim().slice(0, 500) : '';
  const key = normalizePersonKey(p?.key) ?? String(p?.key ?? '').slice(0, 300);
  const jurisdiction = normalizeJurisdiction(options.jurisdiction) ?? 'FR';
  const date = (options.date !== undefined ? normalizeDate(options.date) : null) ?? today();
  const topic = options.topic === 'energy-renovation' || options.topic === 'home-adaptation' ? options.topic : undefined;

  const pageCompany = typeof p?.company === 'string' && p.company.trim() ? p.company.trim().slice(0, 120) : null;
  const judged = judgeHeadline(headline, { openToWork: p?.openToWork === true, company: pageCompany });
  const frameOnly = p?.openToWork === true && judged.cue === 'job-seeker' && !judgeHeadline(headline).cues.includes('job-seeker');
  const h: HeadlineJudgement = { ...judged, company: judged.company ?? pageCompany };

  const reasons: Reason[] = [];
  const flags: Flag[] = [];
  let audience: Audience = h.audience;
  const ov = overrideFor(options.overrides, key);
  if (ov) {
    audience = ov === 'business' ? 'professional' : 'private';
    flags.push('override');
    reasons.push(OVERRIDE_REASONS[ov]);
  }
  reasons.push(headlineReason(h, headline, frameOnly));
  reasons.push(countryReason(jurisdiction));
  const rule = ruleFor(jurisdiction, 'linkedin', audience, date, topic) ?? FALLBACK_RULE;
  reasons.push(ruleReason(rule));

  const person: PersonFacts = { name, headline, company: h.company, cue: h.cue ?? (h.role ? 'role' : null) };
  const result: RecipientResult = {
    input: key,
    email: null,
    domain: null,
    audience,
    regime: rule.regime,
    jurisdiction,
    flags,
    reasons,
    ruleId: rule.id,
    person,
  };
  if (name) result.name = name;
  return result;
}

/** Several members with the same options. */
export function judgePersons(list: readonly PersonInput[], options: PersonOptions = {}): RecipientResult[] {
  return Array.isArray(list) ? list.map((p) => judgePerson(p, options)) : [];
}
