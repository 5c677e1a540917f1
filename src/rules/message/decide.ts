/**
 * From what a message contains (scan.ts) and who it goes to, the analysis: prospecting or not and the
 * cues that decided, first contact or not, the B2B elements present (and where) and missing, and the
 * consumer bans that apply, each with its reason. Cheap: no text is read again here, so the send
 * guard can decide again with the recipients of the moment. Pure.
 */
import { INTRO_ELEMENTS, type IntroElement } from '../intro.js';
import { makeReason } from '../reasons.js';
import type { Audience, Reason, Topic } from '../types.js';
import { ORDINARY_CUES, PROSPECTING_CUES, type Cue } from './cues.js';
import { firstContactDecision, historyKey, type FirstContactStatus } from './history.js';
import {
  banReason,
  CONSENT_REQUIRED,
  FIRST_CONTACT_REASONS,
  missingElementReason,
  quote,
  UNSUBSCRIBE_WITHOUT_MEANS,
} from './reasons.js';
import { TOPICS, type CueHit, type MessageFacts } from './scan.js';

export interface MessageContext {
  /** The recipient's audience (the strictest of the recipients, for a message to several). */
  audience: Audience;
  /**
   * From the local history: this address already received a prospecting message. For a message to
   * several recipients, true only when every one of them did (one newcomer makes it a first contact).
   * Unknown (null/undefined): treated as a first contact.
   */
  alreadyContacted?: boolean | null;
  /** The activity topic the user declared in the options, when it is one the law singles out. */
  topic?: Topic | null;
  /** The user's own addresses: a quoted thread they wrote is their follow-up, not a reply to the recipient. */
  self?: readonly string[];
}

export type ThreadVerdict = 'reply' | 'forward' | 'own-thread' | null;

/** A cue that weighed in the decision, with where it was found. */
export interface CueEvidence {
  id: string;
  label: { fr: string; en: string };
  weight: number;
  side: 'prospecting' | 'ordinary';
  hits: CueHit[];
}

export interface TopicFinding {
  id: Topic;
  /** In the message text, and/or the user's declared topic. */
  fromText: boolean;
  declared: boolean;
  hits: CueHit[];
}

export interface MessageAnalysis {
  prospecting: boolean;
  /** The sums behind the decision: commercial cues, first-contact cues, ordinary-mail cues. */
  score: { commercial: number; firstContact: number; ordinary: number };
  /** The cues on the winning side, strongest first (empty when nothing was found either way). */
  decidedBy: CueEvidence[];
  thread: ThreadVerdict;
  firstContact: boolean;
  firstContactStatus: FirstContactStatus;
  /** The elements this message owes its recipient. */
  required: IntroElement[];
  present: IntroElement[];
  missing: IntroElement[];
  /** Where each present element is (offsets into the body). */
  where: Record<IntroElement, CueHit[]>;
  topics: TopicFinding[];
  banned: Topic[];
  reasons: Reason[];
}

/** A thread marker, a reply or forward subject: what weighs as structure. */
export const STRUCTURE_CUES: Readonly<Record<string, Cue>> = {
  'reply-thread': {
    id: 'reply-thread',
    weight: Infinity,
    label: { fr: 'réponse dans un fil de discussion', en: 'reply in a thread' },
    note: 'The body quotes the message it answers ("Le … a écrit :", "On … wrote:", "> "): the conversation exists; a pitch inside it is not a first contact.',
    fr: [],
    en: [],
  },
  forward: {
    id: 'forward',
    weight: Infinity,
    label: { fr: 'message transféré', en: 'forwarded message' },
    note: 'The user passes on someone else\u2019s message; the pitch in it is not theirs.',
    fr: [],
    en: [],
  },
  'reply-subject': {
    id: 'reply-subject',
    weight: 3,
    label: { fr: 'objet de réponse (RE :)', en: 'reply subject (Re:)' },
    note: 'A reply prefix without a quoted thread: usually a reply whose history was cut, sometimes a fake "RE:" on a cold pitch — first-contact cues can outweigh it.',
    fr: [],
    en: [],
  },
  'forward-subject': {
    id: 'forward-subject',
    weight: 4,
    label: { fr: 'objet de transfert (TR :, Fwd:)', en: 'forward subject (Fwd:)' },
    note: 'A forward prefix without the forwarded message.',
    fr: [],
    en: [],
  },
};

/** Each element found adds this much to the first-contact score: a stranger is told where their details came from. */
export const ELEMENT_WEIGHTS: Readonly<Record<IntroElement, number>> = {
  activity: 1,
  'contact-source': 2,
  'future-offers': 2,
  unsubscribe: 1,
};

