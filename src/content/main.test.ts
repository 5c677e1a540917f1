// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeWorker, tick } from './test-support';

/** A compose the generic adapter reads: a "À" field with one chip, a subject, an editor. */
const COMPOSE = `<form>
  <div><span id="l-to">À</span><span class="puce" data-email="paul@acme-industrie.fr">paul@acme-industrie.fr<button aria-label="Retirer">×</button></span><input aria-labelledby="l-to"></div>
  <div><label for="objet">Objet</label><input id="objet"></div>
  <div contenteditable="true" aria-label="Message"><p>Bonjour</p></div></form>`;

/** The extension API a content script sees; `invalidate()` is what an update or a reload does to the old one. */
function fakeExtension() {
  const worker = fakeWorker();
  let id: string | undefined = 'abcdefghijklmnop';
  const api = {
    runtime: {
      get id() {
        return id;
      },
      sendMessage: (m: unknown) => (id ? worker.send(m as never) : Promise.reject(new Error('Extension context invalidated.'))),
    },
    i18n: { getMessage: () => '', getUILanguage: () => 'fr-FR' },
    storage: { onChanged: { addListener: vi.fn(), removeListener: vi.fn() } },
  };
  return { api, worker, invalidate: () => (id = undefined) };
}

const hosts = () => [...document.querySelectorAll('[data-prospect-guard]')];
async function until(fn: () => boolean, ms = 3000) {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await tick(10);
  }
}

async function startContentScript(api: object) {
  (globalThis as unknown as { chrome: object }).chrome = api;
  vi.resetModules();
  await import('./entries/generic');
}

beforeEach(() => {
  document.body.innerHTML = COMPOSE;
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(() => {
  const g = globalThis as unknown as Record<string, { stop(): void } | undefined>;
  g.__prospectGuardContent?.stop();
  delete g.__prospectGuardContent;
  delete (globalThis as unknown as { chrome?: object }).chrome;
  vi.restoreAllMocks();
});

describe('content script lifecycle', () => {
  it('an old instance whose extension context is gone removes its overlay and observers; the new one takes over, once', async () => {
    const first = fakeExtension();
    await startContentScript(first.api);
    await until(() => hosts().length === 1 && hosts()[0].getAttribute('data-verdict') === 'opt-out');
    const oldHost = hosts()[0];

    // Injected again by the same extension: nothing more.
    await startContentScript(first.api);
    await tick(50);
    expect(hosts()).toEqual([oldHost]);

    // The extension is reloaded: the old instance notices within its liveness check and tears down.
    first.invalidate();
    await until(() => hosts().length === 0, 2000);
    expect(first.api.storage.onChanged.addListener).toHaveBeenCalledTimes(1);
    // Its observers are gone too: a new chip wakes nothing of it.
    document.querySelector('.puce')!.after(Object.assign(document.createElement('span'), { className: 'puce', textContent: 'x@y.fr' }));
    await tick(50);
    expect(hosts()).toHaveLength(0);

    // The worker injects the new content script: one overlay, working.
    const second = fakeExtension();
    await startContentScript(second.api);
    await until(() => hosts().length === 1 && hosts()[0].getAttribute('data-state') === 'ready');
    expect(hosts()[0]).not.toBe(oldHost);
    expect(second.worker.calls.some((c) => c.type === 'classify')).toBe(true);
  });

  it('a built-in site switched off stays inert (nothing read, nothing shown) until it is switched on again', async () => {
    const ext = fakeExtension();
    ext.worker.off = true;
    await startContentScript(ext.api);
    await until(() => ext.worker.calls.some((c) => c.type === 'hello'));
    await tick(100);
    expect(hosts()).toHaveLength(0);
    expect(ext.worker.calls.every((c) => c.type === 'hello')).toBe(true);
    // Switched on (options or popup): the settings change, the script asks again and starts.
    ext.worker.off = false;
    const onChanged = ext.api.storage.onChanged.addListener.mock.calls[0]![0] as (c: Record<string, unknown>, a: string) => void;
    onChanged({ settings: {} }, 'local');
    await until(() => hosts().length === 1 && hosts()[0].getAttribute('data-state') === 'ready');
    // And off again: the overlay goes.
    ext.worker.off = true;
    onChanged({ settings: {} }, 'local');
    await until(() => hosts().length === 0);
  });

  it('a new instance injected while the old one has not noticed yet stops it first (same world)', async () => {
    const first = fakeExtension();
    await startContentScript(first.api);
    await until(() => hosts().length === 1 && hosts()[0].getAttribute('data-verdict') === 'opt-out');
    const oldHost = hosts()[0];
    first.invalidate();
    const second = fakeExtension();
    await startContentScript(second.api);
    await until(() => hosts().length === 1 && hosts()[0] !== oldHost && hosts()[0].getAttribute('data-state') === 'ready');
    await tick(1200);
    expect(hosts()).toHaveLength(1);
  });
});

describe('the generic content script on an enabled domain', () => {
  it('asks the worker once to look at its page; a dedicated site file started after it takes its place', async () => {
    const ext = fakeExtension();
    await startContentScript(ext.api);
    await until(() => hosts().length === 1);
    expect(ext.worker.calls.filter((m) => m.type === 'recognise')).toEqual([{ type: 'recognise' }]);
    const g = globalThis as unknown as Record<string, { site?: string } | undefined>;
    expect(g.__prospectGuardContent?.site).toBe('generic');
    // The worker recognised Roundcube and ran its content script in the tab: it replaces the generic instance.
    document.body.innerHTML = `<div id="compose-content"><div id="compose-headers"><textarea id="_to" name="_to">jean.dupont@acme-industrie.fr</textarea>
      <input id="compose-subject" value="Bonjour"></div><div id="composebodycontainer"><textarea id="composebody">Texte</textarea></div>
      <button class="btn btn-primary send">Envoyer</button></div>`;
    vi.resetModules();
    await import('./entries/roundcube');
    expect(g.__prospectGuardContent?.site).toBe('roundcube');
    await until(() => hosts().length === 1 && hosts()[0]!.getAttribute('data-recipients') === '1');
    // Dedicated site files do not ask.
    expect(ext.worker.calls.filter((m) => m.type === 'recognise')).toHaveLength(1);
  });
});
