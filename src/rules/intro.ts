/**
 * The first contact's introduction, as pure text: the four elements the reference asks for —
 * the sender's activity, where the contact came from, that offers may follow unless the person
 * objects, and the way to object.
 *
 * API
 * - `INTRO_ELEMENTS` — the one definition of the element ids (the overlay's checklist and the
 *   message checks use them).
 * - `buildIntroduction(settings, lang, audience?)` — the text, and which elements the settings
 *   really fill. Nothing unfinished is ever produced: until the activity and the contact source are
 *   set, `ready` is false, `intro` is empty and those elements are `null` and listed in `missing`.
 *   `audience` 'consumer' words it for a private person who gave consent (no "professional
 *   details", no "your profession").
 * - `unsubscribeLink(value)` — the link for the unsubscribe line.
 *
 * French that reads right whatever the user types: "de" is elided and contracted ("d'Exemple PME",
 * "du salon Vivatech", "de l'annuaire", "des Galeries Lafayette"); a source typed with its own
 * preposition ("sur LinkedIn", "lors du salon …") gets a sentence that takes it as it is.
 */
import { parseAddress } from './address.js';
import type { Lang } from './reasons.js';

export interface IntroSettings {
  senderName: string;
  company: string;
  /** What the company does, as a phrase ("nous éditons un logiciel de paie pour les PME"). */
  activity: string;
  /** Where the contact details were found ("l'annuaire de la CCI", "le salon Vivatech", "sur LinkedIn"). */
  contactSource: string;
  /** An https URL, or an email address (turned into a mailto: link). Empty: "reply STOP". */
  unsubscribe: string;
}

export type IntroElement = 'activity' | 'contact-source' | 'future-offers' | 'unsubscribe';

/** The element ids, in the order the introduction presents them. */
export const INTRO_ELEMENTS: readonly IntroElement[] = Object.freeze(['activity', 'contact-source', 'future-offers', 'unsubscribe'] as const);

/** Who the introduction speaks to: a professional at their work address, or a private person who gave consent. */
export type IntroAudience = 'business' | 'consumer';

export interface Introduction {
  /** Every element is filled from the settings: only then is `intro` insertable. */
  ready: boolean;
  /** The elements the settings do not fill yet, in INTRO_ELEMENTS order. */
  missing: IntroElement[];
  /** Per element: really filled (what a checklist ✓ means). */
  filled: Record<IntroElement, boolean>;
  /** The paragraph: activity, contact source, future offers ('' until ready). */
  intro: string;
  /** The line with the way to object (link or "reply STOP"); always filled. */
  unsubscribe: string;
  /** Each element's sentence, null while missing. */
  elements: Record<IntroElement, string | null>;
}

const MAX_FIELD = 500;

/** One line, spaces collapsed, no trailing period (or , ; :), capped. */
function clean(v: unknown): string {
  if (typeof v !== 'string') return '';
  let s = v.replace(/\s+/g, ' ').trim();
  if (s.length > MAX_FIELD) s = s.slice(0, MAX_FIELD).trim();
  while (/[.,;:]$/.test(s) && !s.endsWith('...')) s = s.slice(0, -1).trimEnd();
  return s;
}

/** `s` followed by a period, unless it already ends with ! ? or an ellipsis. */
function sentence(s: string): string {
  return /[!?…]$|\.\.\.$/.test(s) ? s : `${s}.`;
}

/**
 * "de" + a French noun phrase, elided and contracted: "Exemple PME" → "d’Exemple PME",
 * "le salon X" → "du salon X", "les Galeries" → "des Galeries", "la CCI" → "de la CCI",
 * "l'annuaire" → "de l’annuaire", "un salon" → "d’un salon", "des salons" → "de salons".
 * Null when the phrase starts with a preposition ("sur LinkedIn", "lors du salon"): it takes no
 * "de"; and when it starts with an h, which may be mute ("d’Hôtel du Port") or not ("de Hachette").
 */
