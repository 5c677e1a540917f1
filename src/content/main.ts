/**
 * The content script's core, shared by every site: each page loads one self-contained IIFE built from an entry in
 * `src/content/entries/<site>.ts`, which is this core plus exactly one site file (vite.config.ts). Reads the compose
 * windows of the page through that site's adapter, asks the service worker to classify the recipients and shows
 * the overlay. Never throws into the page: every callback is wrapped, errors go to console.debug.
 *
 * Lifecycle: everything this instance starts hangs on one AbortController. When the extension is updated or
 * reloaded, this (old) instance notices that its context is gone — its `runtime.id` is undefined, or a request
 * fails with "Extension context invalidated" — and aborts: overlays and observers go. The worker injects the new
 * content script into the open tabs; if it lands in the same world, it stops an old instance it finds first. An
 * instance for another site file (the worker switched an enabled domain to the site it recognised) is replaced too.
 */
import type { SiteAdapter } from '../sites/types';
import { insertIntroduction, insertLines, watchCaret } from './insert';
import { affectsClassification } from '../storage/area';
import type { HelloResponse, Send } from '../background/protocol';
import { langFromUi } from '../ui/overlay/i18n';
import { startApp, type App, type AppEnv } from './app';
import { contentExt, contextAlive, isContextGone, shadowOpener } from './ext';
import { removeStaleHosts } from '../ui/overlay/mount';
import { guard, report, safely } from './safe';
import type { InsertOutcome } from '../ui/overlay/model';

const FLAG = '__prospectGuardContent';
/** How often an idle instance checks that its extension context still exists. */
const LIVENESS_MS = 1000;

interface Instance {
  alive(): boolean;
  stop(): void;
  /** The site file this instance reads the page with. */
  site?: string;
}

export interface ContentOptions {
  /**
   * The generic content script, on a domain the user enabled: asks the worker to look at the page for a self-hosted
   * webmail's markers (a domain enabled from the options page, without a tab to look at). When one matches, that
   * site's own content script takes over; the page's code has no say beyond its markup.
   */
  recognise?: boolean;
}

function main(adapter: SiteAdapter, opts: ContentOptions) {
  const g = globalThis as unknown as Record<string, Instance | undefined>;
  const previous = g[FLAG];
  if (previous) {
    // Injected twice by the same extension (registered script + injection into the open tab): nothing to do.
    if (previous.site === adapter.id && guard('previous alive', () => previous.alive(), false)) return;
    // Left over from before an update or reload, or another site file: take its place.
    guard('previous stop', () => previous.stop(), undefined);
  }
  const ext = contentExt();
  if (!ext) return;
  const runtime = ext.runtime;
  const controller = new AbortController();
  const { signal } = controller;
  const stop = () => controller.abort();
  g[FLAG] = { alive: () => !signal.aborted && contextAlive(runtime), stop, site: adapter.id };

  // Overlays an unloaded earlier instance left behind (Firefox keeps their elements): ours replace them.
  guard('stale overlays', () => removeStaleHosts(document, shadowOpener(ext)), 0);
  // Remember the caret in the message, so clicking "Insérer" inserts where the user was typing.
  watchCaret(document);

  const check = safely('liveness', () => {
    if (!contextAlive(runtime)) stop();
  });
  const timer = setInterval(check, LIVENESS_MS);
  signal.addEventListener('abort', () => clearInterval(timer));

  const send = (async (msg) => {
    if (!contextAlive(runtime)) {
      stop();
      throw new Error('extension context invalidated');
    }
    try {
      return await runtime.sendMessage(msg);
    } catch (e) {
      if (isContextGone(e) || !contextAlive(runtime)) stop();
      throw e;
    }
  }) as Send;

  const storageCallbacks = new Set<() => void>();
  const env: AppEnv = {
    doc: document,
    adapter,
    signal,
    alive: () => {
      if (contextAlive(runtime)) return true;
      stop();
      return false;
    },
    send,
    i18n: ext.i18n,
    lang: langFromUi(guard('ui language', () => ext.i18n.getUILanguage(), 'fr')),
    insert: (handle, text, caret): Promise<InsertOutcome> => insertIntroduction(handle, text, caret ? { caret } : {}),
    insertLines: (handle, text, at): Promise<InsertOutcome> => insertLines(handle, text, { at }),
    onExtensionMessage(cb) {
      const onMessage = ext.runtime.onMessage;
      if (!onMessage) return () => undefined;
      // sendResponse + true: the form both Chrome and Firefox accept for an asynchronous answer.
      const listener = (msg: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
        // Our own extension only (the popup, the worker), never a page.
        if (!contextAlive(runtime) || sender?.id !== runtime.id) return undefined;
        const answer = guard('extension message', () => cb(msg), undefined);
        if (!answer) return undefined;
        answer.then(sendResponse, (e: unknown) => {
          report('extension message', e);
          sendResponse(undefined);
        });
        return true;
      };
      onMessage.addListener(listener);
      return () => guard('message listener', () => (contextAlive(runtime) ? onMessage.removeListener(listener) : undefined), undefined);
    },
    // One listener on storage for this instance (below): the app's refresh and the site's on/off check.
    onStorageChange(cb) {
      storageCallbacks.add(cb);
      return () => void storageCallbacks.delete(cb);
    },
  };

  // A built-in site the user switched off (options, popup) keeps this script inert: nothing read, nothing shown. It
  // asks the worker first and again when the settings change; if the worker cannot say, it runs (fail open).
  let app: App | null = null;
  let recognised = false;
  const setActive = (on: boolean) => {
    if (signal.aborted) return;
    if (on && !app) {
      app = startApp(env);
      // Once, when it first runs: the worker may recognise a webmail here and switch this origin to its site file.
      if (opts.recognise && !recognised) {
        recognised = true;
        void send({ type: 'recognise' }).catch((e: unknown) => report('recognise', e));
      }
    }
    else if (!on && app) {
      const a = app;
      app = null;
      guard('app stop', () => a.stop(), undefined);
    }
  };
  const checkSite = () =>
    void send({ type: 'hello' }).then(
      (r) => setActive(!(r && r.ok && (r as HelloResponse).off)),
      () => setActive(true),
    );
  signal.addEventListener('abort', () => app?.stop(), { once: true });
  const onChanged = ext.storage.onChanged;
  const listener = safely('storage change', (changes: Record<string, unknown>, area: string) => {
    if (!contextAlive(runtime)) return stop();
    if (!affectsClassification(changes, area)) return;
    checkSite();
    for (const cb of [...storageCallbacks]) guard('storage callback', cb, undefined);
  });
  onChanged.addListener(listener);
  // Once the context is gone the API may be too: nothing to remove then.
  signal.addEventListener('abort', () => guard('storage listener', () => (contextAlive(runtime) ? onChanged.removeListener(listener) : undefined), undefined), { once: true });
  checkSite();
}

/** Starts the content script on this page with one site's adapter (the entry file of that site calls it). */
export function runContentScript(adapter: SiteAdapter, opts: ContentOptions = {}): void {
  try {
    main(adapter, opts);
  } catch (e) {
    report('start', e);
  }
}
