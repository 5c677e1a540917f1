/**
 * The introduction the overlay offers, from the user's settings, through the rules engine (which says what each
 * element needs and which are really filled). The user's own template for the message's language is used when it can
 * be filled for this message (src/rules/templates.ts), else the rules' wording. Only a complete one carries text:
 * until it is, the overlay gets what its inline setup needs instead, so no placeholder can ever be inserted.
 *
 * The unsubscribe link is the recipient's own when the message has one recipient (the address goes into the URL);
 * a message to several carries the link without it (everyone reads the same text). On LinkedIn the contact's source
 * is LinkedIn; an invitation note gets the template's short variant first, then the rules' short variants.
 * Each element's own sentence comes too (null while unfilled): the checklist adds a missing one on its own.
 */
import { buildIntroduction, buildNoteIntroduction, type IntroAudience } from '../rules/intro';
import { linkedinIntroSettings } from '../rules/linkedin/intro';
import { renderIntroTemplate, templateFor, templateNoteVariants, type TemplateIntroInput, type TemplateRecipient } from '../rules/templates';
import { unsubscribeValue } from '../rules/unsubscribe';
import type { IntroSettings, Settings, UiLang } from '../storage/schema';
import type { IntroductionText } from './protocol';

export interface IntroductionPlace {
  /** The message's only recipient; none for a message to several. */
  recipient?: TemplateRecipient;
  /** On LinkedIn: the contact's source is LinkedIn (rules/linkedin/intro.ts). */
  linkedin?: boolean;
  /** An invitation note: the introduction also carries its short variants. */
  note?: boolean;
}

/**
 * The note's variants for fitNote (rules/linkedin/note.ts picks the longest that fits): the user's own short variant
 * when it can be filled, and the rules' variants shorter than it, for when it does not fit.
 */
export function noteVariants(template: Parameters<typeof templateNoteVariants>[0] | null, input: TemplateIntroInput, values: Partial<IntroSettings>, lang: UiLang): string[] {
  const own = template ? templateNoteVariants(template, input) : [];
  const rules = buildNoteIntroduction(values, lang, input.audience ?? 'business').variants;
  if (!own.length) return rules;
  return [...own, ...rules.filter((v) => v.length < own[0]!.length && v !== own[0])];
}

export function introductionFor(settings: Settings, lang: UiLang, audience: IntroAudience = 'business', place: IntroductionPlace = {}): IntroductionText {
  const own = { ...settings.intro, unsubscribe: unsubscribeValue(settings.unsubscribeMethod, settings.intro.unsubscribe, place.recipient?.address) };
  const values = place.linkedin ? linkedinIntroSettings(own, lang) : own;
  const setup = () => {
    const { activity, contactSource, unsubscribe } = settings.intro;
    return { activity, contactSource, unsubscribe };
  };
  // A template is the user's B2B wording; a private person who consented gets the rules' consumer wording.
  const template = audience === 'business' ? templateFor(settings.templates, lang) : null;
  const input: TemplateIntroInput = { settings: values, audience, ...(place.recipient ? { recipient: place.recipient } : {}) };
  const withNote = (out: Extract<IntroductionText, { complete: true }>): IntroductionText => {
    if (place.note) out.note = noteVariants(template, input, values, lang);
    return out;
  };
  // The rules' sentence per element (the checklist adds a missing one on its own), whichever wording is used.
  const intro = buildIntroduction(values, lang, audience);
  const elements = intro.elements;
  if (template) {
    const t = renderIntroTemplate(template, input);
    if (t.ready) return withNote({ complete: true, intro: t.intro, unsubscribe: t.unsubscribe, filled: t.filled, elements, template: template.name });
    // The activity or the source is not set yet: the inline setup asks for it, whichever wording is used.
    if (t.missing.length) return { complete: false, filled: t.filled, setup: setup(), elements };
  }
  if (!intro.ready) return { complete: false, filled: intro.filled, setup: setup(), elements };
  return withNote({ complete: true, intro: intro.intro, unsubscribe: intro.unsubscribe, filled: intro.filled, elements });
}
