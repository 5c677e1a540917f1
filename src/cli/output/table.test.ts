import { describe, expect, it } from 'vitest';
import { classify } from '../../rules/index';
import { fakeClassify } from '../test-support';
import { tableWriter, width, wrap } from './table';
import { context, itemsOf, written } from './test-helpers';

const INPUTS = ['j.dupont@acme.fr', '"Dupont, Jean" <jean@gmail.com>', 'contact@acme.fr', '', 'not an address', 'hans.muller@siemens.de'];

describe('wrap', () => {
  it('breaks at spaces only; a word wider than the column breaks after @ . or -', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('jean-baptiste.dupont@acme-industrie.fr', 16)).toEqual(['jean-baptiste.', 'dupont@acme-', 'industrie.fr']);
    for (const l of wrap('Adresse générique d’une organisation (contact@, info@, accueil@…) : coordonnées', 20)) expect(width(l)).toBeLessThanOrEqual(20);
  });
});

describe('tableWriter', () => {
  const results = INPUTS.map((a) => classify(a, { date: '2026-11-28' }));

  for (const columns of [80, 60, 100, 160]) {
    it(`fits ${columns} columns without cutting a word`, () => {
      const { text } = written((w) => tableWriter(context({ columns, hasContact: true }), w), itemsOf(results, 1, 'Jean-Baptiste Dupont (ACME Industrie)'));
      const words = new Set(results.flatMap((r) => r.reasons[0]!.en.split(/\s+/)));
      for (const line of text.split('\n')) {
        expect(width(line), line).toBeLessThanOrEqual(columns);
        // every word of a line is a word of the input (or a label), never half of one
        for (const w of line.trim().split(/\s+/)) if (w.length > 3 && /^[a-z]+$/.test(w) && !words.has(w)) expect(text).toMatch(new RegExp(`\\b${w}\\b`));
      }
      // the reason, wrapped: each of its words, in order
      const flat = text.replace(/\s+/g, ' ');
      let at = flat.indexOf('j.dupont@acme.fr');
      for (const word of results[0]!.reasons[0]!.en.split(/\s+/)) {
        const next = flat.indexOf(word, at);
        expect(next, word).toBeGreaterThanOrEqual(0);
        at = next;
      }
    });
  }

  it('French: values, headers and typography ("Total : 6", no line starting with ":")', () => {
    const { text } = written((w) => tableWriter(context({ lang: 'fr' }), w), itemsOf(results));
    expect(text).toMatch(/^ligne +adresse +destinataire +régime +droit$/m);
    const wide = written((w) => tableWriter(context({ lang: 'fr', columns: 200 }), w), itemsOf(results)).text;
    expect(wide).toMatch(/^ligne +adresse +destinataire +régime +droit +motif principal$/m);
    expect(text).toContain('Total\u00a0: 6');
    expect(text).toContain('particulier');
    expect(text).toMatch(/Par type de destinataire\n {2}particulier +1\n/);
    for (const line of text.split('\n')) expect(line.trimStart().startsWith(':')).toBe(false);
  });

  it('the reason says why, what follows and under which country\'s law', () => {
    const { text } = written((w) => tableWriter(context({ columns: 200 }), w), itemsOf(results));
    expect(text).toMatch(/hans\.muller@siemens\.de +professional +opt-in +DE +Nominative address at an organisation’s own domain[^\n]*Consent required \(UWG §7\)\./);
  });

  it('English counts; control characters neutralised', () => {
    const { text } = written((w) => tableWriter(context(), w), itemsOf([fakeClassify('evil\u001b[31m@x.fr'), ...INPUTS.map((a) => fakeClassify(a))]));
    expect(text).not.toContain('\u001b');
    expect(text).toMatch(/Total: 7\n/);
    expect(text).toMatch(/By audience\n {2}private\s+1\n {2}professional\s+3\n {2}organization\s+1\n {2}internal\s+0\n {2}unknown\s+0\n {2}invalid\s+2\n/);
    expect(text).toMatch(/By regime\n {2}opt-in\s+1\n {2}opt-out\s+4\n {2}internal\s+0\n {2}banned\s+0\n {2}none \(invalid\)\s+2\n/);
  });
});
