// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChecklist, type Analysis } from './checklist';
import type { ComposeHandle } from '../sites/types';
import type { Request } from '../background/protocol';

function answer(guard: boolean, ask: boolean): Analysis {
  return {
    ok: true,
    lang: 'fr',
    guard,
    analysis: { prospecting: true, ordinary: false, firstContact: true, status: 'first-contact', required: [], present: [], missing: [], where: {}, banned: [], reasons: [] },
    check: { ask, banned: false, who: [] },
  };
}

describe('live checklist', () => {
  let asks: Request[];
  let next: Analysis;
  let results: Analysis[];
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<div class="compose"><div class="body" contenteditable="true">Bonjour, notre offre</div></div>';
    asks = [];
    results = [];
    next = answer(true, true);
  });
  afterEach(() => vi.useRealTimers());

  function make() {
    const root = document.querySelector<HTMLElement>('.compose')!;
    const handle = { root, readSubject: () => 'Offre' } as unknown as ComposeHandle;
    return createChecklist({
      handle,
      body: () => root.querySelector<HTMLElement>('.body'),
      recipients: () => ['jean@gmail.com'],
      compose: 'c1',
      send: (async (m: Request) => {
        asks.push(m);
        return next;
      }) as never,
      onResult: (a) => results.push(a),
      idleMs: 250,
      maxWaitMs: 1000,
    });
  }

  it('reads the message once typing pauses, once per change; guardOn() is what the worker last said', async () => {
    const c = make();
    expect(c.guardOn()).toBeNull();
    c.dirty();
    c.dirty();
    expect(asks).toHaveLength(0); // nothing on the typing path
    await vi.advanceTimersByTimeAsync(300);
    expect(asks).toHaveLength(1);
    expect(asks[0]).toMatchObject({ type: 'analyzeMessage', body: 'Bonjour, notre offre', subject: 'Offre', recipients: ['jean@gmail.com'] });
    expect(c.guardOn()).toBe(true);
    c.dirty(); // the same message: not asked again
    await vi.advanceTimersByTimeAsync(300);
    expect(asks).toHaveLength(1);
    expect(c.fresh(c.snapshot())).toBe(results[0]);
    c.destroy();
  });

  it('stale() (settings, consents or the suppression list changed): the same message is no longer fresh and is judged again', async () => {
    const c = make();
    c.dirty();
    await vi.advanceTimersByTimeAsync(300);
    expect(asks).toHaveLength(1);
    next = answer(false, false); // e.g. the guard turned off in the options page
    c.stale();
    expect(c.fresh(c.snapshot())).toBeNull();
    expect(c.guardOn()).toBe(true); // until the worker answers again
    await vi.advanceTimersByTimeAsync(300);
    expect(asks).toHaveLength(2);
    expect(c.guardOn()).toBe(false);
    expect(c.fresh(c.snapshot())).toMatchObject({ guard: false });
    c.destroy();
  });
});
