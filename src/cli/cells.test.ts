import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { soleAddress, splitCell } from './cells';

describe('splitCell', () => {
  it('one address, with or without a display name', () => {
    expect(splitCell(' a@x.fr ')).toEqual(['a@x.fr']);
    expect(splitCell('"Dupont, Jean" <j@x.fr>')).toEqual(['"Dupont, Jean" <j@x.fr>']);
    expect(splitCell('Dupont, Jean <j@x.fr>')).toEqual(['Dupont, Jean <j@x.fr>']);
    expect(splitCell('not an address')).toEqual(['not an address']);
    expect(splitCell('')).toEqual([]);
  });

  it('several: Google " ::: ", HubSpot ";", commas, spaces, slashes', () => {
    expect(splitCell('h@acme.fr ::: h@gmail.com')).toEqual(['h@acme.fr', 'h@gmail.com']);
    expect(splitCell('a@x.fr;b@y.fr')).toEqual(['a@x.fr', 'b@y.fr']);
    expect(splitCell('Jean <jean@x.fr>, Claire <c@orange.fr>')).toEqual(['Jean <jean@x.fr>', 'Claire <c@orange.fr>']);
    expect(splitCell('a@x.fr b@y.fr')).toEqual(['a@x.fr', 'b@y.fr']);
    expect(splitCell('a@x.fr / b@y.fr')).toEqual(['a@x.fr', 'b@y.fr']);
    expect(splitCell('a@x.fr\nb@y.fr')).toEqual(['a@x.fr', 'b@y.fr']);
  });
});

describe('soleAddress', () => {
  it('the trimmed cell when nothing in it can separate addresses, "" when blank, else null (to be split)', () => {
    expect(soleAddress('jean@acme.fr')).toBe('jean@acme.fr');
    expect(soleAddress(' jean@acme.fr\u00a0')).toBe('jean@acme.fr');
    expect(soleAddress('n/a')).toBe('n/a');
    expect(soleAddress(' \t')).toBe('');
    for (const c of ['a@x.fr b@y.fr', 'a@x.fr,b@y.fr', 'a@x.fr;b', 'h@acme.fr ::: h@gmail.com', 'Jean <j@x.fr>', '"j@x.fr"', 'a\u2003b']) expect(soleAddress(c)).toBeNull();
  });

  it('null exactly when the trimmed cell holds a separator or a space (property)', () => {
    const cell = fc.array(fc.constantFrom('a', '@', '.', 'x.fr', ' ', ',', ';', ':', '<', '>', '"', '\u00a0', '\n', '/'), { maxLength: 10 }).map((a) => a.join(''));
    fc.assert(
      fc.property(cell, (c) => {
        const t = c.trim();
        const separated = [...t].some((ch) => ',;:<" \u00a0\n'.includes(ch));
        expect(soleAddress(c)).toBe(separated ? null : t);
      }),
      { numRuns: 500 },
    );
  });
});
