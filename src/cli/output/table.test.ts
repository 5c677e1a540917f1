import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { classify } from '../../rules/index';
import type { CliResult, Item } from '../audit';
import { fakeClassify } from '../test-support';
import { clean, tableWriter, width, wrap, wrapRanges } from './table';
import { context, itemsOf, written } from './test-helpers';

const INPUTS = ['j.dupont@acme.fr', '"Dupont, Jean" <jean@gmail.com>', 'contact@acme.fr', '', 'not an address', 'hans.muller@siemens.de'];

describe('wrap', () => {
  it('breaks at spaces only; a word wider than the column breaks after @ . or -', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('jean-baptiste.dupont@acme-industrie.fr', 16)).toEqual(['jean-baptiste.', 'dupont@acme-', 'industrie.fr']);
    for (const l of wrap('Adresse générique d’une organisation (contact@, info@, accueil@…) : coordonnées', 20)) expect(width(l)).toBeLessThanOrEqual(20);
  });
});

// Cell texts for the properties: words, breaks after "@" "." "-", accents (also combining ones), a
// no-break space, spaces in a row, an emoji (surrogates), control and bidi characters.
const PIECES = ['a', 'Z', 'é', 'e\u0301', '@', '.', '-', '_', '/', ' ', '  ', '\u00a0', '’', '😀', '\u0007', '\u202e', 'jean', 'DUPONT', 'dupont@acme-industrie.fr', '(ACME,', 'SAS)'];
const cellText = fc.array(fc.constantFrom(...PIECES), { maxLength: 16 }).map((a) => a.join(''));
// Words (of those pieces, without spaces) one space apart: the cells the table writes directly.
const WORD = fc.array(fc.constantFrom(...PIECES.filter((p) => !p.includes(' ') && !/[\ud800-\udfff\u0007\u202e]/.test(p))), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const plainText = fc.array(WORD, { maxLength: 6 }).map((a) => a.join(' '));
const anyCell = fc.oneof({ arbitrary: plainText, weight: 3 }, { arbitrary: cellText, weight: 1 });

describe('wrapRanges', () => {
  it("gives wrap's lines as pieces of the string, with their widths, or declines the strings it does not take (property)", () => {
    const out = new Int32Array(3 * 64);
    fc.assert(
      fc.property(cellText, fc.integer({ min: 1, max: 30 }), (s, w) => {
        const k = wrapRanges(s, w, out);
        const declined = /[\ud800-\udfff]/.test(s) || s.startsWith(' ') || s.endsWith(' ') || s.includes('  ') || clean(s) !== s;
        if (k < 0) {
          expect(declined || wrap(s, w).length > 64).toBe(true);
          return;
        }
        expect(declined).toBe(false);
        const lines: string[] = [];
        for (let i = 0; i < k; i++) {
          const line = s.slice(out[3 * i], out[3 * i + 1]);
          expect(out[3 * i + 2]).toBe(width(line));
          lines.push(line);
        }
        expect(lines).toEqual(wrap(s, w));
      }),
      { numRuns: 3000 },
    );
  });

  it('declines when the lines do not fit in the room it is given', () => {
    expect(wrapRanges('un deux trois', 5, new Int32Array(9))).toBe(3);
    expect(wrapRanges('un deux trois', 5, new Int32Array(6))).toBe(-1);
    expect(wrapRanges('', 5, new Int32Array(3))).toBe(1);
  });
});

describe('tableWriter', () => {
  it('writes each row exactly as the cell-by-cell reference does, at any width (property)', () => {
    const base = ['j.dupont@acme.fr', 'jean@gmail.com', 'contact@acme.fr', 'hans.muller@siemens.de', 'not an address'].map((a) => classify(a, { date: '2026-11-28' }));
    const row = fc.record({ address: anyCell, contact: anyCell, verdict: fc.integer({ min: 0, max: base.length - 1 }), gap: fc.constantFrom(1, 1, 1, 997) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom(40, 60, 80, 100, 160, 200), fc.boolean(), fc.constantFrom('fr', 'en') as fc.Arbitrary<'fr' | 'en'>, (rows, columns, hasContact, lang) => {
        let n = 1;
        const items: Item[] = rows.map((x) => {
          n += x.gap; // row numbers past the width the first rows set: the direct way declines them
          const result = { ...base[x.verdict]!, email: x.address } as CliResult;
          return { row: n, cells: [x.contact, x.address], count: 2, raw: '', contact: x.contact, entries: [{ column: 'email', input: null, result }] };
        });
        const ctx = context({ columns, hasContact, lang });
        const reference = written((w) => tableWriter(ctx, w, 2, { direct: false }), items).text;
        expect(written((w) => tableWriter(ctx, w, 2), items).text).toBe(reference);
      }),
      { numRuns: 400 },
    );
  });

  const results = INPUTS.map((a) => classify(a, { date: '2026-11-28' }));

  it('never cuts a row number, even one wider than the rows expected', () => {
    // the widths are set on the first 200 rows; the last one's number is far wider than theirs
    const items = itemsOf([...Array.from({ length: 200 }, () => classify('j.dupont@acme.fr', { date: '2026-11-28' })), classify('jean@gmail.com', { date: '2026-11-28' })]);
    items[200]!.row = 123_456_789;
    for (const direct of [true, false]) {
      const { text } = written((w) => tableWriter(context(), w, 2, { direct }), items);
      expect(text).toMatch(/^123456789 {2}jean@gmail\.com/m);
      expect(text).not.toMatch(/^ *\d{1,8}$/m);
    }
  });

  it('writes plain rows straight into the output, and a row with a control character through the reference', () => {
    const calls = (contact: string) => {
      let n = 0;
      written((w) => {
        const utf8 = w.utf8.bind(w);
        vi.spyOn(w, 'utf8').mockImplementation((...a) => (n++, utf8(...a)));
        return tableWriter(context({ hasContact: true }), w, 2);
      }, itemsOf([classify('j.dupont@acme.fr', { date: '2026-11-28' })], 1, contact));
      return n;
    };
    expect(calls('Jean Dupont (ACME)')).toBeGreaterThan(0);
    expect(calls('Jean\u0007Dupont')).toBe(0);
  });

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
