import { describe, expect, it } from 'vitest';
import { cleanName, completeMailboxes, containsAddress, isCompleteMailbox, parseAddressList, squash, words, normLabel } from './dom-util';

describe('address helpers', () => {
  it('parses mailbox lists with names, quotes and separators', () => {
    expect(parseAddressList('Jean Dupont <jean@acme.fr>, paul@x.fr; "Durand, M." <m@d.fr>')).toEqual([
      { address: 'jean@acme.fr', name: 'Jean Dupont' },
      { address: 'paul@x.fr' },
      { address: 'm@d.fr', name: 'Durand, M.' },
    ]);
    expect(parseAddressList('Émilie Roux <émilie.roux@société.fr>')).toEqual([{ address: 'émilie.roux@société.fr', name: 'Émilie Roux' }]);
    expect(parseAddressList('no address here')).toEqual([]);
    expect(parseAddressList('<a@b.fr>')).toEqual([{ address: 'a@b.fr' }]);
  });

  it('reads addresses with the rules engine’s parser: a punycode TLD is kept whole, bare addresses are found in text', () => {
    // The old regexes cut this to "a@b.xn" (and "I have consent" then recorded the wrong address).
    expect(parseAddressList('a@b.xn--p1ai')).toEqual([{ address: 'a@b.рф' }]);
    expect(parseAddressList('Ivan <ivan@пример.рф>')).toEqual([{ address: 'ivan@пример.рф', name: 'Ivan' }]);
    expect(parseAddressList('Supprimer jean@acme.fr.')).toEqual([{ address: 'jean@acme.fr' }]);
    expect(parseAddressList('(Jean.Dupont@ACME.fr)')).toEqual([{ address: 'jean.dupont@acme.fr' }]);
    expect(parseAddressList('root@[192.0.2.1]')).toEqual([]);
    expect(parseAddressList('Jean <jean@ｇｍａｉｌ.com>')).toEqual([{ address: 'jean@gmail.com', name: 'Jean' }]);
    expect(containsAddress('a@b.xn--p1ai')).toBe(true);
    expect(isCompleteMailbox('a@b.xn--p1ai')).toBe(true);
    expect(completeMailboxes('a@b.xn--p1ai, c@d.f')).toEqual([{ address: 'a@b.рф' }]);
  });

  it('tells a complete typed mailbox from one still being typed', () => {
    for (const ok of ['a@b.fr', ' Jean <jean@acme.fr> ', 'x.y+tag@sub.example.co.uk']) expect(isCompleteMailbox(ok), ok).toBe(true);
    for (const no of ['a@b', 'a@b.f', 'jean', 'jean@', '@acme.fr', 'a@b.fr c']) expect(isCompleteMailbox(no), no).toBe(false);
    expect(completeMailboxes('a@b.fr, c@d, "X, Y" <x@y.fr>')).toEqual([{ address: 'a@b.fr' }, { address: 'x@y.fr', name: 'X, Y' }]);
    expect(containsAddress('Supprimer jean@acme.fr')).toBe(true);
    expect(containsAddress('jean@acme')).toBe(false);
  });

  it('cleans names, squashes white space, splits identifiers into words', () => {
    expect(cleanName('Jean Dupont ×', 'j@a.fr')).toBe('Jean Dupont');
    expect(cleanName(' j@a.fr ', 'j@a.fr')).toBeUndefined();
    expect(squash(' a\u00a0b\n c\u200b')).toBe('abc');
    expect(words('message-to-field')).toEqual(['message', 'to', 'field']);
    expect(words('composeTo')).toEqual(['compose', 'to']);
    expect(words('zv__COMPOSE-1_to_control')).toEqual(['zv', 'compose', '1', 'to', 'control']);
    expect(normLabel(' À : ')).toBe('à');
  });
});
