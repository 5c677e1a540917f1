/**
 * The live checklist's reading of the message: after an edit, once typing pauses (or at least every `maxWaitMs`
 * while it goes on), the body is read once (message-text.ts) and sent to the worker, which analyses it (the
 * analyzer stays out of the page) and answers with what the overlay shows. Nothing runs in the input event itself:
 * `dirty()` only notes the time and arms a timer.
 *
 * The send guard reads the compose again at Send (`snapshot`) and uses the last answer when it was for exactly that
 * message and those recipients (`fresh`), else asks now (`check`).
 */
import type { MessageLink, ResponseFor, Send } from '../background/protocol';
import type { ComposeHandle } from '../sites/types';
import { withTimeout } from './client';
import { readMessage } from './message-text';
import { guard, report } from './safe';

export type Analysis = Extract<ResponseFor<'analyzeMessage'>, { ok: true }>;

export interface Snapshot {
  text: string;
  links: MessageLink[];
  subject: string;
  recipients: string[];
  /** Everything the analysis depends on, as one string. */
  sig: string;
}

export interface ChecklistDeps {
  handle: ComposeHandle;
  /** The body, as the session keeps it. */
  body(): HTMLElement | null;
  /** The recipients last read (normalised addresses). */
  recipients(): string[];
  send: Send;
  /** This compose's id for the worker (its analyzer). */
  compose: string;
  onResult(a: Analysis): void;
  idleMs?: number;
  maxWaitMs?: number;
  timeoutMs?: number;
}

export interface Checklist {
  /** The message changed: read it again soon. */
  dirty(): void;
  /** Reads the compose now (the recipients given, else the last read). */
  snapshot(recipients?: string[]): Snapshot;
  /** The last answer if it was for exactly this snapshot. */
  fresh(s: Snapshot): Analysis | null;
  /** Asks the worker now about this snapshot (rejects on timeout or error). */
  check(s: Snapshot): Promise<Analysis>;
  /**
   * What the analysis also depends on changed outside the message (settings, consents, the suppression list): the
   * last answer is no longer fresh, and the message is read again soon.
   */
  stale(): void;
  /** Whether the confirm before send is on, as the worker last said (null: not heard yet). */
  guardOn(): boolean | null;
  destroy(): void;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function createChecklist(deps: ChecklistDeps): Checklist {
  const idleMs = deps.idleMs ?? 250;
  const maxWaitMs = deps.maxWaitMs ?? 1000;
  const timeoutMs = deps.timeoutMs ?? 1500;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  let lastEdit = 0;
  let asked = '';
  let seq = 0;
  let last: { sig: string; a: Analysis } | null = null;
  let lastGuard: boolean | null = null;
  let destroyed = false;

  function snapshot(recipients?: string[]): Snapshot {
    const b = deps.body();
    const { text, links } = b ? readMessage(b) : { text: '', links: [] };
    const subject = guard('subject', () => deps.handle.readSubject(), null) ?? '';
    const rs = recipients ?? deps.recipients();
    const sig = `${subject}\u0001${rs.join('\u0002')}\u0001${links.map((l) => `${l.start}:${l.href}`).join('\u0002')}\u0001${text}`;
    return { text, links, subject, recipients: rs, sig };
  }

  function ask(s: Snapshot): Promise<Analysis> {
    return withTimeout(deps.send({ type: 'analyzeMessage', compose: deps.compose, body: s.text, subject: s.subject, links: s.links, recipients: s.recipients }), timeoutMs).then((res) => {
      if (!res || res.ok !== true) throw new Error(res && 'error' in res ? res.error : 'no answer');
      last = { sig: s.sig, a: res };
      lastGuard = res.guard;
      return res;
    });
  }

  function run() {
    if (destroyed) return;
    const s = snapshot();
    if (s.sig === asked) return;
    asked = s.sig;
    const my = ++seq;
    ask(s).then(
      (a) => {
        if (!destroyed && my === seq) guard('checklist result', () => deps.onResult(a), undefined);
      },
      (e: unknown) => {
        report('analyze', e);
        if (my === seq) asked = ''; // try again at the next edit
      },
    );
  }

  function tick() {
    timer = undefined;
    const t = now();
    const wait = Math.min(idleMs - (t - lastEdit), maxWaitMs - (t - first));
    if (wait > 0) timer = setTimeout(tick, wait);
    else guard('checklist', run, undefined);
  }

  function dirty() {
    if (destroyed) return;
    lastEdit = now();
    if (!timer) {
      first = lastEdit;
      timer = setTimeout(tick, idleMs);
    }
  }

  return {
    dirty,
    snapshot,
    fresh: (s) => (last && last.sig === s.sig ? last.a : null),
    check: ask,
    stale() {
      last = null;
      asked = '';
      seq++; // an answer still on its way was for the old settings
      dirty();
    },
    guardOn: () => lastGuard,
    destroy() {
      destroyed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
