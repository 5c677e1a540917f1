/** The introduction the overlay suggests, from the user's intro settings (rules-engine defaults where empty). */
import { buildIntroduction } from '../rules/intro';
import type { Settings, UiLang } from '../storage/schema';
import type { IntroductionText } from './protocol';

export function introductionFor(settings: Settings, lang: UiLang): { text: IntroductionText; isDefault: boolean } {
  const intro = buildIntroduction(settings.intro, lang);
  // The defaults for these two read as placeholders ("à préciser dans les options").
  const isDefault = !settings.intro.activity || !settings.intro.contactSource;
  return { text: { intro: intro.intro, unsubscribe: intro.unsubscribe, elements: intro.elements }, isDefault };
}