/** Prospecting: at least this much commercial weight … */
export const MIN_COMMERCIAL = 2;
/** … and commercial + first-contact − ordinary at least this much. */
export const MIN_TOTAL = 3;

const CUES_BY_ID = /*#__PURE__*/ (() => new Map<string, Cue>([...PROSPECTING_CUES, ...ORDINARY_CUES].map((c) => [c.id, c])))();
const ELEMENT_LABELS: Record<IntroElement, { fr: string; en: string }> = {
  activity: { fr: 'présentation de l\u2019activité', en: 'business presented' },
  'contact-source': { fr: 'source du contact donnée', en: 'contact source given' },
  'future-offers': { fr: 'offres futures annoncées', en: 'future offers announced' },
  unsubscribe: { fr: 'lien de désinscription', en: 'unsubscribe means' },
};

function group(hits: CueHit[]): Map<string, CueHit[]> {
  const m = new Map<string, CueHit[]>();
  for (const h of hits) {
    const l = m.get(h.cue);
    if (l) l.push(h);
    else m.set(h.cue, [h]);
  }
  return m;
}

function threadVerdict(facts: MessageFacts, self: readonly string[] | undefined): ThreadVerdict {
  const t = facts.thread;
  if (t) {
    if (t.author && Array.isArray(self) && self.length > 0) {
      const a = historyKey(t.author);
      if (a !== null && self.some((s) => typeof s === 'string' && historyKey(s) === a)) return 'own-thread';
    }
    if (t.thread === 'forward') return 'forward';
    if (t.thread === 'either' && facts.subject?.kind === 'forward') return 'forward';
    return 'reply';
  }
  return null;
}

export function decideMessage(facts: MessageFacts, context: MessageContext): MessageAnalysis {
  const ctx: MessageContext = context && typeof context === 'object' ? context : { audience: 'unknown' };
  const audience: Audience = ctx.audience ?? 'unknown';
  const thread = threadVerdict(facts, ctx.self);

  // Elements present and where
  const where: Record<IntroElement, CueHit[]> = {
    activity: facts.elements.activity,
    'contact-source': facts.elements['contact-source'],
    'future-offers': facts.elements['future-offers'],
    unsubscribe: facts.elements.unsubscribe,
  };
  const present = INTRO_ELEMENTS.filter((e) => where[e].length > 0);

  // Scores
  const evidence: CueEvidence[] = [];
  let commercial = 0;
  let firstContactScore = 0;
  let ordinary = 0;
  for (const [id, hits] of group(facts.prospecting)) {
    const cue = PROSPECTING_CUES.find((c) => c.id === id)!;
    if (cue.group === 'commercial') commercial += cue.weight;
    else firstContactScore += cue.weight;
    evidence.push({ id, label: cue.label, weight: cue.weight, side: 'prospecting', hits });
  }
  for (const e of present) {
    firstContactScore += ELEMENT_WEIGHTS[e];
    evidence.push({ id: `element-${e}`, label: ELEMENT_LABELS[e], weight: ELEMENT_WEIGHTS[e], side: 'prospecting', hits: where[e] });
  }
  for (const [id, hits] of group(facts.ordinary)) {
    const cue = CUES_BY_ID.get(id)!;
    ordinary += cue.weight;
    evidence.push({ id, label: cue.label, weight: cue.weight, side: 'ordinary', hits });
  }
  let decisive: CueEvidence | null = null;
  const marker = facts.thread ? [{ cue: facts.thread.marker, field: 'body' as const, start: facts.thread.start, end: facts.thread.start + facts.thread.text.length, text: facts.thread.text, lang: 'fr' as const }] : [];
  if (thread === 'reply' || thread === 'forward') {
    const c = STRUCTURE_CUES[thread === 'reply' ? 'reply-thread' : 'forward']!;
    decisive = { id: c.id, label: c.label, weight: c.weight, side: 'ordinary', hits: marker };
    evidence.push(decisive);
  } else if (thread === null && facts.subject) {
    const c = STRUCTURE_CUES[facts.subject.kind === 'reply' ? 'reply-subject' : 'forward-subject']!;
    ordinary += c.weight;
    evidence.push({
      id: c.id,
      label: c.label,
      weight: c.weight,
      side: 'ordinary',
      hits: [{ cue: c.id, field: 'subject', start: facts.subject.start, end: facts.subject.end, text: facts.subject.prefixes[0]!, lang: 'fr' }],
    });
  }
  const prospecting = decisive === null && commercial >= MIN_COMMERCIAL && commercial + firstContactScore - ordinary >= MIN_TOTAL;

  const side = prospecting ? 'prospecting' : 'ordinary';
  const decidedBy = evidence
    .filter((e) => e.side === side)
    .sort((a, b) => b.weight - a.weight || a.hits[0]!.start - b.hits[0]!.start);

  // First contact and what is owed
  const fc = firstContactDecision(prospecting, ctx.alreadyContacted);
  const required = requiredElements(prospecting, fc.firstContact, audience);
  const missing = required.filter((e) => where[e].length === 0);

  // Consumer bans
  const consumer = audience === 'private' || audience === 'unknown';
  const topics: TopicFinding[] = [];
  for (const t of TOPICS) {
    const hits = facts.topics[t];
    const declared = ctx.topic === t;
    if (hits.length || declared) topics.push({ id: t, fromText: hits.length > 0, declared, hits });
  }
  const banned = prospecting && consumer ? topics.map((t) => t.id) : [];

  // Reasons
  const weak = prospecting ? [] : evidence.filter((e) => e.side === 'prospecting');
  const reasons: Reason[] = [decisionReason(prospecting, decidedBy, weak)];
  if (prospecting) {
    reasons.push(FIRST_CONTACT_REASONS[fc.status as keyof typeof FIRST_CONTACT_REASONS]);
    if (audience === 'private') reasons.push(CONSENT_REQUIRED);
    for (const e of missing) reasons.push(missingElementReason(e));
    if (missing.includes('unsubscribe') && facts.unsubscribeWithoutMeans.length) {
      reasons.push(UNSUBSCRIBE_WITHOUT_MEANS(facts.unsubscribeWithoutMeans[0]!.text));
    }
  }
  for (const t of topics) {
    if (banned.includes(t.id)) reasons.push(banReason(t.id, [...new Set(t.hits.map((h) => h.text))].slice(0, 3), t.declared));
  }

  return {
    prospecting,
    score: { commercial, firstContact: firstContactScore, ordinary },
    decidedBy,
    thread,
    firstContact: fc.firstContact,
    firstContactStatus: fc.status,
    required,
    present,
    missing,
    where,
    topics,
    banned,
    reasons,
  };
}

