/**
 * Finds compose windows and follows them: one document-level observer that only looks for compose
 * roots appearing or disappearing (debounced), and one Session per open compose.
 */
import type { ComposeHandle, SiteAdapter } from '../sites/types';
import { createSession, type Session, type SessionDeps } from './session';
import { guard, report, safely } from './safe';
import { isOverlayHost } from '../ui/overlay/mount';

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

/** True when a mutation batch added or removed an element other than our own overlay hosts. */
export function touchesElements(records: MutationRecord[]): boolean {
  for (const r of records) {
    for (const list of [r.addedNodes, r.removedNodes]) {
      for (let i = 0; i < list.length; i++) {
        const n = list[i];
        if (n.nodeType === 1 && !isOverlayHost(n)) return true;
      }
    }
  }
  return false;
}

export function createWatcher(deps: WatcherDeps): Watcher {
  const { adapter, doc } = deps;
  const scanDebounceMs = deps.scanDebounceMs ?? 30;
  const sessions = new Map<HTMLElement, Session>();
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function scan() {
    if (stopped) return;
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

  return {
    sessions,
    scan,
    start() {
      if (observer || stopped) return;
      scan();
      observer = new MutationObserver(
        safely('document mutation', (records: MutationRecord[]) => {
          if (touchesElements(records)) schedule();
        }),
      );
      observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
    },
    observerCount() {
      let n = observer ? 1 : 0;
      for (const s of sessions.values()) n += s.observerCount;
      return n;
    },
    refreshAll(force = true) {
      for (const s of sessions.values()) guard('refreshAll', () => s.refresh(force), undefined);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      observer?.disconnect();
      observer = null;
      for (const s of sessions.values()) s.destroy();
      sessions.clear();
    },
  };
}
