import { describe, expect, it } from 'vitest';
import { splitCell } from './cells';

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
