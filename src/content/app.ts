/**
 * Wires the content script: adapter, watcher, classifier client, overlay, storage actions. Everything
 * the browser provides comes in through `env`, so tests can run it with fakes.
 */
import type { ComposeHandle, SiteAdapter } from '../sites/types';
import type { Request, ResponseFor, Send } from '../background/protocol';
import type { UiLang } from '../storage/schema';
import { createClassifierClient, type ClassifierClient } from './client';
import { createWatcher, type Watcher } from './watcher';
import { createOverlay } from '../ui/overlay/mount';
import { apiCatalogueLang, createT, type I18nApi, type T } from '../ui/overlay/i18n';
import { fitNote, hostVerdict, type InsertOutcome, type Introduction } from '../ui/overlay/model';
import { guard, report } from './safe';
import { showNotice } from './notice';
import type { IntroElement } from '../rules/intro';

export interface AppEnv {
  doc: Document;
  adapter: SiteAdapter | null;
  /** Aborting it stops everything: observers, timers, listeners, overlays (the extension was updated or reloaded). */
  signal?: AbortSignal;
  /** Asked before each piece of work: false when the extension context is gone (the caller then aborts `signal`). */
  alive?: () => boolean;
  /** runtime.sendMessage: every record is written by the service worker, on request. */
  send: Send;
  i18n: I18nApi | null;
  lang: UiLang;
  /** `caret`: where to insert when the site says (ComposeHandle.insertCaret), else the insertion finds it. */
  insert(handle: ComposeHandle, text: { intro: string; unsubscribe: string }, caret?: Range | null): InsertOutcome | Promise<InsertOutcome>;
  /** One element's sentence as a line of its own (the checklist's "add"): at the caret, or at the end for unsubscribe. */
  insertLines?(handle: ComposeHandle, text: string, at: 'caret' | 'end'): InsertOutcome | Promise<InsertOutcome>;
  /** The live checklist and the confirm before send (default on). */
  messageChecks?: boolean;
  /** The checklist's pause after typing, and its longest wait while typing goes on (ms). */
  checklistIdleMs?: number;
  checklistMaxWaitMs?: number;
  /** Subscribes to storage changes that affect classification; returns an unsubscribe function. */
  onStorageChange(cb: () => void): () => void;
  /**
   * Subscribes to the extension's own messages to this tab (the popup asks what the compose shows; the worker relays
   * the "insert the introduction" keyboard command); returns an unsubscribe function.
   */
  onExtensionMessage?(cb: (msg: unknown) => Promise<unknown> | undefined): () => void;
  timeoutMs?: number;
  debounceMs?: number;
  scanDebounceMs?: number;
  retryMs?: number;
}

export interface App {
  watcher: Watcher | null;
  client: ClassifierClient;
  stop(): void;
}

/** Sends a request that writes; rejects unless the worker says it did. */
async function ask<R extends Request>(send: Send, msg: R): Promise<ResponseFor<R['type']>> {
  const res = await send(msg);
  if (!res || res.ok !== true) throw new Error(res && 'error' in res ? res.error : 'no answer');
  return res;
}

