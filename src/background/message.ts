/**
 * The worker's side of the message checks: the analysis of one compose's message (src/rules/message) with its
 * recipients as read now, the first-contact history (src/storage/history.ts), and the confirm-before-send decision.
 * Runs here, not in the page: the analyzer and its cue lists weigh more than the content script's whole budget.
 *
 * One incremental analyzer per compose window (keyed by tab and the content script's compose id), so that each
 * keystroke's analysis re-reads only the paragraph that changed; the least recently used are dropped.
 */
import { createMessageAnalyzer, type MessageAnalysis, type MessageAnalyzer } from '../rules/message/index';
import type { Audience, ClassifyOptions, RecipientResult } from '../rules/types';
import { recipientVerdict } from '../rules/verdict';
import { recipientWording } from '../rules/wording';
import type { IntroElement } from '../rules/intro';
import type { Stored } from '../storage/area';
import type { HistoryStore } from '../storage/history';
import type { UiLang } from '../storage/schema';
import type { MessageLink, MessageSummary, Responses, SendCheck } from './protocol';

/** Compose windows whose analyzer is kept (a few open at once, across tabs). */
export const MAX_ANALYZERS = 16;

/** From the strictest audience to the least: the message is judged for the one it owes most to. */
const AUDIENCE_ORDER: readonly Audience[] = ['private', 'unknown', 'professional', 'organization', 'internal', 'invalid'];

export function strictestAudience(results: readonly RecipientResult[]): Audience {
  let best: Audience = 'invalid';
  for (const r of results) if (AUDIENCE_ORDER.indexOf(r.audience) < AUDIENCE_ORDER.indexOf(best)) best = r.audience;
  return best;
}

export interface MessageServiceDeps {
  classifyMany(inputs: string[], options: ClassifyOptions): RecipientResult[];
  /** The hashed history; null where IndexedDB is missing (the analysis then says the history is unknown). */
  history: HistoryStore | null;
  /** Optional: which of these normalised addresses are on a suppression list (they count like opt-in). */
  suppressed?(emails: string[]): Promise<boolean[]>;
}

export interface AnalyzeInput {
  /** Tab and compose: the analyzer kept for it. */
  key: string;
  body: string;
  subject: string;
  links: MessageLink[];
  recipients: string[];
}

const HIT_TEXT = 80;

export function summarize(a: MessageAnalysis, lang: UiLang, since?: string): MessageSummary {
  const where: Partial<Record<IntroElement, string>> = {};
  for (const e of a.present) {
    const h = a.where[e][0];
    if (h) where[e] = h.text.length > HIT_TEXT ? `${h.text.slice(0, HIT_TEXT - 1)}…` : h.text;
  }
  const out: MessageSummary = {
    prospecting: a.prospecting,
    // Quiet only on evidence: a reply, a forward, an invoice… An empty or bare draft is not judged ordinary.
    ordinary: !a.prospecting && a.decidedBy.length > 0,
    firstContact: a.firstContact,
    status: a.firstContactStatus,
    required: a.required,
    present: a.present,
    missing: a.missing,
    where,
    banned: a.banned,
    reasons: a.reasons.map((r) => (lang === 'en' ? r.en : r.fr)),
  };
  if (since && a.firstContactStatus === 'already-contacted') out.since = since;
  return out;
}

export function createMessageService(deps: MessageServiceDeps) {
  const analyzers = new Map<string, MessageAnalyzer>();

  function analyzerFor(key: string): MessageAnalyzer {
    let a = analyzers.get(key);
    if (a) analyzers.delete(key);
    else a = createMessageAnalyzer();
    analyzers.set(key, a); // most recent last
    while (analyzers.size > MAX_ANALYZERS) analyzers.delete(analyzers.keys().next().value!);
    return a;
  }

  /** Every prospectable recipient already in the history: true; one newcomer: false; no history: null (unknown). */
  async function contacted(results: RecipientResult[]): Promise<{ already: boolean | null; since?: string }> {
    const emails = [...new Set(results.filter((r) => r.email && r.audience !== 'internal' && r.audience !== 'invalid').map((r) => r.email!))];
    if (!emails.length) return { already: false };
    if (!deps.history) return { already: null };
    try {
      const entries = await deps.history.lookup(emails);
      if (entries.some((e) => e === null)) return { already: false };
      return { already: true, since: entries.map((e) => e!.first).sort().pop() };
    } catch {
      return { already: null };
    }
  }

  return {
    /** The analysis and the send check for one compose's message. */
    async analyze(stored: Stored, lang: UiLang, input: AnalyzeInput): Promise<Responses['analyzeMessage']> {
      const { settings, overrides, consents } = stored;
      const options: ClassifyOptions = { ownDomains: settings.ownDomains, overrides, jurisdiction: settings.jurisdiction };
      if (settings.topic) options.topic = settings.topic;
      const results = input.recipients.length ? deps.classifyMany(input.recipients, options) : [];
      const audience = results.length ? strictestAudience(results) : 'unknown';
      const history = await contacted(results);
      const analysis = analyzerFor(input.key).analyze(
        { body: input.body, subject: input.subject, links: input.links },
        { audience, alreadyContacted: history.already, topic: settings.topic },
      );

      // The send check: prospecting, and someone who never said yes (opt-in), whom a ban protects, or who objected.
      const emails = results.map((r) => r.email ?? '');
      let suppressed: boolean[] = emails.map(() => false);
      if (deps.suppressed && analysis.prospecting) {
        const known = emails.filter(Boolean);
        const flags = known.length ? await deps.suppressed(known).catch(() => known.map(() => false)) : [];
        const set = new Set(known.filter((_, i) => flags[i]));
        suppressed = emails.map((e) => set.has(e));
      }
      const who: SendCheck['who'] = [];
      const seen = new Set<string>();
      results.forEach((r, i) => {
        const key = r.email ?? r.input;
        if (seen.has(key)) return;
        seen.add(key);
        const consent = r.email ? (consents[r.email] ?? null) : null;
        const v = recipientVerdict(r, consent);
        const textBan = analysis.banned.length > 0 && (r.audience === 'private' || r.audience === 'unknown');
        const verdict = v === 'banned' || textBan ? 'banned' : suppressed[i] ? 'suppressed' : v === 'opt-in' ? 'opt-in' : null;
        if (verdict) who.push({ address: key, label: recipientWording(r, lang, consent).title, verdict });
      });
      const check: SendCheck = {
        ask: analysis.prospecting && who.length > 0,
        who: analysis.prospecting ? who : [],
        banned: who.some((w) => w.verdict === 'banned'),
      };
      return { ok: true, lang, analysis: summarize(analysis, lang, history.since), check, guard: settings.sendGuard };
    },

    /** A prospecting send went out: its recipients join the history (hashed). */
    async recordSend(recipients: string[]): Promise<number> {
      if (!deps.history) throw new Error('history unavailable');
      return deps.history.record(recipients);
    },

    /** The compose closed or the tab went: its analyzer goes (tests; the LRU bound does it otherwise). */
    forget(key: string) {
      analyzers.delete(key);
    },
    get size() {
      return analyzers.size;
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
