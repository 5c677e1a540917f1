/**
 * A legal source as people read it, in their language: the citation (`ref`: law and text names only), then its note
 * (what the source says, how the rules read it) — "CPCE art. L34-5 (protège toute personne physique ; …)" /
 * "CPCE art. L34-5 (any natural person; …)". French puts a space before the semicolons between texts. Small and
 * without imports: the content script renders sources too (the invalid-address reasons, the overlay's source line).
 */
import type { Lang } from './reasons-invalid.js';
import type { Localizable, Source } from './types.js';

/** The text in `lang`; a proper name is the same in every language. */
export function inLang(t: Localizable | undefined, lang: Lang): string {
  if (typeof t === 'string') return t;
  return t ? (t[lang] ?? t.en ?? '') : '';
}

/** French spacing before the semicolons between cited texts. */
function spaced(citation: string, lang: Lang): string {
  return lang === 'fr' ? citation.replace(/ ?; /g, ' ; ') : citation;
}

/** The citation alone: "CPCE art. L34-5", "RGPD art. 14(2)(f)" / "GDPR art. 14(2)(f)". */
export function sourceRef(source: Source, lang: Lang): string {
  return spaced(inLang(source.ref, lang), lang);
}

/** The citation with its note: "CPCE art. L34-5 (toute personne physique)". */
export function sourceText(source: Source, lang: Lang): string {
  const note = inLang(source.note, lang);
  return note ? `${sourceRef(source, lang)} (${note})` : sourceRef(source, lang);
}

/** The citation in a title: the source's short form, else its citation up to the first ';'. */
export function shortCitation(source: Source, lang: Lang): string {
  return source.short !== undefined ? spaced(inLang(source.short, lang), lang) : sourceRef(source, lang).split(';')[0]!.trim();
}
