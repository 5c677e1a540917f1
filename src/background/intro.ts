/**
 * The introduction the overlay offers, from the user's settings, through the rules engine (which says what each
 * element needs and which are really filled). The user's own template for the message's language is used when it can
 * be filled for this message (src/rules/templates.ts), else the rules' wording. Only a complete one carries text:
 * until it is, the overlay gets what its inline setup needs instead, so no placeholder can ever be inserted.
 *
 * The unsubscribe link is the recipient's own when the message has one recipient (the address goes into the URL);
 * a message to several carries the link without it (everyone reads the same text).
 */
import { buildIntroduction, type IntroAudience } from '../rules/intro';
import { renderIntroTemplate, templateFor, type TemplateRecipient } from '../rules/templates';
import { unsubscribeValue } from '../rules/unsubscribe';
import type { Settings, UiLang } from '../storage/schema';
import type { IntroductionText } from './protocol';

export interface IntroductionPlace {
  /** The message's only recipient; none for a message to several. */
  recipient?: TemplateRecipient;
}

export function introductionFor(settings: Settings, lang: UiLang, audience: IntroAudience = 'business', place: IntroductionPlace = {}): IntroductionText {
  const values = { ...settings.intro, unsubscribe: unsubscribeValue(settings.unsubscribeMethod, settings.intro.unsubscribe, place.recipient?.address) };
  const setup = () => {
    const { activity, contactSource, unsubscribe } = settings.intro;
    return { activity, contactSource, unsubscribe };
  };
  // A template is the user's B2B wording; a private person who consented gets the rules' consumer wording.
  const template = audience === 'business' ? templateFor(settings.templates, lang) : null;
  if (template) {
    const t = renderIntroTemplate(template, { settings: values, audience, ...(place.recipient ? { recipient: place.recipient } : {}) });
    if (t.ready) return { complete: true, intro: t.intro, unsubscribe: t.unsubscribe, filled: t.filled, template: template.name };
    // The activity or the source is not set yet: the inline setup asks for it, whichever wording is used.
    if (t.missing.length) return { complete: false, filled: t.filled, setup: setup() };
  }
  const intro = buildIntroduction(values, lang, audience);
  if (!intro.ready) return { complete: false, filled: intro.filled, setup: setup() };
  return { complete: true, intro: intro.intro, unsubscribe: intro.unsubscribe, filled: intro.filled };
}
