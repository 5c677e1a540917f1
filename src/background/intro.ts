/**
 * The introduction the overlay offers, from the user's intro settings, through the rules engine (which says what
 * each element needs and which are really filled). Only a complete one carries text: until it is, the overlay gets
 * what its inline setup needs instead, so no placeholder can ever be inserted into a message.
 */
import { buildIntroduction, type IntroAudience } from '../rules/intro';
import type { Settings, UiLang } from '../storage/schema';
import type { IntroductionText } from './protocol';

export function introductionFor(settings: Settings, lang: UiLang, audience: IntroAudience = 'business'): IntroductionText {
  const intro = buildIntroduction(settings.intro, lang, audience);
  if (!intro.ready) {
    const { activity, contactSource, unsubscribe } = settings.intro;
    return { complete: false, filled: intro.filled, setup: { activity, contactSource, unsubscribe } };
  }
  return { complete: true, intro: intro.intro, unsubscribe: intro.unsubscribe, filled: intro.filled };
}
