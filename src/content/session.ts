/**
 * One open compose window: observes its recipients, asks for their classification and keeps the overlay
 * up to date. Created by the watcher when a compose root appears, destroyed when it goes away.
 *
 * Off the typing path: mutations and input events inside the message body are ignored (what the user writes is not
 * a recipient), and the reading itself runs in a task of its own, after the event that asked for it.
 */
import type { ComposeHandle, ComposeRecipient, RecipientField } from '../sites/types';
import type { ClassifierClient, Classification } from './client';
import { normalizeKey } from './client';
import { isConsumerMailbox, recipientVerdict, strictest } from '../rules/verdict';
import { guard, report, safely } from './safe';
import { isOwn } from './own-ui';
import type { OverlayController } from '../ui/overlay/mount';
import type { GuardView, OverlayModel, RecipientView } from '../ui/overlay/model';
import type { MessageSummary, PersonRequest, Send } from '../background/protocol';
import { createChecklist, personsOf, type Checklist } from './checklist';
import { createSendGuard, type GuardChoice, type SendGuard, type SendGuardDeps } from './send-guard';

/** Attributes whose change may mean a recipient was added, removed or edited. */
export const RECIPIENT_ATTRIBUTES = ['data-hovercard-id', 'data-name', 'value', 'email', 'title', 'aria-label', 'data-address'];

export interface SessionDeps {
  client: ClassifierClient;
  /** Creates the overlay for this compose (not yet attached). */
  createOverlay(handle: ComposeHandle): OverlayController;
  debounceMs?: number;
  /** Retry delay after the worker did not answer (doubles up to 30 s). */
  retryMs?: number;
  /** False once the extension context is gone (this instance then stops itself; nothing is drawn again). */
  alive?: () => boolean;
  /** The message checks (live checklist, confirm before send); without it, the recipients only. */
  message?: {
    send: Send;
    notice: SendGuardDeps['notice'];
    idleMs?: number;
    maxWaitMs?: number;
  };
}

export interface Session {
  readonly handle: ComposeHandle;
  readonly overlay: OverlayController;
  /** Re-reads the recipients now (force: even when they did not change). */
  refresh(force?: boolean): void;
  /** Re-reads now, or soon when it just did (throttled). */
  schedule(): void;
  destroy(): void;
  readonly destroyed: boolean;
  /** Number of MutationObservers this session holds (for tests). */
  readonly observerCount: number;
  /** The message changed outside the user's typing (an insertion of ours): the checklist reads it again. */
  messageChanged(): void;
  /** The user's answer to the confirm before send. */
  guardAnswer(choice: GuardChoice): void;
}

let composes = 0;

