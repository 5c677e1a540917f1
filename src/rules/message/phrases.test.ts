import { describe, expect, it } from 'vitest';
import { ELEMENT_CUES, ORDINARY_CUES, PROSPECTING_CUES, REPLY_STOP_CUE, TOPIC_CUES, type Cue } from './cues';
import { buildIndex, compilePhrase, matchPhrases, PhraseError } from './phrases';
import { CUE_ENTRIES } from './scan';
import { tokenize } from './text';

function matches(phrases: string[], text: string): string[] {
  const idx = buildIndex(phrases.map((p, i) => compilePhrase(p, i)));
  return matchPhrases(idx, tokenize(text)).map((m) => `${phrases[m.cue]}=${text.slice(m.s, m.e)}`);
}

describe('phrase language', () => {
  it('matches words folded, prefixes, alternatives, numbers and gaps', () => {
    expect(matches(["j'ai trouvé vos coordonnées"], "J’ai TROUVÉ vos coordonnées sur LinkedIn")).toEqual([
      "j'ai trouvé vos coordonnées=J’ai TROUVÉ vos coordonnées",
    ]);
    expect(matches(['désinscri*'], 'Pour vous désinscrire')).toEqual(['désinscri*=désinscrire']);
    expect(matches(['offre|offres ~2 spéciale*'], 'nos offres très spéciales')).toEqual(['offre|offres ~2 spéciale*=offres très spéciales']);
    expect(matches(['offre ~1 spéciale'], 'offre vraiment très spéciale')).toEqual([]);
    expect(matches(['# % off'], 'get 30% off today')).toEqual(['# % off=30% off']);
    expect(matches(['facture n|no|#'], 'facture 2026 et facture n° 3')).toEqual(['facture n|no|#=facture 2026', 'facture n|no|#=facture n']);
    expect(matches(['de ~2 part'], 'de la part de')).toEqual(['de ~2 part=de la part']);
  });

  it('finds every place a phrase matches, and several phrases at one word', () => {
    expect(matches(['demo', 'demo ~2 call'], 'a demo call, then another demo')).toEqual(['demo=demo', 'demo ~2 call=demo call', 'demo=demo']);
  });

  it('rejects malformed phrases', () => {
    expect(() => compilePhrase('~2 offre', 0)).toThrow(PhraseError);
    expect(() => compilePhrase('offre ~2', 0)).toThrow(PhraseError);
    expect(() => compilePhrase("l'avenir|futur", 0)).toThrow(PhraseError);
    expect(() => compilePhrase('a*', 0)).toThrow(PhraseError);
    expect(() => compilePhrase('   ', 0)).toThrow(PhraseError);
  });
});

describe('cue lists (data)', () => {
  const all: Cue[] = [
    ...PROSPECTING_CUES,
    ...ORDINARY_CUES,
    ...Object.values(ELEMENT_CUES).flat(),
    REPLY_STOP_CUE,
    ...Object.values(TOPIC_CUES).flat(),
  ];

  it('every cue has a unique id, FR and EN labels, a note and phrases in both languages, all compiling', () => {
    const ids = new Set<string>();
    for (const c of all) {
      expect(ids.has(c.id), c.id).toBe(false);
      ids.add(c.id);
      expect(c.label.fr.length, c.id).toBeGreaterThan(3);
      expect(c.label.en.length, c.id).toBeGreaterThan(3);
      expect(c.note.length, c.id).toBeGreaterThan(10);
      expect(c.fr.length, c.id).toBeGreaterThan(0);
      expect(c.en.length, c.id).toBeGreaterThan(0);
      for (const p of [...c.fr, ...c.en]) expect(() => compilePhrase(p, 0), p).not.toThrow();
    }
    expect(CUE_ENTRIES.length).toBe(all.length);
  });

  it('no phrase is listed twice in one cue', () => {
    for (const c of all) for (const l of [c.fr, c.en]) expect(new Set(l).size, c.id).toBe(l.length);
  });
});
