/**
 * Confirm before send. Capture-phase listeners on the document, which the compose root is under (the send button's
 * click, Enter or Space on it, Ctrl/Cmd+Enter anywhere in the compose or in its iframe editor's own document, and the
 * site's other send controls that live outside the compose: Gmail's Schedule send menu item; a Send button beside the
 * compose rather than in it). Only the user's own (trusted) input counts: our resend, and any script's, passes
 * untouched.
 *
 * At Send the recipients and the message are read again (an address typed without confirming the autocomplete
 * counts). When the last analysis was for exactly that message and recipients, the decision is synchronous: nothing
 * to ask → the event goes on untouched; something to ask → it is cancelled and the overlay asks. Otherwise the event
 * is cancelled at once and the worker asked; then the site's own button is pressed once (or the overlay asks).
 * "Send anyway" presses it once and leaves a short-lived bypass for that very message (a site that ignored our press:
 * the user's next click goes through without a second question).
 *
 * Fail open: an error or a timeout in our code after the event was cancelled presses the button once and the page
 * says the check did not run; before it was cancelled, the event simply goes on.
 */
import type { ComposeHandle } from '../sites/types';
import type { Send } from '../background/protocol';
import type { GuardView } from '../ui/overlay/model';
import { personsOf, type Analysis, type Checklist, type Snapshot } from './checklist';
import { normalizeKey, withTimeout } from './client';
import { insideOwn } from './own-ui';
import { guard, report } from './safe';
import { TEST_HOOKS } from '../build-flags';

export type GuardChoice = 'send' | 'cancel' | 'consent';

export interface SendGuardDeps {
  handle: ComposeHandle;
  checklist: Checklist;
  send: Send;
  /** Shows the guard's state in the overlay (null: nothing). */
  show(view: GuardView | null): void;
  /** A message on the page that outlives the compose (the check did not run). */
  notice(key: 'ovGuardNotRun' | 'ovGuardConsentFailed'): void;
  /** Puts the focus back in the message (after "cancel"). */
  focusBody(): void;
  timeoutMs?: number;
  bypassMs?: number;
}

export interface SendGuard {
  /** The user's answer in the overlay (a trusted click there). */
  answer(choice: GuardChoice): void;
  /**
   * An editor in an iframe (TinyMCE in Zimbra, OX, Roundcube): its keys stay in its own document, where the site's own
   * Ctrl/Cmd+Enter shortcut listens; that document is watched for it too (once per document).
   */
  watchFrame(body: HTMLElement): void;
  destroy(): void;
}

