import { describe, expect, it } from 'vitest';
import { foldWords, MAX_BLOCK, splitBlocks, tokenize } from './text';

describe('tokenize', () => {
  it('folds case and accents, keeps offsets into the original text', () => {
    const text = 'Démonstration GRATUITE à 15 € — l’œuvre, e-mail';
    const t = tokenize(text);
    expect(t.map((x) => x.w)).toEqual(['demonstration', 'gratuite', 'a', '15', '€', 'l', 'oeuvre', 'e', 'mail']);
    for (const x of t) expect(text.slice(x.s, x.e).length).toBeGreaterThan(0);
    expect(text.slice(t[0]!.s, t[0]!.e)).toBe('Démonstration');
    expect(text.slice(t[6]!.s, t[6]!.e)).toBe('œuvre');
    expect(t[3]!.num).toBe(true);
    expect(t[1]!.num).toBe(false);
  });

  it('reads decomposed accents (NFD), Unicode letters beyond Latin, and skips emoji and punctuation', () => {
    const nfd = 'De\u0301couvrez'; // "Découvrez" typed with a combining accent
    expect(tokenize(nfd).map((x) => x.w)).toEqual(['decouvrez']);
    expect(tokenize(nfd)[0]!.e).toBe(nfd.length);
    expect(tokenize('Straße ÇA İstanbul').map((x) => x.w)).toEqual(['strasse', 'ca', 'istanbul']);
    expect(tokenize('Привет 👋 «offre» !!! 20%').map((x) => x.w)).toEqual(['привет', 'offre', '20', '%']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('... ,;:')).toEqual([]);
  });

  it('tokenizes a range of the text only', () => {
    const text = 'aaa bbb ccc';
    expect(tokenize(text, 4, 7).map((x) => [x.w, x.s, x.e])).toEqual([['bbb', 4, 7]]);
  });

  it('foldWords joins folded words', () => {
    expect(foldWords("J'ai trouvé vos COORDONNÉES")).toBe('j ai trouve vos coordonnees');
  });
});

describe('splitBlocks', () => {
  const texts = (s: string) => splitBlocks(s).map((b) => s.slice(b.start, b.end));

  it('cuts at blank lines and at sentence ends, trimming spaces', () => {
    const s = 'Bonjour Madame,\n\nNous sommes une agence web spécialisée dans les artisans. Seriez-vous disponible pour un appel ?\n  \n\nCordialement,\nJean';
    expect(texts(s)).toEqual([
      'Bonjour Madame,',
      'Nous sommes une agence web spécialisée dans les artisans.',
      'Seriez-vous disponible pour un appel ?',
      'Cordialement,\nJean',
    ]);
  });

  it('keeps short sentences and abbreviations with what follows', () => {
    expect(texts('Merci. À bientôt.')).toEqual(['Merci. À bientôt.']);
    expect(texts('Bonjour M. Dupont, je me permets de vous contacter.')).toEqual(['Bonjour M. Dupont, je me permets de vous contacter.']);
  });

  it('cuts a very long run without sentence end at spaces, covering all the words', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `mot${i}`).join(' ');
    const blocks = splitBlocks(words);
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect(b.end - b.start).toBeLessThanOrEqual(MAX_BLOCK);
    expect(blocks.map((b) => words.slice(b.start, b.end)).join(' ')).toBe(words);
  });

  it('respects the range and returns nothing for blank text', () => {
    expect(splitBlocks('  \n\n \n')).toEqual([]);
    const s = 'premier paragraphe\n\nsecond paragraphe';
    expect(splitBlocks(s, 0, 18).map((b) => s.slice(b.start, b.end))).toEqual(['premier paragraphe']);
  });
});