export function startApp(env: AppEnv): App {
  const apiLang = apiCatalogueLang(env.i18n);
  let watcherRef: Watcher | null = null;
  const client = createClassifierClient({
    send: env.send,
    timeoutMs: env.timeoutMs,
    lang: env.lang,
    apiLang,
    // The strings for the language the user picked arrived: draw the overlays again in it.
    onCatalogue: () => watcherRef?.refreshAll(true),
  });
  const translators = new Map<UiLang, T>();
  /**
   * The overlay's strings: browser.i18n's when it speaks `lang`, else those the worker gave; until they come, the
   * browser's language (kept only once right).
   */
  const translator = (lang: UiLang) => {
    let t = translators.get(lang);
    if (t) return t;
    t = createT(lang, env.i18n, client.catalogues);
    if (lang === apiLang || client.catalogues[lang]) translators.set(lang, t);
    return t;
  };
  if (!env.adapter) return { watcher: null, client, stop() {} };
  const notices = new Set<HTMLElement>();
  const notice = (key: 'ovGuardNotRun' | 'ovGuardConsentFailed') => {
    const host = showNotice(env.doc, translator(client.lang)(key));
    notices.add(host);
  };

  const watcher = createWatcher({
    adapter: env.adapter,
    doc: env.doc,
    client,
    debounceMs: env.debounceMs,
    scanDebounceMs: env.scanDebounceMs,
    retryMs: env.retryMs,
    alive: env.alive,
    message: env.messageChecks === false ? undefined : { send: env.send, notice, idleMs: env.checklistIdleMs, maxWaitMs: env.checklistMaxWaitMs },
    onCompose: () => void client.warm(),
    createOverlay: (handle) =>
      createOverlay({
        doc: env.doc,
        translator,
        frame: () => handle.root,
        actions: {
          recordConsent: (address, method, note) =>
            ask(env.send, note ? { type: 'recordConsent', address, method, note } : { type: 'recordConsent', address, method }),
          setOverride: (key, kind) => ask(env.send, { type: 'setOverride', key, kind }),
          saveIntro: (intro) => ask(env.send, { type: 'saveIntro', intro }),
          insert: async (intro: Introduction) => {
            // Nothing unfinished is ever inserted: only a complete introduction has text at all.
            if (!intro.complete) return { ok: false, reason: 'incomplete' };
            try {
              let text = { intro: intro.intro, unsubscribe: intro.unsubscribe };
              const limit = handle.noteLimit?.() ?? null;
              if (limit && intro.note) {
                // An invitation note: the longest short variant that fits what the note holds now (the way to object is in it).
                const body = handle.body() as HTMLTextAreaElement | null;
                const fit = fitNote(intro.note, limit, body && typeof body.value === 'string' ? body.value.length : 0);
                if (!fit.text) return { ok: false, reason: 'note-full' };
                text = { intro: fit.text, unsubscribe: '' };
              }
              const caret = handle.insertCaret ? await handle.insertCaret() : null;
              return await env.insert(handle, text, caret);
            } catch (e) {
              report('insert', e);
              return { ok: false, reason: e instanceof Error ? e.message : String(e) };
            }
          },
          openOptions: () => void env.send({ type: 'openOptions' }).catch((e: unknown) => report('openOptions', e)),
          addElement: async (id: IntroElement, text: string) => {
            try {
              if (!env.insertLines) return { ok: false, reason: 'not-editable' };
              const r = await env.insertLines(handle, text, id === 'unsubscribe' ? 'end' : 'caret');
              watcherRef?.sessions.get(handle.root)?.messageChanged();
              return r.ok ? { ok: true } : r;
            } catch (e) {
              report('add element', e);
              return { ok: false, reason: e instanceof Error ? e.message : String(e) };
            }
          },
          guardAnswer: (choice) => watcherRef?.sessions.get(handle.root)?.guardAnswer(choice),
        },
        onDismiss: () =>
          guard(
            'focus body',
            () => {
              const body = handle.body();
              if (body && typeof body.focus === 'function') body.focus();
            },
            undefined,
          ),
      }),
  });
  watcherRef = watcher;
  const unsubscribe = env.onStorageChange(() => {
    client.invalidate();
    watcher.refreshAll(true);
  });
  /** The compose the user is in (focus inside it), else the only one open. */
  const focusedSession = () => {
    const all = [...watcher.sessions.values()].filter((s) => !s.destroyed);
    const active = env.doc.activeElement;
    return all.find((s) => active && s.handle.root.contains(active)) ?? (all.length === 1 ? all[0] : undefined);
  };
  const unlisten = env.onExtensionMessage?.((msg) => {
    const type = (msg as { type?: unknown } | null)?.type;
    if (type === 'composeStatus') {
      const all = [...watcher.sessions.values()].filter((s) => !s.destroyed);
      const s = focusedSession() ?? all[0];
      const m = s?.overlay.model;
      if (!s || !m) return Promise.resolve(null);
      return Promise.resolve({ verdict: hostVerdict(m), recipients: m.count, suppressed: m.suppressed ?? 0, others: all.length - 1 });
    }
    if (type === 'insertIntroduction') {
      const s = focusedSession();
      const m = s?.overlay.model;
      // The command inserts only what the overlay offers: a complete introduction, no recipient who objected.
      if (!s || !m || m.state !== 'ready' || m.suppressed || !m.introduction || !m.introduction.complete) {
        return Promise.resolve({ ok: false, reason: 'nothing-to-insert' });
      }
      const intro = m.introduction;
      return Promise.resolve()
        .then(() => env.insert(s.handle, { intro: intro.intro, unsubscribe: intro.unsubscribe }))
        .catch((e: unknown) => ({ ok: false, reason: e instanceof Error ? e.message : String(e) }));
    }
    return undefined;
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    guard('unsubscribe', unsubscribe, undefined);
    if (unlisten) guard('unlisten', unlisten, undefined);
    watcher.stop();
    for (const n of notices) n.remove();
  };
  if (env.signal?.aborted) {
    stop();
    return { watcher, client, stop };
  }
  env.signal?.addEventListener('abort', stop, { once: true });
  watcher.start();
  return { watcher, client, stop };
}