/** What started the send: the control pressed (to press again), or the keyboard shortcut. */
interface Trigger {
  el: HTMLElement | null;
  schedule: boolean;
  key?: KeyboardEvent;
  /** Where the key was pressed (read during the event: a target inside a shadow root is cleared after it). */
  at?: EventTarget | null;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Test builds only: the page makes the guard throw at a given step (the fail-open browser test). */
function testThrow(step: 'before' | 'after' | 'check'): void {
  if (TEST_HOOKS && document.documentElement.getAttribute('data-pg-test-guard-throw') === step) throw new Error(`test: the guard throws (${step})`);
}

const TEXT_INPUTS = new Set(['submit', 'button', 'image', 'reset', 'checkbox', 'radio']);
/** Where Enter and Space are typed text: an editable element, a textarea, a text field. */
function typing(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && !TEXT_INPUTS.has((el as HTMLInputElement).type);
}

/**
 * Where the event really happened: inside an open shadow root (LinkedIn's #interop-outlet) a listener on the document
 * sees the shadow host as the target; the composed path's first node is the element pressed.
 */
function origin(e: Event): EventTarget | null {
  return (e.composedPath?.()[0] as EventTarget | undefined) ?? e.target;
}

function cancel(e: Event) {
  e.preventDefault();
  e.stopPropagation();
  e.stopImmediatePropagation();
}

function fire(el: HTMLElement, type: string, pointer: boolean) {
  const r = el.getBoundingClientRect();
  const init = { bubbles: true, cancelable: true, composed: true, button: 0, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
  const Ctor = pointer && typeof PointerEvent === 'function' ? PointerEvent : MouseEvent;
  el.dispatchEvent(new Ctor(type, init));
}

/** Presses a control as a user's click does: (pointer) down, up, click. */
function press(el: HTMLElement, pointer: boolean) {
  if (pointer) fire(el, 'pointerdown', true);
  fire(el, 'mousedown', false);
  if (pointer) fire(el, 'pointerup', true);
  fire(el, 'mouseup', false);
  el.click();
}

export function createSendGuard(deps: SendGuardDeps): SendGuard {
  const { handle, checklist } = deps;
  const timeoutMs = deps.timeoutMs ?? 2000;
  const bypassMs = deps.bypassMs ?? 10000;
  const root = handle.root;
  const doc = root.ownerDocument;
  let state: 'idle' | 'checking' | 'asking' | 'busy' = 'idle';
  let pending: { s: Snapshot; a: Analysis; t: Trigger } | null = null;
  /** After "send anyway": that very message passes at the user's next press (`a`: to record then, if not yet). */
  let bypass: { sig: string; until: number; a: Analysis | null } | null = null;
  /** Space activates a button on its keyup: the keyup of a Space we stopped is stopped too. */
  let swallowSpaceUp = false;
  /**
   * A schedule-send activation is decided at its first event (pointerdown or mousedown): when we stopped it, its other
   * events are stopped too; when we let it through, they pass without a second decision.
   */
  let swallowUntil = 0;
  let passUntil = 0;
  let destroyed = false;

  const sendButton = () => guard('sendButton', () => handle.sendButton(), null);
  const within = (el: Element | null | undefined, target: EventTarget | null) => !!el && target instanceof Node && el.contains(target);
  const scheduleItem = (target: EventTarget | null): HTMLElement | null =>
    guard('schedule', () => (handle.scheduleSendButtons?.() ?? []).find((el) => within(el, target)) ?? null, null);

  /** Reads the compose now: recipients as the site shows them this instant (typed ones included). */
  function snapshot(): Snapshot {
    const rs = handle.readRecipients();
    const list = Array.isArray(rs) ? rs : [];
    const keys = [...new Set(list.map((r) => normalizeKey(String(r?.address ?? ''))).filter(Boolean))];
    return checklist.snapshot(keys, personsOf(list));
  }

  /** The message went out: a prospecting one joins the hashed history (the worker writes it). */
  function sent(s: Snapshot, a: Analysis | null) {
    if (a?.analysis.prospecting && s.recipients.length)
      deps.send({ type: 'recordSend', recipients: s.recipients }).catch((e: unknown) => report('recordSend', e));
  }

  /** Presses the site's own control once; false when it cannot (the menu closed): the user's next press passes. */
  function resend(t: Trigger): boolean {
    if (t.el && t.schedule) {
      if (t.el.isConnected) {
        press(t.el, true);
        return true;
      }
      deps.show({ kind: 'again' });
      return false;
    }
    const b = sendButton() ?? (t.el?.isConnected ? t.el : null);
    if (b) {
      if (handle.pressSend) handle.pressSend(b);
      else press(b, false);
    } else if (t.key) {
      const k = t.key;
      ((t.at ?? k.target) as HTMLElement | null)?.dispatchEvent(new KeyboardEvent('keydown', { key: k.key, code: k.code, ctrlKey: k.ctrlKey, metaKey: k.metaKey, bubbles: true, cancelable: true }));
    }
    return true;
  }

  /** Sends after the user's answer: presses once, and lets that message through at the user's next press. */
  function release(p: { s: Snapshot; a: Analysis; t: Trigger }) {
    const pressed = guard('resend', () => resend(p.t), true);
    bypass = { sig: p.s.sig, until: now() + bypassMs, a: pressed ? null : p.a };
    if (pressed) sent(p.s, p.a);
  }

  function failOpen(t: Trigger, e: unknown) {
    report('send guard', e);
    state = 'idle';
    pending = null;
    guard('show', () => deps.show(null), undefined);
    guard('resend', () => resend(t), undefined);
    guard('notice', () => deps.notice('ovGuardNotRun'), undefined);
  }

  function ask(s: Snapshot, a: Analysis, t: Trigger) {
    state = 'asking';
    pending = { s, a, t };
    deps.show({ kind: 'ask', who: a.check.who, banned: a.check.banned, reason: a.analysis.reasons[0] ?? '' });
  }

  function decide(e: Event, t: Trigger) {
    if (state !== 'idle') return cancel(e); // a second press while we check or ask: one send at most
    let stopped = false;
    try {
      testThrow('before');
      // Off (as the worker last said): nothing is stopped, not even before an answer.
      if (guard('guardOn', () => checklist.guardOn(), null) === false) return;
      const s = snapshot();
      if (bypass && bypass.until > now() && bypass.sig === s.sig) {
        const a = bypass.a;
        bypass = null;
        deps.show(null);
        return sent(s, a);
      }
      const a = checklist.fresh(s);
      if (a && (!a.guard || !a.check.ask)) return sent(s, a);
      cancel(e);
      stopped = true;
      testThrow('after');
      if (a) return ask(s, a, t);
      state = 'checking';
      deps.show({ kind: 'checking' });
      withTimeout(checklist.check(s), timeoutMs)
        .then((r) => {
          if (destroyed) return;
          testThrow('check');
          if (r.guard && r.check.ask) return ask(s, r, t);
          state = 'idle';
          deps.show(null);
          resend(t);
          sent(s, r);
        })
        .catch((err: unknown) => failOpen(t, err));
    } catch (err) {
      if (stopped) failOpen(t, err);
      else report('send guard', err); // not cancelled: the send goes on
    }
  }

  const onClick = (e: MouseEvent) => {
    const at = origin(e);
    if (!e.isTrusted || insideOwn(at as Node)) return;
    const b = sendButton();
    if (within(b, at)) decide(e, { el: b!, schedule: false });
  };

  const onKey = (e: KeyboardEvent) => {
    if (!e.isTrusted || e.isComposing) return;
    const enter = e.key === 'Enter';
    if (!enter && e.key !== ' ') return;
    const at = origin(e);
    if (insideOwn(at as Node)) return;
    if (enter && (e.ctrlKey || e.metaKey)) return within(root, at) ? decide(e, { key: e, el: null, schedule: false, at }) : undefined;
    // Enter or Space typed in the message or a field is text, not a press of Send: nothing looked up while typing.
    if (typing(at)) return;
    const b = sendButton();
    if (within(b, at)) {
      decide(e, { el: b!, schedule: false });
      swallowSpaceUp = !enter && e.defaultPrevented;
    }
  };

  /** Ctrl/Cmd+Enter in an iframe editor's document (the site's own shortcut there sends). */
  const frames = new Set<Document>();
  const onFrameKey = (e: KeyboardEvent) => {
    if (!e.isTrusted || e.isComposing || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    if (insideOwn(origin(e) as Node)) return;
    decide(e, { key: e, el: null, schedule: false, at: origin(e) });
  };

  const onKeyUp = (e: KeyboardEvent) => {
    if (e.key !== ' ' || !swallowSpaceUp) return;
    swallowSpaceUp = false;
    cancel(e);
  };

  /** Gmail's Schedule send item (a menu outside the compose): decided at the first event of the activation. */
  const onSchedule = (e: Event) => {
    if (!e.isTrusted || !handle.scheduleSendButtons) return;
    const item = scheduleItem(origin(e));
    if (!item) return;
    const t = e.type;
    if (t === 'keydown') {
      const k = (e as KeyboardEvent).key;
      if (k === 'Enter' || k === ' ') decide(e, { el: item, schedule: true });
      return;
    }
    if (swallowUntil > now()) {
      cancel(e);
      if (t === 'click') swallowUntil = 0;
      return;
    }
    if (passUntil > now()) {
      if (t === 'click') passUntil = 0;
      return;
    }
    if (t !== 'pointerdown' && t !== 'mousedown') return;
    decide(e, { el: item, schedule: true });
    if (e.defaultPrevented) swallowUntil = now() + 2000;
    else passUntil = now() + 2000;
  };

  // On the document, capture phase: the compose's events first (its root is below), and a site whose Send button sits
  // beside the compose rather than in it (the generic adapter looks a few levels up) is covered too.
  const opts = { capture: true } as const;
  doc.addEventListener('click', onClick, opts);
  doc.addEventListener('keydown', onKey, opts);
  doc.addEventListener('keyup', onKeyUp, opts);
  const scheduleEvents = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'keydown'];
  if (handle.scheduleSendButtons) for (const t of scheduleEvents) doc.addEventListener(t, onSchedule, opts);

  return {
    answer(choice) {
      const p = pending;
      if (!p || state !== 'asking') return;
      if (choice === 'cancel') {
        state = 'idle';
        pending = null;
        deps.show(null);
        deps.focusBody();
        return;
      }
      if (choice === 'send') {
        state = 'idle';
        pending = null;
        deps.show(null);
        return release(p);
      }
      // "I have their consent": recorded by the worker (dated, 'at-send'), then the message goes.
      state = 'busy';
      const addresses = p.a.check.who.filter((w) => w.verdict === 'opt-in').map((w) => w.address);
      withTimeout(deps.send({ type: 'consentAtSend', addresses }), timeoutMs)
        .then((res) => {
          if (!res?.ok) throw new Error('consent not recorded');
        })
        .catch((e: unknown) => {
          report('consentAtSend', e);
          guard('notice', () => deps.notice('ovGuardConsentFailed'), undefined);
        })
        .finally(() => {
          state = 'idle';
          pending = null;
          guard('show', () => deps.show(null), undefined);
          release(p);
        });
    },
    watchFrame(body) {
      const d = body.ownerDocument;
      if (destroyed || d === doc || frames.has(d)) return;
      frames.add(d);
      d.addEventListener('keydown', onFrameKey, opts);
    },
    destroy() {
      destroyed = true;
      for (const d of frames) guard('frame keys', () => d.removeEventListener('keydown', onFrameKey, opts), undefined);
      frames.clear();
      doc.removeEventListener('click', onClick, opts);
      doc.removeEventListener('keydown', onKey, opts);
      doc.removeEventListener('keyup', onKeyUp, opts);
      for (const t of scheduleEvents) doc.removeEventListener(t, onSchedule, opts);
    },
  };
}