export function buildRecipientViews(recipients: ComposeRecipient[], c: Classification): RecipientView[] {
  const byKey = new Map<string, RecipientView>();
  for (const rec of recipients) {
    const key = normalizeKey(rec.address);
    if (!key) continue;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.fields.includes(rec.field)) existing.fields.push(rec.field);
      continue;
    }
    const entry = c.entries.get(key);
    if (!entry) continue;
    const r = entry.result;
    byKey.set(key, {
      address: r.email ?? key,
      name: rec.name || r.name,
      fields: [rec.field as RecipientField],
      verdict: recipientVerdict(r, entry.consent),
      result: r,
      consent: entry.consent,
      wording: entry.wording,
      ...(entry.suppressed ? { suppressed: true } : {}),
      businessDomain: r.domain && !isConsumerMailbox(r) && r.audience !== 'internal' ? r.domain : null,
    });
  }
  return [...byKey.values()];
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function createSession(handle: ComposeHandle, deps: SessionDeps): Session {
  const debounceMs = deps.debounceMs ?? 20;
  const baseRetry = deps.retryMs ?? 2000;
  const overlay = deps.createOverlay(handle);
  const observers: MutationObserver[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = baseRetry;
  let lastKey: string | null = null;
  let seq = 0;
  let destroyed = false;
  let everReady = false;
  let lastModel: OverlayModel | null = null;
  /** The recipients last read (normalised), for the message analysis. */
  let lastRecipients: string[] = [];
  /** The LinkedIn members last read (null: addresses). */
  let lastPersons: PersonRequest[] | null = null;
  let summary: MessageSummary | null = null;
  /** The last summary as JSON (an answer that says the same is not repainted). */
  let summaryKey = '';
  let guardView: GuardView | null = null;
  let checklist: Checklist | null = null;
  let sendGuard: SendGuard | null = null;

  /** The message body, looked up once and again only when it left the compose (an editor switched, say). */
  let bodyEl: HTMLElement | null = null;
  function stillBody(b: HTMLElement): boolean {
    try {
      if (!b.isConnected) return false;
      const doc = b.ownerDocument;
      if (doc === handle.root.ownerDocument) return handle.root.contains(b);
      // An iframe editor's body: its frame must still be in the compose (a removed one's document lives on).
      const frame = doc.defaultView?.frameElement;
      return !!frame && handle.root.contains(frame);
    } catch {
      return false; // Firefox: a node of a discarded iframe is a dead object
    }
  }
  /** An editor in an iframe (TinyMCE): its input events stay in its own document, so we listen on the body itself. */
  const frameBodies = new WeakSet<HTMLElement>();
  const onFrameInput = () => checklist?.dirty();
  /** The site's Ctrl/Cmd+Enter inside an iframe editor is guarded as it is in the page. */
  const watchFrameKeys = (g: SendGuard, b: HTMLElement) => {
    if (b.ownerDocument !== handle.root.ownerDocument) guard('frame keys', () => g.watchFrame(b), undefined);
  };
  function body(): HTMLElement | null {
    if (!bodyEl || !stillBody(bodyEl)) {
      bodyEl = guard('body', () => handle.body(), null);
      if (bodyEl && bodyEl.ownerDocument !== handle.root.ownerDocument && !frameBodies.has(bodyEl)) {
        frameBodies.add(bodyEl);
        guard('frame input', () => bodyEl!.addEventListener('input', onFrameInput, true), undefined);
      }
      if (bodyEl && sendGuard) watchFrameKeys(sendGuard, bodyEl);
    }
    return bodyEl;
  }
  const inBody = (node: Node | null) => {
    const b = body();
    try {
      return !!b && !!node && (b === node || b.contains(node));
    } catch {
      return false;
    }
  };
  /** Mutations that cannot change a recipient: inside the body, or our own overlay host coming and going. */
  function irrelevant(r: MutationRecord): boolean {
    if (inBody(r.target)) return true;
    if (r.type !== 'childList') return false;
    const ours = (list: NodeList) => {
      for (let i = 0; i < list.length; i++) if (!isOwn(list[i])) return false;
      return true;
    };
    return ours(r.addedNodes) && ours(r.removedNodes);
  }

  /** An invitation note's limit (the site says so), else null. */
  const noteLimit = (): number | null => (handle.noteLimit ? guard('noteLimit', () => handle.noteLimit!() ?? null, null) : null);
  /** Characters the note holds now. */
  const noteUsed = (): number => {
    const b = body();
    return b ? ('value' in b ? String((b as HTMLTextAreaElement).value) : (b.textContent ?? '')).length : 0;
  };

  const onInput = safely('input', (e: Event) => {
    checklist?.dirty(); // notes the time; the message is read later, in a timer of its own
    if (inBody(e.target as Node | null)) {
      // Typing in the message: nothing. A note the user left (change, on blur) shows what is left in it again.
      if (e.type === 'change' && lastModel?.note) render({ ...lastModel, note: { ...lastModel.note, used: noteUsed() } });
      return;
    }
    schedule();
  });
  const onMutations = safely('mutation', (records: MutationRecord[]) => {
    if (records.every(irrelevant)) return;
    schedule();
  });

  function ensureAttached() {
    const host = overlay.host;
    const slot = guard('overlaySlot', () => handle.overlaySlot(), null);
    if (slot && slot.parent.isConnected) {
      const before = slot.before && slot.before.parentNode === slot.parent ? slot.before : null;
      if (host.parentNode !== slot.parent || (before && host.nextSibling !== before)) {
        if (before !== host) slot.parent.insertBefore(host, before);
      }
      return;
    }
    if (!host.isConnected && handle.root.isConnected) handle.root.appendChild(host);
  }

  /** A model without recipients' classification (none yet, or none possible). */
  function bare(state: OverlayModel['state'], verdict: OverlayModel['verdict'], count: number): OverlayModel {
    return { state, verdict, count, recipients: [], wording: null, introduction: null, lang: deps.client.lang };
  }

  function render(model: OverlayModel) {
    lastModel = model;
    overlay.update(summary || guardView ? { ...model, message: summary, guard: guardView } : model);
  }
  const repaint = () => {
    if (lastModel && !destroyed) render(lastModel);
  };

  function scheduleRetry() {
    if (retryTimer || destroyed) return;
    retryTimer = setTimeout(
      safely('retry', () => {
        retryTimer = undefined;
        refresh(true);
      }),
      retryDelay,
    );
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function refresh(force = false) {
    if (destroyed || deps.alive?.() === false) return;
    try {
      ensureAttached();
      const recipients = guard<ComposeRecipient[] | null>('readRecipients', () => handle.readRecipients(), null);
      if (!Array.isArray(recipients)) {
        if (lastKey === '\u0000unreadable' && !force) return;
        lastKey = '\u0000unreadable';
        seq++;
        render(bare('unreadable', 'unknown', 0));
        return;
      }
      const keys = [...new Set(recipients.map((r) => normalizeKey(String(r?.address ?? ''))).filter(Boolean))];
      // LinkedIn members: what the page shows of each is what the worker judges (a headline may load later).
      const persons = personsOf(recipients);
      const note = noteLimit();
      const key = persons ? `${JSON.stringify(persons)}\u0000${note ?? ''}` : `${recipients.length}\u0000${keys.join('\u0000')}`;
      if (!force && key === lastKey) return;
      if (key !== lastKey) checklist?.dirty(); // the message is judged for its recipients
      else if (force) checklist?.stale(); // settings, consents or the suppression list changed: judged again
      lastKey = key;
      lastRecipients = keys;
      lastPersons = persons;
      const my = ++seq;
      if (keys.length === 0) {
        render(bare('ready', 'none', recipients.length));
        return;
      }
      const show = (c: Classification) => {
        const views = buildRecipientViews(recipients, c);
        everReady = true;
        retryDelay = baseRetry;
        const suppressed = views.filter((v) => v.suppressed).length;
        render({
          state: 'ready',
          verdict: strictest(views.map((v) => v.verdict)),
          count: recipients.length,
          recipients: views,
          ...(suppressed ? { suppressed } : {}),
          wording: c.message?.wording ?? null,
          introduction: c.message?.introduction ?? null,
          lang: c.lang,
          ...(note ? { note: { limit: note, used: noteUsed() } } : {}),
        });
      };
      const cached = persons ? deps.client.peekPersons(persons, note ?? undefined) : deps.client.peek(keys);
      if (cached) {
        show(cached);
        return;
      }
      if (!everReady && !lastModel) {
        render(bare('checking', 'none', recipients.length));
      } else overlay.setChecking(true);
      (persons ? deps.client.judge(persons, note ?? undefined) : deps.client.classify(keys)).then(
        safely('classified', (c: Classification) => {
          if (destroyed || my !== seq) return;
          show(c);
        }),
        safely('classify failed', (e: unknown) => {
          if (destroyed || my !== seq) return;
          report('classify', e);
          render(bare('unavailable', 'unknown', recipients.length));
          scheduleRetry();
        }),
      );
    } catch (e) {
      report('refresh', e);
    }
  }

  /**
   * Throttle with a leading edge: a single change (a chip added or removed) is read in the next task, a burst of
   * changes is read again at most every `debounceMs`, and the last change of a burst is never missed. Never in the
   * event or mutation callback itself: the page's own handling of the keystroke comes first.
   */
  let lastRun = -Infinity;
  function schedule() {
    if (destroyed || timer) return;
    const since = now() - lastRun;
    timer = setTimeout(
      safely('scheduled refresh', () => {
        timer = undefined;
        lastRun = now();
        refresh(false);
      }),
      since >= debounceMs ? 0 : debounceMs - since,
    );
  }

  // Observe the recipient areas (and the root for input events).
  guard(
    'observe',
    () => {
      let targets = guard<Node[]>('observeTargets', () => handle.observeTargets(), []);
      if (!Array.isArray(targets) || targets.length === 0) targets = [handle.root];
      for (const target of targets) {
        if (!target || typeof (target as Node).nodeType !== 'number') continue;
        const mo = new MutationObserver(onMutations);
        mo.observe(target, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
          attributeFilter: RECIPIENT_ATTRIBUTES,
        });
        observers.push(mo);
      }
      handle.root.addEventListener('input', onInput, true);
      handle.root.addEventListener('change', onInput, true);
    },
    undefined,
  );

  // The live checklist and the confirm before send.
  const m = deps.message;
  if (m) {
    guard(
      'message checks',
      () => {
        checklist = createChecklist({
          handle,
          body,
          recipients: () => lastRecipients,
          persons: () => lastPersons,
          send: m.send,
          compose: `c${++composes}-${Math.random().toString(36).slice(2, 10)}`,
          idleMs: m.idleMs,
          maxWaitMs: m.maxWaitMs,
          onResult: (a) => {
            // Most edits change nothing the overlay shows (a word typed mid-sentence): no repaint then.
            const key = JSON.stringify(a.analysis);
            if (key === summaryKey) return;
            summaryKey = key;
            summary = a.analysis;
            repaint();
          },
        });
        sendGuard = createSendGuard({
          handle,
          checklist,
          send: m.send,
          notice: m.notice,
          show: (v) => {
            guardView = v;
            if (v) ensureAttached();
            repaint();
          },
          focusBody: () => body()?.focus(),
        });
        const b = body();
        if (b) watchFrameKeys(sendGuard, b);
        checklist.dirty();
      },
      undefined,
    );
  }

  const session: Session = {
    handle,
    overlay,
    refresh,
    schedule,
    get destroyed() {
      return destroyed;
    },
    get observerCount() {
      return observers.length;
    },
    messageChanged: () => checklist?.dirty(),
    guardAnswer: (choice) => sendGuard?.answer(choice),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (timer) clearTimeout(timer);
      if (retryTimer) clearTimeout(retryTimer);
      guard('message checks', () => {
        checklist?.destroy();
        sendGuard?.destroy();
      }, undefined);
      for (const mo of observers) guard('disconnect', () => mo.disconnect(), undefined);
      observers.length = 0;
      guard(
        'listeners',
        () => {
          handle.root.removeEventListener('input', onInput, true);
          handle.root.removeEventListener('change', onInput, true);
        },
        undefined,
      );
      guard('overlay destroy', () => overlay.destroy(), undefined);
    },
  };
  return session;
}
