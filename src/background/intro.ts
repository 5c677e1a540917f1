/**
 * The introduction the overlay offers, from the user's intro settings, through the rules engine (which says what
 * each element needs and which are really filled). Only a complete one carries text: until it is, the overlay gets
 * what its inline setup needs instead, so no placeholder can ever be inserted into a message. Each element's own
 * sentence comes too (null while unfilled): the checklist adds a missing one on its own.
 */
import { buildIntroduction, buildNoteIntroduction, type IntroAudience } from '../rules/intro';
import { linkedinIntroSettings } from '../rules/linkedin/intro';
import type { Settings, UiLang } from '../storage/schema';
import type { IntroductionText } from './protocol';

export interface IntroductionPlace {
  /** On LinkedIn: the contact's source is LinkedIn (rules/linkedin/intro.ts). */
  linkedin?: boolean;
  /** An invitation note: the introduction also carries its short variants. */
  note?: boolean;
}

export function introductionFor(settings: Settings, lang: UiLang, audience: IntroAudience = 'business', place: IntroductionPlace = {}): IntroductionText {
  const values = place.linkedin ? linkedinIntroSettings(settings.intro, lang) : settings.intro;
  const intro = buildIntroduction(values, lang, audience);
  if (!intro.ready) {
    const { activity, contactSource, unsubscribe } = settings.intro;
    return { complete: false, filled: intro.filled, setup: { activity, contactSource, unsubscribe }, elements: intro.elements };
  }
  const out: IntroductionText = { complete: true, intro: intro.intro, unsubscribe: intro.unsubscribe, filled: intro.filled, elements: intro.elements };
  if (place.note) out.note = buildNoteIntroduction(values, lang, audience).variants;
  return out;
}
