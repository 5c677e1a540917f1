/** What the overlay shows: built by the content script, rendered by Overlay.tsx. Plain data. */
import type { RecipientField } from '../../sites/types';
import type { RecipientResult, OverrideKind } from '../../rules/types';
import type { ConsentMethod, ConsentRecord, IntroSetup, UiLang } from '../../storage/schema';
import type { RecipientVerdict, Verdict } from '../../rules/verdict';
import type { IntroductionText } from '../../background/protocol';
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
  /** An invitation note: its limit and the characters it held when the overlay was drawn. */
  note?: { limit: number; used: number };
}

export type InsertOutcome = { ok: true } | { ok: false; reason: string };

export { fitNote } from '../../rules/linkedin/note';

export interface OverlayActions {
  recordConsent(address: string, method: ConsentMethod, note?: string): Promise<unknown>;
  setOverride(key: string, kind: OverrideKind): Promise<unknown>;
  /** The inline setup: saved to the settings by the service worker. */
  saveIntro(setup: IntroSetup): Promise<unknown>;
  insert(intro: Introduction): Promise<InsertOutcome>;
  openOptions(): void;
  dismiss(): void;
}

export function hostVerdict(model: Pick<OverlayModel, 'state' | 'verdict' | 'suppressed'>): HostVerdict {
  if (model.state === 'unreadable') return 'unreadable';
  if (model.state === 'unavailable') return 'unknown';
  if (model.state === 'ready' && model.suppressed) return 'suppressed';
  return model.verdict;
}
