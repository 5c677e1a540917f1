/** What the overlay shows: built by the content script, rendered by Overlay.tsx. Plain data. */
import type { RecipientField } from '../../sites/types';
import type { RecipientResult } from '../../rules/types';
import type { ConsentRecord, UiLang } from '../../storage/schema';
import type { RecipientVerdict, Verdict } from '../../rules/verdict';

export type OverlayState = 'ready' | 'checking' | 'unreadable' | 'unavailable';

/** The value of the host's data-verdict attribute. */
export type HostVerdict = Verdict | 'unreadable';

export interface Introduction {
  intro: string;
  unsubscribe: string;
  /** As given by the rules engine's buildIntroduction; shown as a checklist when it names the elements. */
  elements?: unknown;
}

export interface RecipientView {
  /** Lower-cased address as read from the page. */
  address: string;
  name?: string;
  fields: RecipientField[];
  verdict: RecipientVerdict;
  result: RecipientResult;
  consent: ConsentRecord | null;
  /** Registrable domain, offered for a domain-wide "business" override unless it is a consumer provider. */
  businessDomain: string | null;
}

export interface OverlayModel {
  state: OverlayState;
  verdict: Verdict;
  /** Number of recipients read (data-recipients). */
  count: number;
  recipients: RecipientView[];
  introduction: Introduction | null;
  /** True when the introduction still uses the default wording (the user has not filled the options). */
  introIsDefault: boolean;
  lang: UiLang;
}

export type InsertOutcome = { ok: true } | { ok: false; reason: string };

export interface OverlayActions {
  recordConsent(address: string): Promise<unknown>;
  setOverride(key: string, kind: 'business' | 'private'): Promise<unknown>;
  insert(intro: Introduction): Promise<InsertOutcome>;
  openOptions(): void;
  dismiss(): void;
}

export function hostVerdict(model: Pick<OverlayModel, 'state' | 'verdict'>): HostVerdict {
  if (model.state === 'unreadable') return 'unreadable';
  if (model.state === 'unavailable') return 'unknown';
  return model.verdict;
}
