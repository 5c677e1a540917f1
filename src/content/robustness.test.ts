// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp, type App } from './app';
import { addChip, fakeAdapter, fakeWorker, handleFor, makeCompose, tick, userClick, userSelect, userSubmit } from './test-support';
import type { Send } from '../background/protocol';
import type { ComposeHandle, SiteAdapter } from '../sites/types';

let errors: unknown[] = [];
const onError = (e: ErrorEvent) => errors.push(e.error ?? e.message);
const onRejection = (e: PromiseRejectionEvent) => errors.push(e.reason);
let app: App | null = null;

beforeEach(() => {
  document.body.innerHTML = '';
  errors = [];
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});
afterEach(() => {
  app?.stop();
  app = null;
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  vi.restoreAllMocks();
});

/** A worker that classifies but whose storage is gone: every write fails. */
function storageGone(): Send {
  const w = fakeWorker();
  return ((m) => (m.type === 'classify' || m.type === 'hello' ? w.send(m) : Promise.reject(new Error('storage gone')))) as Send;
}

function run(adapter: SiteAdapter, send: Send = storageGone()) {
  app = startApp({
    doc: document,
    adapter,
    send,
    i18n: {
      getMessage: () => {
        throw new Error('i18n gone');
      },
      getUILanguage: () => 'fr-FR',
    },
    lang: 'fr',
    insert: () => {
      throw new Error('insert exploded');
    },
    onStorageChange: () => () => {},
    debounceMs: 2,
    scanDebounceMs: 2,
    timeoutMs: 50,
    retryMs: 20,
  });
  return app;
}

/** A handle whose every method throws. */
function explodingHandle(root: HTMLElement): ComposeHandle {
  const boom = () => {
    throw new Error('adapter exploded');
  };
  return {
    root,
    kind: 'popup',
    readRecipients: boom,
    readSubject: boom,
    body: boom,
    signature: boom,
    sendButton: boom,
    overlaySlot: boom,
    observeTargets: boom,
  };
}

describe('nothing throws into the page', () => {
  it('survives an adapter whose findComposes throws', async () => {
    makeCompose(document, ['a@gmail.com']);
    run(fakeAdapter({ findComposes: () => { throw new Error('find exploded'); } }));
    document.body.appendChild(document.createElement('p'));
    await tick(30);
    expect(errors).toEqual([]);
  });

  it('survives a compose handle whose every method throws, and still says it cannot read', async () => {
    const root = makeCompose(document, ['a@gmail.com']);
    run(fakeAdapter({ findComposes: () => [explodingHandle(root)] }));
    root.querySelector('.to')!.appendChild(document.createElement('span'));
    root.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(30);
    const host = document.querySelector<HTMLElement>('[data-prospect-guard]');
    expect(host?.getAttribute('data-verdict')).toBe('unreadable');
    expect(errors).toEqual([]);
  });

  it('survives findComposes returning junk', async () => {
    run(fakeAdapter({ findComposes: () => [null, undefined, { root: null }] as unknown as ComposeHandle[] }));
    document.body.appendChild(document.createElement('p'));
    await tick(30);
    expect(errors).toEqual([]);
  });

  it('survives recipients of the wrong shape, a worker that throws or answers junk', async () => {
    const root = makeCompose(document, []);
    const weird: ComposeHandle = { ...handleFor(root), readRecipients: () => [{ field: 'to', address: 42 }] as never };
    run(fakeAdapter({ findComposes: () => [weird] }), (async () => {
      throw new Error('worker gone');
    }) as Send);
    await tick(30);
    app?.stop();
    const root2 = makeCompose(document, ['x@gmail.com']);
    run(fakeAdapter(), (async () => ({ ok: true, results: 'nope' })) as unknown as Send);
    await tick(100);
    expect(root2.querySelector('[data-prospect-guard]')?.getAttribute('data-state')).toBe('unavailable');
    expect(errors).toEqual([]);
  });

  it('survives broken DOM: recipient area removed, overlay slot gone, host removed by the page', async () => {
    const root = makeCompose(document, ['a@gmail.com']);
    run(fakeAdapter());
    await tick(20);
    root.querySelector('.slot')!.remove();
    root.querySelector('[data-prospect-guard]')?.remove();
    addChip(root, 'b@gmail.com');
    await tick(30);
    root.querySelector('.to')!.remove();
    root.appendChild(document.createElement('div'));
    root.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(30);
    // The host came back (in the root, as the slot is gone) and says it cannot read.
    const host = root.querySelector<HTMLElement>('[data-prospect-guard]');
    expect(host?.getAttribute('data-verdict')).toBe('unreadable');
    expect(errors).toEqual([]);
  });

  it('failed actions (storage, insertion, i18n) are shown, not thrown', async () => {
    makeCompose(document, ['a@gmail.com']);
    run(fakeAdapter());
    await tick(30);
    const shadow = document.querySelector('[data-prospect-guard]')!.shadowRoot!;
    userClick(shadow.querySelector('button[data-action="consent"]'));
    await tick(5);
    userSelect(shadow.querySelector('select[name="method"]'), 'written');
    await tick(5);
    userSubmit(shadow.querySelector('[data-testid="consent-form"]'));
    await tick(10);
    expect(shadow.querySelector('[role="alert"]')).not.toBeNull();
    expect(errors).toEqual([]);
  });
});
