/**
 * Finds compose windows and follows them: one document-level observer that only looks for compose roots appearing
 * or disappearing, and one Session per open compose, which observes that compose's own subtree. The document is
 * searched again (debounced) only when an added element can make a compose window or a followed one left the page:
 * a page busy with its own content (a message list, a clock) costs a few checks per mutation.
 */
import type { ComposeHandle, SiteAdapter } from '../sites/types';
import { createSession, type Session, type SessionDeps } from './session';
import { guard, report, safely } from './safe';
import { isOverlayHost } from '../ui/overlay/mount';
import { queryAll } from '../sites/dom-util';

export interface WatcherDeps extends SessionDeps {
  adapter: SiteAdapter;
  doc: Document;
  /** Debounce of the document-level scan. */
  scanDebounceMs?: number;
  /** Called when a compose window appears (warms the worker, which may have been stopped while idle). */
  onCompose?: () => void;
}

export interface Watcher {
  /** Scans now and starts observing the document. */
  start(): void;
  /** Re-scans the document for compose windows now. */
  scan(): void;
  /** Re-reads every compose's recipients (e.g. after a storage change). */
  refreshAll(force?: boolean): void;
  stop(): void;
  /** MutationObservers currently held: the document's plus every compose's. */
  observerCount(): number;
  readonly sessions: ReadonlyMap<HTMLElement, Session>;
}

/** Whether an element added to the page is, or holds, something that can make a compose window (the adapter's hint). */
function mayOpenCompose(el: Element, hint: string): boolean {
  try {
    return el.matches(hint) || !!el.querySelector(hint);
  } catch {
    return true; // a bad hint must not blind us
  }
}

export function createWatcher(deps: WatcherDeps): Watcher {
  const { adapter, doc } = deps;
  const scanDebounceMs = deps.scanDebounceMs ?? 30;
  const hint = adapter.composeHint;
  const shadowHosts = adapter.shadowHosts;
  /** The open shadow roots the adapter names (their hosts → the observer inside), while the host is in the page. */
  const shadows = new Map<Element, MutationObserver>();
  const sessions = new Map<HTMLElement, Session>();
  /** Iframes whose load we wait for: an iframe editor (TinyMCE) becomes editable only once its document is ready. */
  const frames = new WeakSet<HTMLIFrameElement>();
  const listening = new AbortController();
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const onMutations = safely('document mutation', (records: MutationRecord[]) => {
    if (relevant(records)) schedule();
  });

  /** Observes inside the shadow roots of the hosts the adapter names; lets go of those whose host left. */
  function syncShadows() {
    if (!shadowHosts || stopped) return;
    for (const [host, mo] of shadows) {
      if (host.isConnected && host.shadowRoot) continue;
      mo.disconnect();
      shadows.delete(host);
    }
    for (const host of queryAll<Element>(doc, shadowHosts)) {
      const root = host.shadowRoot;
      if (!root || shadows.has(host) || isOverlayHost(host)) continue;
      const mo = new MutationObserver(onMutations);
      mo.observe(root, { childList: true, subtree: true });
      shadows.set(host, mo);
    }
  }

  function scan() {
    if (stopped || deps.alive?.() === false) return;
    guard('shadow roots', syncShadows, undefined);
    const found = guard<ComposeHandle[] | null>('findComposes', () => adapter.findComposes(doc), null);
    if (!Array.isArray(found)) return; // adapter failed: keep what we have
    const roots = new Set<HTMLElement>();
    for (const handle of found) {
      try {
        if (!handle || !handle.root || roots.has(handle.root)) continue;
        roots.add(handle.root);
        if (sessions.has(handle.root)) continue;
        guard('warm', () => deps.onCompose?.(), undefined);
        const session = createSession(handle, deps);
        sessions.set(handle.root, session);
        session.refresh(true);
      } catch (e) {
        report('new compose', e);
      }
    }
    for (const [root, session] of sessions) {
      if (!roots.has(root) || !root.isConnected) {
        sessions.delete(root);
        session.destroy();
      }
    }
  }

  function schedule() {
    if (timer || stopped) return;
    timer = setTimeout(
      safely('scan', () => {
        timer = undefined;
        scan();
      }),
      scanDebounceMs,
    );
  }

  const onFrameLoad = safely('frame load', () => schedule());
  function watchFrame(frame: HTMLIFrameElement) {
    if (frames.has(frame)) return;
    frames.add(frame);
    frame.addEventListener('load', onFrameLoad, { signal: listening.signal });
  }
  function watchFramesIn(el: Element) {
    if (el.tagName === 'IFRAME') watchFrame(el as HTMLIFrameElement);
    else if (el.firstElementChild) for (const f of Array.from(el.getElementsByTagName('iframe'))) watchFrame(f);
  }

  /** Inside a compose we already follow: its session reads it. */
  function insideSession(node: Node): boolean {
    for (const root of sessions.keys()) if (root.contains(node)) return true;
    return false;
  }

  /**
   * Whether a batch of mutations can have opened or closed a compose window. Linear in the batch, constant per
   * mutation of the page's own content: an added element counts only when it is or holds what the adapter's hint
   * names; a removal only when a followed compose left the document.
   */
  function relevant(records: MutationRecord[]): boolean {
    let removed = false;
    let opened = false;
    for (const r of records) {
      if (r.removedNodes.length) removed = true;
      if (opened || !r.addedNodes.length || insideSession(r.target)) continue;
      for (let i = 0; i < r.addedNodes.length; i++) {
        const n = r.addedNodes[i];
        if (n.nodeType !== 1 || isOverlayHost(n)) continue;
        const el = n as Element;
        if (mayOpenCompose(el, hint) || (shadowHosts && mayOpenCompose(el, shadowHosts))) {
          watchFramesIn(el);
          opened = true;
          break;
        }
      }
    }
    if (opened) return true;
    if (removed) {
      for (const root of sessions.keys()) if (!root.isConnected) return true;
      for (const host of shadows.keys()) if (!host.isConnected) return true;
    }
    return false;
  }

  return {
    sessions,
    scan,
    start() {
      if (observer || stopped) return;
      guard('frames', () => watchFramesIn(doc.documentElement), undefined);
      scan();
      observer = new MutationObserver(onMutations);
      observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
    },
    observerCount() {
      let n = (observer ? 1 : 0) + shadows.size;
      for (const s of sessions.values()) n += s.observerCount;
      return n;
    },
    refreshAll(force = true) {
      for (const s of sessions.values()) guard('refreshAll', () => s.refresh(force), undefined);
    },
    stop() {
      stopped = true;
      listening.abort();
      if (timer) clearTimeout(timer);
      observer?.disconnect();
      observer = null;
      for (const mo of shadows.values()) mo.disconnect();
      shadows.clear();
      for (const s of sessions.values()) s.destroy();
      sessions.clear();
    },
  };
}
