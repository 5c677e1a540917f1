/**
 * The content script's side of classification: asks the service worker, caches each address's answer
 * until storage changes, and gives up after a timeout so the overlay can say it cannot check.
 */
import type { RecipientResult } from '../rules/types';
import type { ConsentRecord, UiLang } from '../storage/schema';
import type { IntroductionText, Send } from '../background/protocol';
import { MAX_RECIPIENTS } from '../background/protocol';
import { parseAddress } from '../rules/address';

export interface Entry {
  result: RecipientResult;
  consent: ConsentRecord | null;
}

export interface Classification {
  entries: Map<string, Entry>;
  introduction: IntroductionText | null;
  lang: UiLang;
}

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

/** The key an address is cached and matched under: the rules engine's normalised form, else the trimmed lower-cased text. */
export function normalizeKey(address: string): string {
  const p = parseAddress(address);
  return p.ok ? p.email : address.trim().toLowerCase();
}

export function createClassifierClient(opts: { send: Send; timeoutMs?: number; lang: UiLang }): ClassifierClient {
  const timeoutMs = opts.timeoutMs ?? 1500;
  let cache = new Map<string, Entry>();
  let introduction: IntroductionText | null = null;
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
    return { entries, introduction, lang };
  }

  function fetchMissing(keys: string[]): Promise<void> {
    const gen = generation;
    const p = withTimeout(opts.send({ type: 'classify', recipients: keys }), timeoutMs).then((res) => {
      if (!res || res.ok !== true) throw new Error(res && 'error' in res ? res.error : 'no answer');
      if (res.results.length !== keys.length) throw new Error('bad answer');
      if (gen !== generation) return; // storage changed meanwhile: this answer may be stale
      lang = res.lang;
      introduction = res.introduction;
      keys.forEach((k, i) => {
        const result = res.results[i];
        const consent = (result.email && res.consents[result.email]) || res.consents[k] || null;
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
        const res = await withTimeout(opts.send({ type: 'hello' }), timeoutMs);
        if (res?.ok) lang = res.lang;
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
