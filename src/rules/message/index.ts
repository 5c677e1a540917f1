/**
 * Message analysis: is this message prospecting, is it a first contact, which B2B elements does it
 * carry (and where), which consumer bans apply. Pure: no DOM, no extension API, no Node builtins.
 *
 * For the overlay (live checklist) — one analyzer per compose window, called debounced, off the
 * typing path; each call re-reads only the paragraphs that changed:
 *   const analyzer = createMessageAnalyzer();
 *   const a = analyzer.analyze({ body, subject, links }, { audience, alreadyContacted, topic, self });
 * For the send guard — the text was scanned already; decide again with the recipients read at Send:
 *   const facts = analyzer.scan({ body, subject });
 *   const a = decideMessage(facts, { audience: strictestAudience, alreadyContacted });
 */
import { decideMessage, type MessageAnalysis, type MessageContext } from './decide.js';
import { createMessageScanner, scanMessage, type MessageFacts, type MessageInput } from './scan.js';

export interface MessageAnalyzer {
  analyze(input: MessageInput, context: MessageContext): MessageAnalysis;
  /** The scan alone (cached per paragraph). */
  scan(input: MessageInput): MessageFacts;
}

export function createMessageAnalyzer(): MessageAnalyzer {
  const scanner = createMessageScanner();
  return {
    analyze: (input, context) => decideMessage(scanner.scan(input), context),
    scan: (input) => scanner.scan(input),
  };
}

/** One-off analysis (the CLI, tests). */
export function analyzeMessage(input: MessageInput, context: MessageContext): MessageAnalysis {
  return decideMessage(scanMessage(input), context);
}

export { decideMessage, requiredElements, STRUCTURE_CUES, ELEMENT_WEIGHTS, MIN_COMMERCIAL, MIN_TOTAL } from './decide.js';
export type { MessageAnalysis, MessageContext, CueEvidence, TopicFinding, ThreadVerdict } from './decide.js';
export { createMessageScanner, scanMessage, CUE_ENTRIES, TOPICS } from './scan.js';
export type { MessageFacts, MessageInput, MessageScanner, CueHit, LinkSpan } from './scan.js';
export { PROSPECTING_CUES, ORDINARY_CUES, ELEMENT_CUES, REPLY_STOP_CUE, TOPIC_CUES, UNSUBSCRIBE_LINK_WORDS } from './cues.js';
export type { Cue, ProspectingCue, OrdinaryCue } from './cues.js';
export { SUBJECT_PREFIXES, THREAD_MARKERS, subjectShape, findThreadStart } from './structure.js';
export {
  historyKey,
  historyHashInput,
  hashHistoryKey,
  historyKeysToRecord,
  firstContactDecision,
  toHex,
  HISTORY_KEY_VERSION,
  DOT_INSENSITIVE_DOMAINS,
} from './history.js';
export type { HashFunction, FirstContactDecision, FirstContactStatus } from './history.js';
export { MESSAGE_SOURCES, ELEMENT_NAMES, TOPIC_NAMES } from './reasons.js';
