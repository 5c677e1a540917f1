/**
 * localClass: what a local part says by itself, in every form people write a listed word in. The
 * forms are looked up only when the local part's head (what comes before its first digit or
 * separator) may begin a listed word (see mayBeListed): these cases cross that check from both sides.
 */
import { describe, expect, it } from 'vitest';
import { FR_ROLE_WORDS, PERSON_TITLES } from './data/roles.js';
import { LOCAL_CLASS_IMPERSONAL, LOCAL_CLASS_NONE, LOCAL_CLASS_TITLE, localClass, mayBeListed, ROLE_LOCAL_PARTS } from './roles.js';

const compact = (w: string) => w.replace(/[._-]/g, '');

describe('localClass', () => {
  it('every function title, as written, numbered and without separators, is a title', () => {
    for (const { word } of PERSON_TITLES) {
      for (const form of [word, `${word}2`, `${word}-01`, compact(word)]) expect(localClass(form), form).toBe(LOCAL_CLASS_TITLE);
    }
  });

  it('every French role word, as written and numbered, is impersonal; prefix words also before a city', () => {
    const titles = new Set(PERSON_TITLES.map((e) => compact(e.word)));
    for (const { word, prefix } of FR_ROLE_WORDS) {
      if (titles.has(compact(word))) continue;
      const forms = [word, `${word}2`, `${word}_3`];
      if (prefix) forms.push(`${word}.lyon`, `${word}-paris.nord`);
      for (const form of forms) expect(localClass(form), form).toBe(LOCAL_CLASS_IMPERSONAL);
    }
  });

  it('the listed words of role-based-email-addresses are impersonal', () => {
    for (const word of ROLE_LOCAL_PARTS) expect(localClass(word), word).toBe(LOCAL_CLASS_IMPERSONAL);
  });

  it('short, numbered or separated beginnings are still looked up ("rh", "rh.paris", "it2", "e-commerce")', () => {
    const short = [...ROLE_LOCAL_PARTS].filter((w) => compact(w).length < 3);
    expect(short.length).toBeGreaterThan(0);
    for (const w of short) {
      expect(localClass(w), w).toBe(LOCAL_CLASS_IMPERSONAL);
      expect(localClass(`${w}2`), `${w}2`).toBe(LOCAL_CLASS_IMPERSONAL);
    }
    const separated = [...ROLE_LOCAL_PARTS].filter((w) => /[._-]/.test(w.slice(0, 3)));
    for (const w of separated) expect(localClass(w), w).toBe(LOCAL_CLASS_IMPERSONAL);
  });

  it('accents are folded before the words are looked up', () => {
    expect(localClass('comptabilité')).toBe(localClass('comptabilite'));
    expect(localClass('comptabilite')).toBe(LOCAL_CLASS_IMPERSONAL);
  });

  it('nominative local parts are neither', () => {
    for (const l of ['jdupont', 'jean.martin', 'marie.curie', 'j.dupont', 'jean-baptiste.leroy42', 'zoé', 'ahmed_b', 'x', '', 'a'.repeat(65)]) {
      expect(localClass(l), l).toBe(LOCAL_CLASS_NONE);
    }
  });

  it('nominative local parts are not looked up; any beginning of a listed word, followed by anything after a digit or separator, is', () => {
    for (const l of ['jdupont', 'jean.martin', 'francois.durand68', 'sdurand', 'marie-curie', 'zoe_b']) expect(mayBeListed(l), l).toBe(false);
    const words = [...ROLE_LOCAL_PARTS, ...PERSON_TITLES.map((e) => e.word), ...FR_ROLE_WORDS.map((e) => e.word)];
    for (const w of words) {
      // every cut of the word, then a digit or a separator and more: the head is a beginning of w
      for (let k = 1; k <= w.length; k++) {
        const head = w.slice(0, k);
        if (/[0-9._-]/.test(head)) break;
        for (const rest of ['', '2', '.lyon', '-x9', '_']) expect(mayBeListed(head + rest), head + rest).toBe(true);
      }
    }
    // no head (a digit or separator first): always looked up
    for (const l of ['2contact', '.x', '-info', '_rh', '9']) expect(mayBeListed(l), l).toBe(true);
  });
});
