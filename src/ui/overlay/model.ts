/** What the overlay shows: built by the content script, rendered by Overlay.tsx. Plain data. */
import type { RecipientField } from '../../sites/types';
import type { RecipientResult, OverrideKind } from '../../rules/types';
import type { ConsentMethod, ConsentRecord, IntroSetup, UiLang } from '../../storage/schema';
import type { RecipientVerdict, Verdict } from '../../rules/verdict';
import type { IntroductionText, MessageSummary, SendCheck } from '../../background/protocol';
import type { IntroElement } from '../../rules/intro';
import type { MessageWording, RecipientWording } from '../../rules/wording';

export type OverlayState = 'ready' | 'checking' | 'unreadable' | 'unavailable';

/** The value of the host's data-verdict attribute (test builds). */
export type HostVerdict = Verdict | 'unreadable' | 'suppressed';

/** The introduction as the worker sends it: text only when complete. */
export type Introduction = IntroductionText;

export interface RecipientView {
  /** Lower-cased address as read from the page. */
  address: string;
  name?: string;
  fields: RecipientField[];
  verdict: RecipientVerdict;
  result: RecipientResult;
  consent: ConsentRecord | null;
  /** What the rules' wording policy says about this recipient: audience label, verdict label, reason, its source. */
  wording: RecipientWording;
  /** Registrable domain, offered for a domain-wide "business" override unless it is a consumer provider. */
  businessDomain: string | null;
  /** On a suppression list (the user's or the company's): objected, do not contact. */
  suppressed?: boolean;
}

export interface OverlayModel {
  state: OverlayState;
  verdict: Verdict;
  /** Number of recipients read (data-recipients). */
  count: number;
  recipients: RecipientView[];
  /** How many recipients are on a suppression list; the message must not go to them (like opt-in without consent). */
  suppressed?: number;
  /** What the rules' wording policy says about the whole message (headline, body, notes); null unless ready. */
  wording: MessageWording | null;
  /** The introduction the message gets (business, or consumer for a private person who consented); null for none. */
  introduction: Introduction | null;
  lang: UiLang;
  /** What the message itself is (the live checklist's analysis); absent until the worker analysed it. */
  message?: MessageSummary | null;
  /** The confirm before send, while it checks or asks. */
  guard?: GuardView | null;
  /** An invitation note: its limit and the characters it held when the overlay was drawn. */
  note?: { limit: number; used: number };
}

/** The confirm before send as the overlay shows it. */
export type GuardView =
  | { kind: 'checking' }
  | { kind: 'ask'; who: SendCheck['who']; banned: boolean; reason: string }
  /** "Send anyway" could not press the site's control (its menu closed): the next click goes through. */
  | { kind: 'again' };

export type InsertOutcome = { ok: true } | { ok: false; reason: string };

export { fitNote } from '../../rules/linkedin/note';

export interface OverlayActions {
  recordConsent(address: string, method: ConsentMethod, note?: string): Promise<unknown>;
  setOverride(key: string, kind: OverrideKind): Promise<unknown>;
  /** The inline setup: saved to the settings by the service worker. */
  saveIntro(setup: IntroSetup): Promise<unknown>;
  insert(intro: Introduction): Promise<InsertOutcome>;
  /** Adds one element of the introduction (its sentence) to the message. */
  addElement?(id: IntroElement, text: string): Promise<InsertOutcome>;
  /** The user's answer to the confirm before send. */
  guardAnswer?(choice: 'send' | 'cancel' | 'consent'): void;
  openOptions(): void;
  dismiss(): void;
}

/** data-message on the host (test builds): what the message is, as the checklist last heard. */
export function hostMessage(m: OverlayModel): string {
  const s = m.message;
  return !s ? 'none' : s.prospecting ? 'prospecting' : s.ordinary ? 'ordinary' : 'undecided';
}

export function hostVerdict(model: Pick<OverlayModel, 'state' | 'verdict' | 'suppressed'>): HostVerdict {
  if (model.state === 'unreadable') return 'unreadable';
  if (model.state === 'unavailable') return 'unknown';
  if (model.state === 'ready' && model.suppressed) return 'suppressed';
  return model.verdict;
}
