// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp, type App, type AppEnv } from './app';
import { addChip, fakeAdapter, fakeI18n, fakeWorker, makeCompose, removeChip, tick, userKey, type FakeWorker } from './test-support';
import type { SiteAdapter } from '../sites/types';

function hosts(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-prospect-guard]')];
}

async function until(fn: () => boolean, ms = 1000): Promise<void> {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await tick(5);
  }
}

let worker: FakeWorker;
let app: App | null = null;

function start(extra: Partial<AppEnv> = {}, adapter: SiteAdapter | null = fakeAdapter()): App {
  app = startApp({
    doc: document,
    adapter,
    send: (m) => worker.send(m),
    i18n: fakeI18n('fr'),
    lang: 'fr',
    insert: vi.fn(() => ({ ok: true as const })),
    onStorageChange: () => () => {},
    debounceMs: 5,
    scanDebounceMs: 5,
    timeoutMs: 200,
    ...extra,
  });
  return app;
}

beforeEach(() => {
  document.body.innerHTML = '';
  worker = fakeWorker();
});
afterEach(() => {
  app?.stop();
  app = null;
});

describe('watcher lifecycle', () => {
  it('mounts on a compose already open at load and shows its verdict', async () => {
    makeCompose(document, ['jean.dupont@gmail.com']);
    start();
    expect(hosts()).toHaveLength(1);
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in');
    expect(hosts()[0].getAttribute('data-recipients')).toBe('1');
    expect(hosts()[0].parentElement?.className).toBe('slot');
    expect(worker.calls.map((c) => c.type)).toContain('hello');
  });

  it('mounts on a compose opened later, and follows chips being added and removed', async () => {
    start();
    expect(hosts()).toHaveLength(0);
    const root = makeCompose(document, []);
    await until(() => hosts().length === 1);
    await until(() => hosts()[0].getAttribute('data-verdict') === 'none');
    addChip(root, 'marie@orange.fr');
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in');
    addChip(root, 'paul.martin@acme-industrie.fr');
    await until(() => hosts()[0].getAttribute('data-recipients') === '2');
    expect(hosts()[0].getAttribute('data-verdict')).toBe('opt-in');
    removeChip(root, 'marie@orange.fr');
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-out');
    expect(hosts()[0].getAttribute('data-recipients')).toBe('1');
  });

  it('reads a typed address from the input events', async () => {
    const root = makeCompose(document, []);
    start();
    const input = root.querySelector('input')!;
    input.value = 'lea@laposte.net';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in');
  });

  it('unmounts and disconnects when the compose closes', async () => {
    const root = makeCompose(document, ['a@gmail.com']);
    const a = start();
    const session = a.watcher!.sessions.get(root)!;
    expect(session.observerCount).toBe(1);
    root.remove();
    await until(() => a.watcher!.sessions.size === 0);
    expect(session.destroyed).toBe(true);
    expect(session.observerCount).toBe(0);
    expect(hosts()).toHaveLength(0);
  });

  it('handles two composes independently', async () => {
    const one = makeCompose(document, ['a@gmail.com']);
    makeCompose(document, ['contact@acme-industrie.fr']);
    const a = start();
    await until(() => hosts().every((h) => h.getAttribute('data-state') === 'ready'));
    expect(hosts().map((h) => h.getAttribute('data-verdict'))).toEqual(['opt-in', 'organization']);
    one.remove();
    await until(() => a.watcher!.sessions.size === 1);
    expect(hosts().map((h) => h.getAttribute('data-verdict'))).toEqual(['organization']);
  });

  it('does no work and asks the worker nothing on a page without a compose window', async () => {
    const a = start();
    document.body.appendChild(document.createElement('div'));
    await tick(30);
    expect(a.watcher!.sessions.size).toBe(0);
    expect(worker.calls).toEqual([]);
    expect(hosts()).toHaveLength(0);
    // Only the document-level observer exists.
    expect(a.watcher!.observerCount()).toBe(1);
    makeCompose(document, []);
    await until(() => a.watcher!.observerCount() === 2);
  });

  it('a page busy with its own content costs no search: only an added element that may make a compose does', async () => {
    let searches = 0;
    const adapter = fakeAdapter();
    const a = start({}, { ...adapter, findComposes: (d) => (searches++, adapter.findComposes(d)) });
    expect(searches).toBe(1);
    const list = document.createElement('div');
    document.body.appendChild(list);
    for (let i = 0; i < 50; i++) {
      const row = document.createElement('div');
      row.innerHTML = `<span>Message ${i}</span><span>10:${i}</span>`;
      list.appendChild(row);
      if (i > 10) list.firstElementChild!.remove();
      list.classList.toggle('pair');
      await tick(1);
    }
    await tick(20);
    expect(searches).toBe(1);
    makeCompose(document, ['a@gmail.com']);
    await until(() => a.watcher!.sessions.size === 1);
    expect(searches).toBe(2);
  });

  it('typing in the message body never re-reads the recipients', async () => {
    const root = makeCompose(document, ['a@gmail.com']);
    let reads = 0;
    const adapter = fakeAdapter();
    start({}, {
      ...adapter,
      findComposes: (d) =>
        // The whole compose observed, body included (as the real adapters do): body mutations must be filtered out.
        adapter.findComposes(d).map((h) => ({ ...h, observeTargets: () => [h.root], readRecipients: () => (reads++, h.readRecipients()) })),
    });
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in');
    const before = reads;
    const body = root.querySelector<HTMLElement>('.body')!;
    for (let i = 0; i < 20; i++) {
      body.appendChild(document.createTextNode('x'));
      body.firstChild!.nodeValue += 'y';
      const line = document.createElement('div');
      line.textContent = `ligne ${i}`;
      body.appendChild(line);
      body.dispatchEvent(new Event('input', { bubbles: true }));
      await tick(1);
    }
    await tick(30);
    expect(reads).toBe(before);
    addChip(root, 'b@acme-industrie.fr');
    await until(() => hosts()[0].getAttribute('data-recipients') === '2');
    expect(reads).toBeGreaterThan(before);
  });

  it('an editor switched (the old body removed, a new one in its place): chips still read, the new body still ignored', async () => {
    const root = makeCompose(document, ['a@gmail.com']);
    let reads = 0;
    const adapter = fakeAdapter();
    start({}, {
      ...adapter,
      findComposes: (d) => adapter.findComposes(d).map((h) => ({ ...h, observeTargets: () => [h.root], readRecipients: () => (reads++, h.readRecipients()) })),
    });
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in');
    const old = root.querySelector('.body')!;
    const fresh = document.createElement('textarea');
    fresh.className = 'body';
    old.replaceWith(fresh);
    await tick(30);
    const before = reads;
    fresh.value = 'Bonjour';
    fresh.dispatchEvent(new Event('input', { bubbles: true }));
    fresh.appendChild(document.createTextNode('x'));
    await tick(30);
    expect(reads).toBe(before);
    removeChip(root, 'a@gmail.com');
    addChip(root, 'b@acme-industrie.fr');
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-out');
  });

  it('reads in a task of its own, not inside the event that asked', async () => {
    const root = makeCompose(document, []);
    let reads = 0;
    const adapter = fakeAdapter();
    start({}, { ...adapter, findComposes: (d) => adapter.findComposes(d).map((h) => ({ ...h, readRecipients: () => (reads++, h.readRecipients()) })) });
    await tick(30);
    const before = reads;
    const input = root.querySelector('input')!;
    input.value = 'lea@laposte.net';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(reads).toBe(before);
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in');
  });

  it('starts nothing when no adapter matches the page', () => {
    makeCompose(document, ['a@gmail.com']);
    const a = start({}, null);
    expect(a.watcher).toBeNull();
    expect(hosts()).toHaveLength(0);
  });

  it('uses the cache: a known address gets its verdict without a new round trip', async () => {
    const root = makeCompose(document, ['a@gmail.com']);
    start();
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in');
    const before = worker.calls.filter((c) => c.type === 'classify').length;
    removeChip(root, 'a@gmail.com');
    await until(() => hosts()[0].getAttribute('data-verdict') === 'none');
    addChip(root, 'a@gmail.com');
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in');
    expect(worker.calls.filter((c) => c.type === 'classify').length).toBe(before);
  });

  it('re-classifies everything when storage changes (consent recorded → consent verdict)', async () => {
    let fire: () => void = () => {};
    makeCompose(document, ['a@gmail.com']);
    start({ onStorageChange: (cb) => ((fire = cb), () => {}) });
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in');
    worker.consents['a@gmail.com'] = { address: 'a@gmail.com', date: '2026-11-28', method: 'form' };
    fire();
    await until(() => hosts()[0].getAttribute('data-verdict') === 'consent');
    const text = hosts()[0].shadowRoot!.textContent!;
    expect(text).toContain('Consentement enregistré le 2026-11-28');
  });

  it('shows "unavailable" when the worker does not answer, then recovers', async () => {
    worker.silent = true;
    makeCompose(document, ['a@gmail.com']);
    start({ retryMs: 50 });
    await until(() => hosts()[0].getAttribute('data-state') === 'unavailable');
    expect(hosts()[0].getAttribute('data-verdict')).toBe('unknown');
    expect(hosts()[0].shadowRoot!.textContent).toContain('Vérification impossible');
    worker.silent = false;
    // Retries back off (50, 100, 200 … ms); under a loaded machine give it room: what is asserted is the recovery.
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in', 10000);
  });

  it('shows the unreadable state when the adapter cannot read the recipients', async () => {
    makeCompose(document, [], { broken: true });
    start();
    expect(hosts()[0].getAttribute('data-verdict')).toBe('unreadable');
    expect(hosts()[0].hidden).toBe(false);
    expect(hosts()[0].shadowRoot!.textContent).toContain('ne peut pas lire les destinataires');
  });

  it('Esc dismisses the overlay for this compose; the verdict keeps updating', async () => {
    const root = makeCompose(document, ['a@gmail.com']);
    start();
    await until(() => hosts()[0].getAttribute('data-verdict') === 'opt-in');
    const host = hosts()[0];
    const button = host.shadowRoot!.querySelector<HTMLButtonElement>('button[data-action="dismiss"]')!;
    button.focus();
    // A page script's Escape does nothing; the user's does.
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(host.hidden).toBe(false);
    userKey(button, 'Escape');
    expect(host.hidden).toBe(true);
    removeChip(root, 'a@gmail.com');
    addChip(root, 'b@acme-industrie.fr');
    await until(() => host.getAttribute('data-verdict') === 'opt-out');
    expect(host.hidden).toBe(true);
  });

  it('an overlay in the language the user picked, not the browser’s: its strings come from the worker', async () => {
    makeCompose(document, [], { broken: true });
    start({ i18n: fakeI18n('en') });
    // Drawn at once in the browser's language, then again in French once the worker gave the strings.
    await until(() => hosts()[0].shadowRoot!.textContent!.includes('ne peut pas lire les destinataires'));
    expect(worker.calls.find((c) => c.type === 'hello')).toEqual({ type: 'hello', has: 'en' });
  });
});
