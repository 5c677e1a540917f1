/**
 * The introduction on LinkedIn: the contact's source is LinkedIn (the user's own wording when it already names
 * LinkedIn, e.g. "sur LinkedIn"), so only the activity remains to be set. The texts are intro.ts's.
 */
import type { IntroSettings } from '../intro.js';
import type { Lang } from '../reasons.js';

export const LINKEDIN_SOURCE: Readonly<Record<Lang, string>> = Object.freeze({ fr: 'votre profil LinkedIn', en: 'your LinkedIn profile' });

/** The user's intro settings with LinkedIn as the contact's source. */
export function linkedinIntroSettings<T extends Partial<IntroSettings>>(intro: T, lang: Lang): T {
  const source = typeof intro?.contactSource === 'string' ? intro.contactSource : '';
  if (/linked\s*in/i.test(source)) return intro;
  return { ...intro, contactSource: LINKEDIN_SOURCE[lang === 'en' ? 'en' : 'fr'] };
}