export function frenchDe(phrase: string): string | null {
  const s = phrase.trim();
  const elided = /^([lL])['’](.+)$/su.exec(s);
  if (elided) return `de ${elided[1]}’${elided[2]}`; // "l'annuaire" → "de l’annuaire", "L'Oréal" → "de L’Oréal"
  if (/^d['’]/i.test(s)) return null; // "d'un salon": already has its "de"
  const space = s.indexOf(' ');
  const first = (space < 0 ? s : s.slice(0, space)).toLowerCase();
  const rest = space < 0 ? '' : s.slice(space + 1).trimStart();
  if (FR_PREPOSITIONS.has(first) || /^h/i.test(s)) return null;
  if (rest.length > 0) {
    if (first === 'le') return `du ${rest}`;
    if (first === 'les') return `des ${rest}`;
    if (first === 'des') return `de ${rest}`;
    if (first === 'la') return `de ${s}`;
    if (first === 'un' || first === 'une') return `d’${first} ${rest}`;
  }
  return /^[aeiouyàâäéèêëîïôöùûüÿæœ]/i.test(s) ? `d’${s}` : `de ${s}`;
}

/** The phrase starts with a preposition ("sur LinkedIn", "lors du salon", "d'un annuaire"): it can follow a verb as it is. */
function startsWithPreposition(s: string): boolean {
  return /^d['\u2019]/i.test(s) || FR_PREPOSITIONS.has(firstWord(s));
}

/** First words that are prepositions (or start a prepositional phrase): the phrase is used as it is. */
const FR_PREPOSITIONS: ReadonlySet<string> = new Set([
  'à', 'au', 'aux', 'sur', 'chez', 'via', 'lors', 'pendant', 'par', 'dans', 'en', 'auprès', 'depuis', 'grâce', 'parmi', 'avec', 'selon', 'durant', 'de', 'du', 'dès', 'après', 'suite',
]);

const EN_PREPOSITIONS: ReadonlySet<string> = new Set(['on', 'at', 'via', 'through', 'from', 'during', 'in', 'by', 'while', 'when', 'after', 'with', 'thanks']);

function firstWord(s: string): string {
  const m = /^[^\s]+/.exec(s);
  return m ? m[0].toLowerCase() : '';
}

/**
 * The link for the unsubscribe line: an http(s) URL as is, "mailto:" kept, an email address
 * turned into "mailto:addr", a bare "site.fr/path" prefixed with https://. Null when none.
 */
export function unsubscribeLink(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (v.length === 0 || v.length > 2000 || /\s/.test(v)) return null;
  const lower = v.toLowerCase();
  if (lower.startsWith('https://') || lower.startsWith('http://')) return v.length > 8 ? v : null;
  if (lower.startsWith('mailto:')) {
    const p = parseAddress(v);
    return p.ok ? v : null;
  }
  if (v.indexOf('@') >= 0) {
    const p = parseAddress(v);
    return p.ok ? `mailto:${p.local}@${p.asciiDomain}` : null;
  }
  if (v.indexOf('.') > 0 && v.indexOf('<') < 0 && v.indexOf('"') < 0) return `https://${v}`;
  return null;
}

function frenchElements(senderName: string, company: string, activity: string, source: string, link: string | null, audience: IntroAudience): Record<IntroElement, string | null> {
  const from = company ? frenchDe(company) : null;
  let who = '';
  if (senderName && company) who = from !== null ? `Je suis ${senderName}, ${from}. ` : `Je suis ${senderName} (${company}). `;
  else if (senderName) who = `Je suis ${senderName}. `;
  else if (company) who = from !== null ? `Je vous écris au nom ${from}. ` : `Je vous écris pour ${company}. `;
  const consumer = audience === 'consumer';
  let contact: string | null;
  if (consumer) contact = 'Vous recevez ce message parce que vous avez accepté de recevoir nos offres.';
  else if (!source) contact = null;
  else {
    const de = frenchDe(source);
    if (de !== null) contact = sentence(`Vos coordonnées professionnelles proviennent ${de}`);
    else if (startsWithPreposition(source)) contact = sentence(`Nous avons obtenu vos coordonnées professionnelles ${source}`);
    else contact = sentence(`Source de vos coordonnées professionnelles : ${source}`); // "Hachette …": no article to guess
  }
  return {
    activity: activity ? `${who}${sentence(`Notre activité : ${activity}`)}` : null,
    'contact-source': contact,
    'future-offers': consumer
      ? 'Nous pourrons vous adresser d\u2019autres offres, sauf si vous vous y opposez ; vous pouvez retirer votre accord à tout moment.'
      : 'Nous pourrons vous adresser à l\u2019avenir des offres en rapport avec votre activité professionnelle, sauf si vous vous y opposez.',
    unsubscribe: link
      ? `Pour vous y opposer et ne plus recevoir nos messages : ${link}`
      : 'Pour vous y opposer et ne plus recevoir nos messages, répondez simplement « STOP » à ce message.',
  };
}

function englishElements(senderName: string, company: string, activity: string, source: string, link: string | null, audience: IntroAudience): Record<IntroElement, string | null> {
  let who = '';
  if (senderName && company) who = `I am ${senderName}, from ${company}. `;
  else if (senderName) who = `I am ${senderName}. `;
  else if (company) who = `I am writing on behalf of ${company}. `;
  const consumer = audience === 'consumer';
  let contact: string | null;
  if (consumer) contact = 'You are receiving this message because you agreed to receive our offers.';
  else if (!source) contact = null;
  else {
    contact = EN_PREPOSITIONS.has(firstWord(source))
      ? sentence(`We obtained your business contact details ${source}`)
      : sentence(`Your business contact details come from ${source}`);
  }
  return {
    activity: activity ? `${who}${sentence(`Our business: ${activity}`)}` : null,
    'contact-source': contact,
    'future-offers': consumer
      ? 'We may send you other offers unless you object; you can withdraw your consent at any time.'
      : 'We may send you offers related to your work in the future, unless you object.',
    unsubscribe: link ? `To object and stop receiving our messages: ${link}` : 'To object and stop receiving our messages, simply reply "STOP" to this message.',
  };
}

/** Builds the introduction paragraph and unsubscribe line in French or English, and says which elements are filled. */
export function buildIntroduction(settings: Partial<IntroSettings> | null | undefined, lang: Lang, audience: IntroAudience = 'business'): Introduction {
  const s = settings !== null && typeof settings === 'object' ? settings : {};
  const senderName = clean(s.senderName);
  const company = clean(s.company);
  const activity = clean(s.activity);
  const contactSource = clean(s.contactSource);
  const link = unsubscribeLink(s.unsubscribe);
  const aud: IntroAudience = audience === 'consumer' ? 'consumer' : 'business';
  const elements = (lang === 'en' ? englishElements : frenchElements)(senderName, company, activity, contactSource, link, aud);
  const filled = {} as Record<IntroElement, boolean>;
  const missing: IntroElement[] = [];
  for (const id of INTRO_ELEMENTS) {
    filled[id] = elements[id] !== null;
    if (!filled[id]) missing.push(id);
  }
  const ready = missing.length === 0;
  return {
    ready,
    missing,
    filled,
    intro: ready ? `${elements.activity} ${elements['contact-source']} ${elements['future-offers']}` : '',
    unsubscribe: elements.unsubscribe!,
    elements,
  };
}

// ---------------------------------------------------------------------------------------------
// The short variant: a LinkedIn invitation note (200 characters on a free account, 300 with Premium / Sales
// Navigator). The same four elements in one paragraph, from the longest wording to the shortest; the caller keeps
// the longest that fits what is left in the note. The way to object: the user's link when it fits, else "reply STOP"
// (law.md: a free way to ask the messages to stop; "reply STOP" is one).

export interface NoteIntroduction {
  /** The activity is set (and, for a business note, where the contact comes from). */
  ready: boolean;
  missing: IntroElement[];
  filled: Record<IntroElement, boolean>;
  /** Each variant holds the four elements, longest first, no two alike; empty until ready. */
  variants: string[];
}

/** The variants of a note's introduction (see above). */
export function buildNoteIntroduction(settings: Partial<IntroSettings> | null | undefined, lang: Lang, audience: IntroAudience = 'business'): NoteIntroduction {
  const full = buildIntroduction(settings, lang, audience);
  if (!full.ready) return { ready: false, missing: full.missing, filled: full.filled, variants: [] };
  const s = settings ?? {};
  const name = clean(s.senderName);
  const company = clean(s.company);
  const activity = clean(s.activity);
  const source = clean(s.contactSource);
  const link = unsubscribeLink(s.unsubscribe);
  const consumer = audience === 'consumer';
  const fr = lang !== 'en';
  const out: string[] = [];
  const add = (v: string) => {
    const t = v.replace(/\s+/g, ' ').trim();
    if (t && !out.includes(t)) out.push(t);
  };
  const who = company || name;
  if (fr) {
    const objects = [...(link ? [`Pour vous y opposer : ${link}.`] : []), 'Pour vous y opposer, répondez « STOP ».'];
    const offers = consumer
      ? 'Nous pourrons vous adresser d\u2019autres offres, sauf si vous vous y opposez.'
      : 'Nous pourrons vous adresser des offres en rapport avec votre activité, sauf si vous vous y opposez.';
    const from = consumer ? 'Vous avez accepté de recevoir nos offres.' : full.elements['contact-source']!;
    const lead = who ? `${who} \u2014 ${sentence(`notre activité : ${activity}`)}` : sentence(`Notre activité : ${activity}`);
    for (const o of objects) {
      add(`${full.elements.activity} ${from} ${offers} ${o}`);
      add(`${lead} ${from} ${offers} ${o}`);
    }
    const shortFrom = consumer ? 'Vous avez accepté nos offres.' : sentence(`Source de vos coordonnées : ${source}`);
    const brief = `${who ? `${who} : ` : ''}${sentence(activity)}`;
    if (link) add(`${brief} ${shortFrom} D\u2019autres offres pourront suivre, sauf opposition : ${link}`);
    add(`${brief} ${shortFrom} D\u2019autres offres pourront suivre, sauf opposition : répondez « STOP ».`);
    add(`${brief} ${consumer ? 'Offres acceptées.' : sentence(`Source : ${source}`)} Offres possibles, sauf opposition (STOP).`);
  } else {
    const objects = [...(link ? [`To object: ${link}`] : []), 'To object, reply "STOP".'];
    const offers = consumer ? 'We may send you other offers unless you object.' : 'We may send you offers related to your work in the future, unless you object.';
    const from = consumer ? 'You agreed to receive our offers.' : full.elements['contact-source']!;
    const lead = who ? `${who} \u2014 ${sentence(`our business: ${activity}`)}` : sentence(`Our business: ${activity}`);
    for (const o of objects) {
      add(`${full.elements.activity} ${from} ${offers} ${o}`);
      add(`${lead} ${from} ${offers} ${o}`);
    }
    const shortFrom = consumer ? 'You agreed to our offers.' : sentence(`Source of your details: ${source}`);
    const brief = `${who ? `${who}: ` : ''}${sentence(activity)}`;
    if (link) add(`${brief} ${shortFrom} Offers may follow unless you object: ${link}`);
    add(`${brief} ${shortFrom} Offers may follow unless you object: reply STOP.`);
    add(`${brief} ${consumer ? 'Offers agreed.' : sentence(`Source: ${source}`)} Offers may follow; reply STOP to object.`);
  }
  out.sort((a, b) => b.length - a.length);
  return { ready: true, missing: [], filled: full.filled, variants: out };
}
