/**
 * The introduction the overlay suggests, from the user's intro settings. Only a complete one carries text: until the
 * sender's activity and the contact's source are set, the overlay gets what its inline setup needs instead, so no
 * placeholder can ever be inserted into a message.
 */
import { buildIntroduction, type IntroSettings } from '../rules/intro';
import type { Settings, UiLang } from '../storage/schema';
import type { FilledElements, IntroductionText } from './protocol';

/**
 * Which of the four elements the user's settings really fill. The one place that decides it on this side; the rules
 * engine's own answer replaces it when it exports one.
 * - activity, contact source: only what the user wrote (the engine's defaults are placeholders);
 * - future offers: the template's own sentence, always there;
 * - unsubscribe: a link or address the user gave, or "reply STOP" by default — a real way to object either way.
 */
export function filledElements(intro: IntroSettings): FilledElements {
  return {
    activity: intro.activity.trim() !== '',
    'contact-source': intro.contactSource.trim() !== '',
    'future-offers': true,
    unsubscribe: true,
  };
}

export function introductionFor(settings: Settings, lang: UiLang): IntroductionText {
  const filled = filledElements(settings.intro);
  if (!Object.values(filled).every(Boolean)) {
    const { activity, contactSource, unsubscribe } = settings.intro;
    return { complete: false, filled, setup: { activity, contactSource, unsubscribe } };
  }
  const intro = buildIntroduction(settings.intro, lang);
  return { complete: true, intro: intro.intro, unsubscribe: intro.unsubscribe, filled };
}
