import { describe, expect, it } from 'vitest';
import { DISPOSABLE_LIST, FREE_MAIL_LIST } from './data/upstream.generated.js';
import {
  CONSUMER_SUPPLEMENT,
  CORPORATE_DOMAIN_SET,
  CORPORATE_EXCEPTIONS,
  TRAP_PAIRS,
  inDisposableList,
  inFreeMailList,
  isCorporateException,
  providerCountry,
  providerKind,
  supplementEntry,
} from './lists.js';
import { countLines, inSortedList } from './sorted-list.js';

const ISO = /^[A-Z]{2}$/;
const DOMAIN = /^(?:[a-z0-9-]+\.)+[a-z0-9-]+$/;
const reg = (host: string): string => host.split('.').slice(-2).join('.');

describe('sorted-list lookup', () => {
  const list = ['a.com', 'ab.com', 'b.fr', 'zz.de'].join('\n') + '\n';
  it.each([
    ['a.com', true],
    ['ab.com', true],
    ['b.fr', true],
    ['zz.de', true],
    ['a.co', false],
    ['ab.co', false],
    ['aa.com', false],
    ['', false],
    ['zz.def', false],
    ['0.com', false],
    ['b.fr\n', false],
  ])('%s → %s', (key, found) => expect(inSortedList(list, key)).toBe(found));

  it('finds every line of the shipped lists, and nothing between them', () => {
    for (const l of [FREE_MAIL_LIST, DISPOSABLE_LIST]) {
      const lines = l.slice(0, -1).split('\n');
      expect(lines.length).toBe(countLines(l));
      for (let i = 0; i < lines.length; i += 97) {
        expect(inSortedList(l, lines[i]!)).toBe(true);
        expect(inSortedList(l, lines[i]! + 'x')).toBe(lines.includes(lines[i]! + 'x'));
      }
      expect([...lines].sort()).toEqual(lines); // sorted, as the binary search needs
    }
  });
});

describe('merged upstream lists', () => {
  it('hold the maintained lists (tens of thousands of disposable domains, thousands of webmails)', () => {
    expect(countLines(DISPOSABLE_LIST)).toBeGreaterThan(140_000);
    expect(countLines(FREE_MAIL_LIST)).toBeGreaterThan(5_000);
  });
  it.each([
    ['gmail.com', 'free-mail'],
    ['sympatico.ca', 'free-mail'], // email-providers (and the supplement)
    ['hey.com', 'free-mail'], // email-providers only
    ['mailbox.org', 'free-mail'],
    ['yopmail.com', 'disposable'],
    ['mailinator.com', 'disposable'],
    ['10minutemail.com', 'disposable'],
  ])('%s is on the %s lists', (d, kind) => {
    expect(kind === 'disposable' ? inDisposableList(d) : inFreeMailList(d) || supplementEntry(d, d) !== null).toBe(true);
  });
});

