/**
 * The first B2B contact's introduction, as pure text: the four elements the reference asks for —
 * the sender's activity, where the contact came from, that offers may follow unless the person
 * objects, and the link to object.
 */
import { parseAddress } from './address.js';
import type { Lang } from './reasons.js';

export interface IntroSettings {
  senderName: string;
  company: string;
  /** What the company does, as a phrase ("nous éditons un logiciel de paie pour les PME"). */
  activity: string;
  /** Where the contact details were found ("l'annuaire de la CCI", "your website", "LinkedIn"). */
  contactSource: string;
  /** An https URL, or an email address (turned into a mailto: link). Empty: "reply STOP". */
  unsubscribe: string;
}

export type IntroElement = 'activity' | 'contact-source' | 'future-offers' | 'unsubscribe';

export const INTRO_ELEMENTS: readonly IntroElement[] = Object.freeze([
  'activity',
  'contact-source',
  'future-offers',
  'unsubscribe',
] as const);

export interface Introduction {
  /** The paragraph: activity, contact source, future offers. */
  intro: string;
  /** The line with the way to object (link or "reply STOP"). */
  unsubscribe: string;
  /** Each element's sentence. */
  elements: Record<IntroElement, string>;
}

/** Defaults per language; they read as placeholders to be replaced in the options. */
export const DEFAULT_INTRO_SETTINGS_BY_LANG: Readonly<Record<Lang, Readonly<IntroSettings>>> = Object.freeze({
  fr: Object.freeze({
    senderName: '',
    company: 'notre société',
    activity: 'activité à préciser dans les options de Prospect Guard',
    contactSource: 'source à préciser dans les options de Prospect Guard',
    unsubscribe: '',
  }),
  en: Object.freeze({
    senderName: '',
    company: 'our company',
    activity: 'business to be described in the Prospect Guard options',
    contactSource: 'source to be stated in the Prospect Guard options',
    unsubscribe: '',
  }),
});

/** The French defaults (the product's main language). */
export const DEFAULT_INTRO_SETTINGS: Readonly<IntroSettings> = DEFAULT_INTRO_SETTINGS_BY_LANG.fr;

const MAX_FIELD = 500;

/** One line, spaces collapsed, no trailing period, capped. */
function clean(v: unknown): string {
  if (typeof v !== 'string') return '';
  let s = v.replace(/\s+/g, ' ').trim();
  if (s.length > MAX_FIELD) s = s.slice(0, MAX_FIELD).trim();
  while (s.endsWith('.') && !s.endsWith('..')) s = s.slice(0, -1).trimEnd();
  return s;
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

/** Builds the introduction paragraph and unsubscribe line in French or English. */
export function buildIntroduction(settings: Partial<IntroSettings> | null | undefined, lang: Lang): Introduction {
  const l: Lang = lang === 'en' ? 'en' : 'fr';
  const d = DEFAULT_INTRO_SETTINGS_BY_LANG[l];
  const s = settings !== null && typeof settings === 'object' ? settings : {};
  const senderName = clean(s.senderName);
  const company = clean(s.company) || d.company;
  const activity = clean(s.activity) || d.activity;
  const contactSource = clean(s.contactSource) || d.contactSource;
  const link = unsubscribeLink(s.unsubscribe);

  let elements: Record<IntroElement, string>;
  if (l === 'fr') {
    elements = {
      activity: `${senderName ? `Je suis ${senderName}, de ${company}.` : `Je vous contacte au nom de ${company}.`} Notre activité : ${activity}.`,
      'contact-source': `Vos coordonnées professionnelles proviennent de : ${contactSource}.`,
      'future-offers':
        'Nous pourrons vous adresser à l\u2019avenir des offres en rapport avec votre activité professionnelle, sauf si vous vous y opposez.',
      unsubscribe: link
        ? `Pour vous y opposer et ne plus recevoir nos messages : ${link}`
        : 'Pour vous y opposer et ne plus recevoir nos messages, répondez simplement « STOP » à ce message.',
    };
  } else {
    elements = {
      activity: `${senderName ? `I am ${senderName}, from ${company}.` : `I am writing on behalf of ${company}.`} Our business: ${activity}.`,
      'contact-source': `Your business contact details come from: ${contactSource}.`,
      'future-offers': 'We may send you offers related to your work in the future, unless you object.',
      unsubscribe: link
        ? `To object and stop receiving our messages: ${link}`
        : 'To object and stop receiving our messages, simply reply "STOP" to this message.',
    };
  }
  return {
    intro: `${elements.activity} ${elements['contact-source']} ${elements['future-offers']}`,
    unsubscribe: elements.unsubscribe,
    elements,
  };
}
