/**
 * The content script's side of classification: asks the service worker, caches each address's answer
 * until storage changes, and gives up after a timeout so the overlay can say it cannot check.
 */
import type { RecipientResult } from '../rules/types';
import type { ConsentRecord, UiLang } from '../storage/schema';
import type { ClassifyResponse, HelloResponse, IntroductionText, Request } from '../background/protocol';
import { MAX_RECIPIENTS } from '../background/protocol';

export interface Entry {
  result: RecipientResult;
  consent: ConsentRecord | null;
}

export interface Classification {
  entries: Map<string, Entry>;
  introduction: IntroductionText | null;
  introIsDefault: boolean;
  lang: UiLang;
}

export type Send = (msg: Request) => Promise<unknown>;

export interface ClassifierClient {
  /** Wakes the worker; resolves true when it answered. Never rejects. */
  warm(): Promise<boolean>;
  /** Cached classification when every address is cached, else null. Synchronous. */
  peek(addresses: readonly string[]): Classification | null;
  /** Classifies (only the uncached addresses go to the worker). Rejects on timeout or worker error. */
  classify(addresses: readonly string[]): Promise<Classification>;
  /** Drops every cached answer (settings, overrides or consents changed). */
  invalidate(): void;
  readonly lang: UiLang;
}

export class TimeoutError extends Error {
  constructor(ms: number) {
    super(`no answer from the worker in ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export function normalizeKey(address: string): string {
  return address.trim().toLowerCase();
}

function isClassifyResponse(r: unknown, n: number): r is ClassifyResponse {
  if (!r || typeof r !== 'object') return false;
  const o = r as Partial<ClassifyResponse>;
  return o.ok === true && Array.isArray(o.results) && o.results.length === n && (o.lang === 'fr' || o.lang === 'en');
}

export function createClassifierClient(opts: { send: Send; timeoutMs?: number; lang: UiLang }): ClassifierClient {
  const timeoutMs = opts.timeoutMs ?? 1500;
  let cache = new Map<string, Entry>();
  let introduction: IntroductionText | null = null;
  let introIsDefault = false;
  let lang: UiLang = opts.lang;
  let generation = 0;
  /** In-flight requests per address, so two composes asking the same address share one round trip. */
  let inflight = new Map<string, Promise<void>>();

  function snapshot(addresses: readonly string[]): Classification | null {
    const entries = new Map<string, Entry>();
    for (const a of addresses) {
      const k = normalizeKey(a);
      const e = cache.get(k);
      if (!e) return null;
      entries.set(k, e);
    }
    if (addresses.length > 0 && !introduction) return null;
    return { entries, introduction, introIsDefault, lang };
  }

  function fetchMissing(keys: string[]): Promise<void> {
    const gen = generation;
    const p = withTimeout(opts.send({ type: 'classify', recipients: keys }), timeoutMs).then((res) => {
      if (!isClassifyResponse(res, keys.length)) {
        const err = res && typeof res === 'object' && 'error' in res ? String((res as { error: unknown }).error) : 'bad answer';
        throw new Error(err);
      }
      if (gen !== generation) return; // storage changed meanwhile: this answer may be stale
      lang = res.lang;
      introduction = res.introduction ?? null;
      introIsDefault = !!res.introIsDefault;
      keys.forEach((k, i) => {
        const result = res.results[i];
        const consent = (result.email && res.consents?.[result.email]) || res.consents?.[k] || null;
        cache.set(k, { result, consent });
      });
    });
    const tracked = p.finally(() => {
      for (const k of keys) if (inflight.get(k) === tracked) inflight.delete(k);
    });
    for (const k of keys) inflight.set(k, tracked);
    return tracked;
  }

  return {
    get lang() {
      return lang;
    },
    async warm() {
      try {
        const res = (await withTimeout(opts.send({ type: 'hello' }), timeoutMs)) as Partial<HelloResponse> | undefined;
        if (res?.ok && (res.lang === 'fr' || res.lang === 'en')) lang = res.lang;
        return !!res?.ok;
      } catch {
        return false;
      }
    },
    peek: snapshot,
    async classify(addresses) {
      const keys = [...new Set(addresses.map(normalizeKey))];
      for (let attempt = 0; attempt < 2; attempt++) {
        const gen = generation;
        const missing = keys.filter((k) => !cache.has(k));
        const waits = new Set<Promise<void>>();
        const toFetch: string[] = [];
        for (const k of missing) {
          const f = inflight.get(k);
          if (f) waits.add(f);
          else toFetch.push(k);
        }
        // A message carries at most MAX_RECIPIENTS addresses: a long list goes in several, none left out.
        for (let i = 0; i < toFetch.length; i += MAX_RECIPIENTS) waits.add(fetchMissing(toFetch.slice(i, i + MAX_RECIPIENTS)));
        if (!toFetch.length && !introduction && waits.size === 0 && keys.length) waits.add(fetchMissing(keys.slice(0, 1)));
        await Promise.all(waits);
        const snap = snapshot(keys);
        if (snap) return snap;
        if (gen === generation) break; // nothing changed, yet still missing: give up
      }
      throw new Error('classification incomplete');
    },
    invalidate() {
      generation++;
      cache = new Map();
      inflight = new Map();
      introduction = null;
    },
  };
}