describe('hand-kept data', () => {
  it('every supplement entry has a domain, a kind, an ISO country, an operator, a note and a public source; weak ones say so', () => {
    const seen = new Set<string>();
    for (const e of CONSUMER_SUPPLEMENT) {
      expect(e.domain, e.domain).toMatch(DOMAIN);
      expect(seen.has(e.domain), `${e.domain} twice`).toBe(false);
      seen.add(e.domain);
      expect(['isp', 'free-mail']).toContain(e.kind);
      expect(e.country, e.domain).toMatch(ISO);
      expect(e.operator.length, e.domain).toBeGreaterThan(1);
      expect(e.note.length, e.domain).toBeGreaterThan(10);
      expect(e.source, e.domain).toMatch(/^https:\/\//);
      expect(e.note.includes('Source weak'), e.domain).toBe(e.weak === true);
    }
  });

  it('covers France, Belgium, Switzerland, Luxembourg, Monaco, Canada, the UK and the other EU countries', () => {
    const countries = new Set(CONSUMER_SUPPLEMENT.map((e) => e.country));
    for (const c of ['FR', 'BE', 'CH', 'LU', 'MC', 'CA', 'GB', 'IE', 'DE', 'AT', 'NL', 'IT', 'ES', 'PT', 'PL', 'CZ', 'SK', 'HU', 'RO', 'BG', 'GR', 'HR', 'SI', 'LV', 'EE', 'DK', 'SE', 'FI', 'MT', 'CY']) {
      expect(countries.has(c), c).toBe(true);
    }
  });

  it('the supplement covers what free-email-domains 1.12.6 lacks, and the legacy French brands', () => {
    for (const d of ['bbox.fr', 'numericable.fr', 'cegetel.net', 'aliceadsl.fr', 'club-internet.fr', 'wanadoo.fr', 'neuf.fr', '9online.fr', 'noos.fr', 'libertysurf.fr', 'tiscali.fr', 'worldonline.fr']) {
      expect(supplementEntry(d, d)?.country, d).toBe('FR');
    }
    expect(supplementEntry('tutanota.com', 'tutanota.com')?.country).toBe('DE');
  });

  it('every corporate exception has a note; none is also a supplement consumer domain', () => {
    for (const e of CORPORATE_EXCEPTIONS) {
      expect(e.domain).toMatch(DOMAIN);
      expect(e.note.length, e.domain).toBeGreaterThan(10);
      expect(supplementEntry(e.domain, reg(e.domain)), e.domain).toBeNull();
    }
    for (const e of CONSUMER_SUPPLEMENT) expect(CORPORATE_DOMAIN_SET.has(e.domain), e.domain).toBe(false);
  });
});

describe('providerKind — each class of the supplement', () => {
  it.each(CONSUMER_SUPPLEMENT.map((e) => [e.domain, e.kind, e.country] as const))('%s → %s (%s)', (d, kind, country) => {
    const r = d.split('.').length > 2 && !d.endsWith('.co.uk') && !d.endsWith('.com.cy') ? d.split('.').slice(-2).join('.') : d;
    expect(providerKind(d, r)).toBe(kind);
    expect(providerKind('smtp.' + d, r)).toBe(kind); // subdomains too
    expect(providerCountry(d)).toBe(country);
  });
});

describe('trap pairs: the consumer domain is private, the same operator\u2019s corporate domain is not', () => {
  it.each(TRAP_PAIRS.map((p) => [p.consumer, p.corporate, p.operator] as const))('%s vs %s (%s)', (consumer, corporate) => {
    expect(providerKind(consumer, consumer)).not.toBeNull();
    const corpReg = corporate === 'rci.rogers.com' ? 'rogers.com' : corporate;
    expect(providerKind(corporate, corpReg)).toBeNull();
    expect(providerKind('mail.' + corporate, corpReg)).toBeNull();
    expect(providerCountry(corporate)).toBeNull();
  });
  it('every trap pair has a note, a country and a source', () => {
    for (const p of TRAP_PAIRS) {
      expect(p.country).toMatch(ISO);
      expect(p.note.length).toBeGreaterThan(10);
      expect(p.source).toMatch(/^https:\/\//);
    }
  });
});

describe('corporate exceptions beat the lists', () => {
  it.each(CORPORATE_EXCEPTIONS.map((e) => [e.domain] as const))('%s is never a consumer provider', (d) => {
    const r = d === 'rci.rogers.com' ? 'rogers.com' : d === 'news.hackney.gov.uk' ? 'hackney.gov.uk' : d;
    expect(providerKind(d, r)).toBeNull();
    expect(isCorporateException(d, r)).toBe(true);
  });
  it.each([
    ['bt.com', 'btinternet.com'],
    ['parrot.com', null],
    ['singpost.com', null],
    ['virginmedia.co.uk', 'virginmedia.com'],
    ['cox.com', 'cox.net'],
  ])('%s (on a maintained list) is corporate; %s stays private', (corp, consumer) => {
    expect(providerKind(corp, corp)).toBeNull();
    if (consumer !== null) expect(providerKind(consumer, consumer)).toBe('isp');
  });
  it('a staff subdomain of a consumer domain stays professional: rci.rogers.com', () => {
    expect(providerKind('rci.rogers.com', 'rogers.com')).toBeNull();
    expect(providerKind('rogers.com', 'rogers.com')).toBe('isp');
  });
});

describe('providerCountry', () => {
  it.each([
    ['btinternet.com', 'GB'], // a British ISP on .com is British
    ['telefonica.net', 'ES'], // a Spanish one on .net Spanish
    ['videotron.ca', 'CA'],
    ['sympatico.ca', 'CA'],
    ['bluewin.ch', 'CH'],
    ['skynet.be', 'BE'],
    ['pt.lu', 'LU'],
    ['monaco.mc', 'MC'],
    ['orange.fr', 'FR'],
    ['smtp.orange.fr', 'FR'],
    ['ORANGE.FR', 'FR'],
    ['gmail.com', null],
    ['orange.com', null],
    ['swisscom.com', null],
    ['acme.fr', null],
    ['fr', null],
    ['', null],
  ])('%s → %s', (d, c) => expect(providerCountry(d)).toBe(c));
});
