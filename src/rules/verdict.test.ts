import { describe, expect, it } from 'vitest';
import { classify } from './classify.js';
import type { RecipientResult } from './types.js';
import { VERDICT_ORDER, compareVerdicts, isConsumerMailbox, recipientVerdict, strictest, strictestVerdict } from './verdict.js';

const D = { date: '2026-11-28', ownDomains: ['mycorp.fr'] };
const c = (s: string, o = {}) => classify(s, { ...D, ...o });

const PRIVATE = c('jean@gmail.com');
const PRO = c('jean@acme.fr');
const ORG = c('contact@acme.fr');
const INTERNAL = c('paul@mycorp.fr');
const UNKNOWN = c('x@acme.local');
const INVALID = c('not an address');
const BANNED = c('jean@gmail.com', { topic: 'energy-renovation' });
const US_PRIVATE = c('jean@gmail.com', { jurisdiction: 'US' });
const BE_ORG = c('info@firma.be');
const DE_ORG = c('info@firma.de');

describe('recipientVerdict', () => {
  it.each([
    ['private', PRIVATE, 'opt-in'],
    ['professional', PRO, 'opt-out'],
    ['organization', ORG, 'organization'],
    ['internal', INTERNAL, 'internal'],
    ['unknown', UNKNOWN, 'unknown'],
    ['invalid', INVALID, 'unknown'],
    ['banned', BANNED, 'banned'],
    ['US private (opt-out)', US_PRIVATE, 'opt-out'],
    ['BE organization (opt-out)', BE_ORG, 'organization'],
    ['DE organization (opt-in)', DE_ORG, 'opt-in'],
  ] as [string, RecipientResult, string][])('%s → %s', (_n, r, v) => {
    expect(recipientVerdict(r)).toBe(v);
  });
});

describe('strictestVerdict', () => {
  it('exports the order', () => {
    expect(VERDICT_ORDER).toEqual(['banned', 'opt-in', 'unknown', 'opt-out', 'organization', 'consent', 'internal', 'none']);
  });

  it.each([
    ['empty', [], 'none'],
    ['only internal', [INTERNAL, INTERNAL], 'internal'],
    ['internal + organization', [INTERNAL, ORG], 'organization'],
    ['only organization', [ORG], 'organization'],
    ['organization + professional', [ORG, PRO], 'opt-out'],
    ['internal + professional', [INTERNAL, PRO], 'opt-out'],
    ['professional + unknown', [PRO, UNKNOWN], 'unknown'],
    ['professional + invalid', [PRO, INVALID], 'unknown'],
    ['unknown + private', [UNKNOWN, PRIVATE], 'opt-in'],
    ['private + banned', [PRIVATE, BANNED], 'banned'],
    ['everything', [INTERNAL, ORG, PRO, UNKNOWN, INVALID, PRIVATE, BANNED], 'banned'],
    ['everything but banned', [INTERNAL, ORG, PRO, UNKNOWN, INVALID, PRIVATE], 'opt-in'],
    ['US private alone', [US_PRIVATE], 'opt-out'],
  ] as [string, RecipientResult[], string][])('%s → %s', (_n, rs, v) => {
    expect(strictestVerdict(rs)).toBe(v);
    expect(strictestVerdict([...rs].reverse())).toBe(v);
  });

  it('does not throw on junk', () => {
    expect(strictestVerdict(null as never)).toBe('none');
    expect(strictestVerdict([null as never])).toBe('unknown');
  });

  it('compareVerdicts follows the order', () => {
    expect(compareVerdicts('banned', 'opt-in')).toBeLessThan(0);
    expect(compareVerdicts('internal', 'organization')).toBeGreaterThan(0);
    expect(compareVerdicts('unknown', 'unknown')).toBe(0);
  });
});

describe('recorded consent', () => {
  const consent = { date: '2026-11-20' };
  it('satisfies an opt-in and settles an address we cannot place, nothing else', () => {
    expect(recipientVerdict(PRIVATE, consent)).toBe('consent');
    expect(recipientVerdict(c('jean@intranet.local'), consent)).toBe('consent');
    expect(recipientVerdict(c('jean@orange.fr', { topic: 'energy-renovation' }), consent)).toBe('banned');
    expect(recipientVerdict(PRO, consent)).toBe('opt-out');
    expect(recipientVerdict(ORG, consent)).toBe('organization');
    expect(recipientVerdict(INTERNAL, consent)).toBe('internal');
    expect(recipientVerdict(PRIVATE, null)).toBe('opt-in');
  });

  it('ranks below the business verdicts, above internal', () => {
    expect(strictest([])).toBe('none');
    expect(strictest(['consent', 'opt-out'])).toBe('opt-out');
    expect(strictest(['consent', 'organization'])).toBe('organization');
    expect(strictest(['consent', 'internal'])).toBe('consent');
    expect(strictest(['consent', 'opt-in'])).toBe('opt-in');
    expect(strictest(['unknown', 'opt-out'])).toBe('unknown');
  });
});

describe('consumer mailboxes', () => {
  it('are told from the flags: free webmail, ISP, disposable, student', () => {
    for (const a of ['a@gmail.com', 'a@orange.fr', 'a@yopmail.com', 'a@etu.univ-lyon1.fr']) expect(isConsumerMailbox(c(a))).toBe(true);
    for (const a of ['a@acme.fr', 'a@orange.com', 'contact@acme.fr']) expect(isConsumerMailbox(c(a))).toBe(false);
  });
});
