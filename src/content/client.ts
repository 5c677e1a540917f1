/**
 * The content script's side of classification: asks the service worker, caches each address's answer and each
 * recipient set's message wording until storage changes, and gives up after a timeout so the overlay can say it
 * cannot check.
 */
import type { RecipientResult } from '../rules/types';
import type { RecipientWording } from '../rules/wording';
import type { ConsentRecord, UiLang } from '../storage/schema';
import type { MessageText, PersonRequest, Request, Send } from '../background/protocol';
import type { Catalogues } from '../ui/overlay/i18n';
import { MAX_MESSAGE_RECIPIENTS, MAX_RECIPIENTS } from '../background/protocol';
import { parseAddress } from '../rules/address';

export interface Entry {
  result: RecipientResult;
  consent: ConsentRecord | null;
  /** What the overlay says about this recipient (the rules' wording policy). */
  wording: RecipientWording;
  /** On a suppression list: objected, do not contact. */
  suppressed?: boolean;
}

export interface Classification {
  entries: Map<string, Entry>;
  /** What the overlay says about the message, and the introduction it offers; null without recipients. */
  message: MessageText | null;
  lang: UiLang;
}

export interface ClassifierClient {
  /** Wakes the worker; resolves true when it answered. Never rejects. */
  warm(): Promise<boolean>;
  /** Cached classification when every address is cached, else null. Synchronous. */
  peek(addresses: readonly string[]): Classification | null;
  /** Classifies (only the uncached addresses go to the worker). Rejects on timeout or worker error. */
  classify(addresses: readonly string[]): Promise<Classification>;
  /**
   * LinkedIn members (a compose's whole list, `note`: an invitation note's limit): their classification, keyed by
   * person key, with the message's wording. Cached per list until storage changes; rejects like `classify`.
   */
  judge(persons: readonly PersonRequest[], note?: number): Promise<Classification>;
  /** The cached answer for the same list, else null. */
  peekPersons(persons: readonly PersonRequest[], note?: number): Classification | null;
  /** Drops every cached answer (settings, overrides or consents changed). */
  invalidate(): void;
  readonly lang: UiLang;
  /** The overlay's strings the worker gave, per language (only for a language browser.i18n does not speak here). */
  readonly catalogues: Partial<Catalogues>;
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

export interface ClientOptions {
  send: Send;
  timeoutMs?: number;
  lang: UiLang;
  /** The language browser.i18n speaks in this content script (null: none). */
  apiLang?: UiLang | null;
  /** Called when the worker gave the overlay's strings for a language (the overlay then renders again). */
  onCatalogue?: () => void;
}

export function createClassifierClient(opts: ClientOptions): ClassifierClient {
  const timeoutMs = opts.timeoutMs ?? 1500;
  const apiLang = opts.apiLang ?? null;
  const catalogues: Partial<Catalogues> = {};
  let asking: Promise<boolean> | null = null;
  /** Hello; when the overlay must speak a language browser.i18n does not, the answer brings its strings. */
  function hello(): Promise<boolean> {
    if (asking) return asking;
    asking = withTimeout(opts.send({ type: 'hello', has: apiLang }), timeoutMs)
      .then((res) => {
        if (!res?.ok) return false;
        lang = res.lang;
        if (res.messages && !catalogues[res.lang]) {
          catalogues[res.lang] = res.messages;
          opts.onCatalogue?.();
        }
        return true;
      })
      .catch(() => false)
      .finally(() => {
        asking = null;
      });
    return asking;
  }
  /** After an answer in a language we cannot show yet (the user just switched), fetch its strings. */
  function ensureCatalogue(l: UiLang) {
    if (l !== apiLang && !catalogues[l]) void hello();
  }
  let cache = new Map<string, Entry>();
  /** The message-level wording, per recipient set (its keys, sorted). */
  let messages = new Map<string, MessageText>();
  let lang: UiLang = opts.lang;
  let generation = 0;
  /** In-flight requests per address (and per recipient set), so two composes asking the same share one round trip. */
  let inflight = new Map<string, Promise<void>>();

  /** Persons: one answer per list (what the page shows of each, and the note's limit). */
  let judged = new Map<string, Classification>();
  let judging = new Map<string, Promise<Classification>>();
  const personsKey = (ps: readonly PersonRequest[], note?: number) =>
    JSON.stringify([note ?? 0, ps.map((p) => [p.key, p.name, p.headline, p.company ?? '', p.openToWork === true])]);

  const setKey = (keys: readonly string[]) => `\u0000set\u0000${[...keys].sort().join('\u0000')}`;

  function snapshot(addresses: readonly string[]): Classification | null {
    const entries = new Map<string, Entry>();
    for (const a of addresses) {
      const k = normalizeKey(a);
      const e = cache.get(k);
      if (!e) return null;
      entries.set(k, e);
    }
    const keys = [...entries.keys()];
    const message = keys.length ? messages.get(setKey(keys)) : undefined;
    if (keys.length > 0 && !message) return null;
    return { entries, message: message ?? null, lang };
  }

  /** One request: results for `keys`, and with `set` the wording of that whole recipient set. */
  function fetch(keys: string[], set?: string[]): Promise<void> {
    const gen = generation;
    const msg: Request = set ? { type: 'classify', recipients: keys, message: set } : { type: 'classify', recipients: keys };
    const p = withTimeout(opts.send(msg), timeoutMs).then((res) => {
      if (!res || res.ok !== true) throw new Error(res && 'error' in res ? res.error : 'no answer');
      if (res.results.length !== keys.length || res.wordings.length !== keys.length) throw new Error('bad answer');
      if (gen !== generation) return; // storage changed meanwhile: this answer may be stale
      lang = res.lang;
      ensureCatalogue(lang);
      keys.forEach((k, i) => {
        const result = res.results[i];
        const consent = (result.email && res.consents[result.email]) || res.consents[k] || null;
        const suppressed = !!result.email && (res.suppressed ?? []).includes(result.email);
        cache.set(k, { result, consent, wording: res.wordings[i], suppressed });
      });
      if (set && res.message) messages.set(setKey(set), res.message);
    });
    const ids = set ? [...keys, setKey(set)] : keys;
    const tracked = p.finally(() => {
      for (const k of ids) if (inflight.get(k) === tracked) inflight.delete(k);
    });
    for (const k of ids) inflight.set(k, tracked);
    return tracked;
  }

  return {
    get lang() {
      return lang;
    },
    catalogues,
    warm: hello,
    peek: snapshot,
    async classify(addresses) {
      const keys = [...new Set(addresses.map(normalizeKey))];
      if (keys.length > MAX_MESSAGE_RECIPIENTS) throw new Error('too many recipients');
      for (let attempt = 0; attempt < 2; attempt++) {
        const gen = generation;
        const waits = new Set<Promise<void>>();
        const toFetch: string[] = [];
        for (const k of keys) {
          if (cache.has(k)) continue;
          const f = inflight.get(k);
          if (f) waits.add(f);
          else toFetch.push(k);
        }
        const set = keys.length ? setKey(keys) : null;
        let needSet = !!set && !messages.has(set);
        if (needSet && inflight.has(set!)) {
          waits.add(inflight.get(set!)!);
          needSet = false;
        }
        // A message carries at most MAX_RECIPIENTS results: a long list goes in several, none left out; the last one
        // also asks for the whole set's wording.
        for (let i = 0; i < toFetch.length; i += MAX_RECIPIENTS) {
          const last = i + MAX_RECIPIENTS >= toFetch.length;
          waits.add(fetch(toFetch.slice(i, i + MAX_RECIPIENTS), last && needSet ? keys : undefined));
        }
        if (!toFetch.length && needSet) waits.add(fetch([], keys));
        await Promise.all(waits);
        const snap = snapshot(keys);
        if (snap) return snap;
        if (gen === generation) break; // nothing changed, yet still missing: give up
      }
      throw new Error('classification incomplete');
    },
    peekPersons(persons, note) {
      return judged.get(personsKey(persons, note)) ?? null;
    },
    judge(persons, note) {
      const k = personsKey(persons, note);
      const done = judged.get(k);
      if (done) return Promise.resolve(done);
      const pending = judging.get(k);
      if (pending) return pending;
      const gen = generation;
      const list = persons.map((p) => ({ ...p }));
      const msg: Request = note === undefined ? { type: 'judgePersons', persons: list } : { type: 'judgePersons', persons: list, note };
      const p = withTimeout(opts.send(msg), timeoutMs)
        .then((res) => {
          if (!res || res.ok !== true) throw new Error(res && 'error' in res ? res.error : 'no answer');
          if (res.results.length !== persons.length || res.wordings.length !== persons.length) throw new Error('bad answer');
          lang = res.lang;
          ensureCatalogue(lang);
          const entries = new Map<string, Entry>();
          res.results.forEach((result, i) => {
            entries.set(persons[i]!.key, { result, consent: res.consents[result.input] ?? null, wording: res.wordings[i]! });
          });
          const c: Classification = { entries, message: res.message, lang };
          if (gen === generation) judged.set(k, c);
          return c;
        })
        .finally(() => {
          if (judging.get(k) === p) judging.delete(k);
        });
      judging.set(k, p);
      return p;
    },
    invalidate() {
      generation++;
      cache = new Map();
      messages = new Map();
      inflight = new Map();
      judged = new Map();
      judging = new Map();
    },
  };
}
