// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from './app';
import { fakeAdapter, fakeI18n, fakeWorker, handleFor, makeCompose, tick, type FakeWorker } from './test-support';
import { queryAllDeep } from '../sites/shadow';

/** A page whose composes live in the open shadow root of `#outlet` (LinkedIn's `#interop-outlet`). */
const HOSTS = '#outlet';
const shadowAdapter = () =>
  fakeAdapter({
    composeHint: '.compose',
    shadowHosts: HOSTS,
    findComposes: (doc) => queryAllDeep<HTMLElement>(doc, '.compose', HOSTS).map(handleFor),
  });

function outlet(): ShadowRoot {
  const host = document.createElement('div');
  host.id = 'outlet';
  document.body.appendChild(host);
  return host.attachShadow({ mode: 'open' });
}

/** A compose made by test-support, moved into `root`. */
function composeIn(root: ShadowRoot, emails: string[]): HTMLElement {
  const c = makeCompose(document, emails);
  root.appendChild(c);
  return c;
}

const overlayHosts = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('[data-prospect-guard]')];

async function until(fn: () => boolean, ms = 1000): Promise<void> {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await tick(5);
  }
}

let worker: FakeWorker;
let app: App | null = null;
let searches = 0;
const start = () =>
  (app = startApp({
    doc: document,
    adapter: (() => {
      const a = shadowAdapter();
      const find = a.findComposes;
      return { ...a, findComposes: (d: Document) => (searches++, find(d)) };
    })(),
    send: (m) => worker.send(m),
    i18n: fakeI18n('fr'),
    lang: 'fr',
    insert: vi.fn(() => ({ ok: true as const })),
    onStorageChange: () => () => {},
    debounceMs: 5,
    scanDebounceMs: 5,
    timeoutMs: 200,
  }));

beforeEach(() => {
  document.body.innerHTML = '';
  worker = fakeWorker();
});
afterEach(() => {
  app?.stop();
  app = null;
});

describe('watching inside open shadow roots (LinkedIn’s #interop-outlet)', () => {
  it('finds a compose already inside the shadow root, and one opened there later', async () => {
    const root = outlet();
    composeIn(root, ['jean.dupont@gmail.com']);
    const a = start();
    await until(() => overlayHosts(root)[0]?.getAttribute('data-verdict') === 'opt-in');
    composeIn(root, ['paul@acme-industrie.fr']);
    await until(() => overlayHosts(root).length === 2);
    await until(() => overlayHosts(root)[1]!.getAttribute('data-verdict') === 'opt-out');
    expect(a.watcher!.sessions.size).toBe(2);
    // Nothing was mounted in the light DOM.
    expect(overlayHosts(document)).toHaveLength(0);
  });

  it('finds the host when it arrives after load, and follows a compose closing inside it', async () => {
    const a = start();
    const root = outlet();
    const c = composeIn(root, ['jean.dupont@gmail.com']);
    await until(() => a.watcher!.sessions.size === 1);
    c.remove();
    await until(() => a.watcher!.sessions.size === 0);
    expect(overlayHosts(root)).toHaveLength(0);
  });

  it('lets go of the shadow root’s observer when its host leaves, and holds none after stop', async () => {
    const a = start();
    const before = a.watcher!.observerCount();
    const root = outlet();
    composeIn(root, ['jean.dupont@gmail.com']);
    await until(() => a.watcher!.sessions.size === 1);
    // The document's observer, the shadow root's, and the compose's own.
    expect(a.watcher!.observerCount()).toBe(before + 1 + 1);
    (root.host as HTMLElement).remove();
    await until(() => a.watcher!.sessions.size === 0);
    await until(() => a.watcher!.observerCount() === before);
    // A new host is observed again.
    composeIn(outlet(), ['paul@acme-industrie.fr']);
    await until(() => a.watcher!.sessions.size === 1);
    a.stop();
    expect(a.watcher!.observerCount()).toBe(0);
  });

  it('a mutation in the shadow root that opens no compose costs no scan', async () => {
    const root = outlet();
    const a = start();
    await tick(20);
    const before = searches;
    for (let i = 0; i < 50; i++) root.appendChild(document.createElement('span'));
    await tick(30);
    expect(searches).toBe(before);
    // … while one that opens a compose does.
    composeIn(root, ['jean.dupont@gmail.com']);
    await until(() => a.watcher!.sessions.size === 1);
    expect(searches).toBeGreaterThan(before);
  });
});