/**
 * The elements a message owes: none unless it is prospecting; the four of the B2B introduction on a
 * first contact with a business (or a recipient we cannot classify); otherwise — a follow-up, or a
 * private individual, whose consent is the real question — the way to object, due in every message.
 */
export function requiredElements(prospecting: boolean, firstContact: boolean, audience: Audience): IntroElement[] {
  if (!prospecting || audience === 'internal' || audience === 'invalid') return [];
  if (firstContact && audience !== 'private') return [...INTRO_ELEMENTS];
  return ['unsubscribe'];
}

function cueList(decidedBy: CueEvidence[], lang: 'fr' | 'en'): string {
  return decidedBy
    .slice(0, 4)
    .map((e) => {
      const h = e.hits[0];
      return h ? `${e.label[lang]} (${quote(h.text, lang)})` : e.label[lang];
    })
    .join(lang === 'fr' ? ' ; ' : '; ');
}

function decisionReason(prospecting: boolean, decidedBy: CueEvidence[], weak: CueEvidence[]): Reason {
  const detail = decidedBy.map((e) => e.id).join(',');
  if (prospecting) {
    return makeReason(
      'message-prospecting',
      `Message de prospection commerciale : ${cueList(decidedBy, 'fr')}.`,
      `Commercial prospecting message: ${cueList(decidedBy, 'en')}.`,
      undefined,
      detail,
    );
  }
  if (decidedBy.length === 0 && weak.length > 0) {
    return makeReason(
      'message-not-prospecting',
      `Pas de prospection : trop peu d\u2019indices commerciaux (${cueList(weak, 'fr')}).`,
      `Not prospecting: too few commercial cues (${cueList(weak, 'en')}).`,
      undefined,
      weak.map((e) => e.id).join(','),
    );
  }
  if (decidedBy.length === 0) {
    return makeReason(
      'message-not-prospecting',
      'Pas de prospection : aucun indice d\u2019offre ou de démarchage commercial dans le message.',
      'Not prospecting: no sign of an offer or of commercial canvassing in the message.',
      undefined,
      '',
    );
  }
  return makeReason(
    'message-not-prospecting',
    `Pas de prospection : ${cueList(decidedBy, 'fr')}.`,
    `Not prospecting: ${cueList(decidedBy, 'en')}.`,
    undefined,
    detail,
  );
}
