import { describe, expect, it } from 'vitest';
import { isConsumerDomain, recipientVerdict, strictest } from './verdict';
import { fakeClassify } from './test-support';

describe('effective verdict', () => {
  it('maps the engine result per recipient', () => {
    expect(recipientVerdict(fakeClassify('a@gmail.com'))).toBe('opt-in');
    expect(recipientVerdict(fakeClassify('paul@acme.fr'))).toBe('opt-out');
    expect(recipientVerdict(fakeClassify('contact@acme.fr'))).toBe('organization');
    expect(recipientVerdict(fakeClassify('moi@moi.fr'))).toBe('internal');
    expect(recipientVerdict(fakeClassify('x@y.unknown'))).toBe('unknown');
    expect(recipientVerdict(fakeClassify('not an address'))).toBe('unknown');
    expect(recipientVerdict(fakeClassify('a@b.renov'))).toBe('banned');
  });

  it('a consent record satisfies an opt-in (and an undetermined address), nothing else', () => {
    const c = { date: '2026-11-28' };
    expect(recipientVerdict(fakeClassify('a@gmail.com'), c)).toBe('consent');
    expect(recipientVerdict(fakeClassify('x@y.unknown'), c)).toBe('consent');
    expect(recipientVerdict(fakeClassify('a@b.renov'), c)).toBe('banned');
    expect(recipientVerdict(fakeClassify('paul@acme.fr'), c)).toBe('opt-out');
    expect(recipientVerdict(fakeClassify('a@gmail.com'), null)).toBe('opt-in');
  });

  it('the strictest leads; consent ranks below business verdicts; empty is none', () => {
    expect(strictest([])).toBe('none');
    expect(strictest(['opt-out', 'opt-in', 'internal'])).toBe('opt-in');
    expect(strictest(['consent', 'opt-out'])).toBe('opt-out');
    expect(strictest(['consent', 'internal'])).toBe('consent');
    expect(strictest(['unknown', 'opt-out'])).toBe('unknown');
    expect(strictest(['banned', 'opt-in'])).toBe('banned');
  });

  it('knows consumer domains from the engine flags', () => {
    expect(isConsumerDomain(fakeClassify('a@gmail.com'))).toBe(true);
    expect(isConsumerDomain(fakeClassify('a@acme.fr'))).toBe(false);
  });
});
