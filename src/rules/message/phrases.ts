/**
 * A small phrase language for the cue lists, matched word by word (see text.ts), in one pass over a
 * block whatever the number of phrases: each word looks up the phrases that can start with it.
 *
 * Syntax of a phrase: words separated by spaces, written as people type them (accents, apostrophes
 * and hyphens allowed: "j'ai trouvé" is the three words j ai trouve).
 * - `mot` the word itself, folded (case and accents do not matter);
 * - `mot*` any word starting with it (at least two letters);
 * - `a|b|c*` one of these (alternatives hold no apostrophe or hyphen);
 * - `#` a number (also as an alternative: `n|no|#`);
 * - `~N` up to N words of anything (N from 1 to 9).
 * Pure.
 */
import { tokenize, type Token } from './text.js';

interface Alt {
  w: string;
  prefix: boolean;
}

type Step = { gap: number } | { alts: Alt[]; num: boolean };

export interface CompiledPhrase {
  /** Index of the cue the phrase belongs to (in the table given to compilePhrases). */
  cue: number;
  /** The phrase as written, for errors and tests. */
  source: string;
  steps: Step[];
}

export class PhraseError extends Error {}

/** Folds one alternative word the way the tokenizer folds text; null if it is not exactly one word. */
function foldOne(word: string): string | null {
  const t = tokenize(word);
  return t.length === 1 && t[0]!.s === 0 && t[0]!.e === word.length ? t[0]!.w : null;
}

/** Compiles one phrase. Throws PhraseError on a malformed phrase (tests compile every cue list). */
export function compilePhrase(source: string, cue: number): CompiledPhrase {
  const steps: Step[] = [];
  for (const piece of source.trim().split(/\s+/)) {
    if (piece.length === 0) continue;
    const gap = /^~([1-9])$/.exec(piece);
    if (gap) {
      if (steps.length === 0) throw new PhraseError(`phrase starts with a gap: "${source}"`);
      steps.push({ gap: Number(gap[1]) });
      continue;
    }
    if (piece === '#') {
      steps.push({ alts: [], num: true });
      continue;
    }
    if (piece.indexOf('|') < 0) {
      // one word, or several when typed with apostrophes / hyphens ("j'ai", "e-mail", "peut-être")
      const prefix = piece.endsWith('*');
      const body = prefix ? piece.slice(0, -1) : piece;
      const words = tokenize(body);
      if (words.length === 0) throw new PhraseError(`empty word in "${source}"`);
      words.forEach((t, k) => {
        const isLast = k === words.length - 1;
        steps.push({ alts: [{ w: t.w, prefix: prefix && isLast }], num: false });
      });
      if (prefix && words[words.length - 1]!.w.length < 2) throw new PhraseError(`prefix too short in "${source}"`);
      continue;
    }
    const alts: Alt[] = [];
    let num = false;
    for (const a of piece.split('|')) {
      if (a === '#') {
        num = true;
        continue;
      }
      const prefix = a.endsWith('*');
      const w = foldOne(prefix ? a.slice(0, -1) : a);
      if (w === null) throw new PhraseError(`alternative "${a}" is not one word in "${source}"`);
      if (prefix && w.length < 2) throw new PhraseError(`prefix too short in "${source}"`);
      alts.push({ w, prefix });
    }
    steps.push({ alts, num });
  }
  if (steps.length === 0) throw new PhraseError('empty phrase');
  if ('gap' in steps[steps.length - 1]!) throw new PhraseError(`phrase ends with a gap: "${source}"`);
  return { cue, source, steps };
}

function stepMatches(step: { alts: Alt[]; num: boolean }, t: Token): boolean {
  if (step.num && t.num) return true;
  const w = t.w;
  for (const a of step.alts) {
    if (a.prefix ? w.startsWith(a.w) : w === a.w) return true;
  }
  return false;
}

/** End index (exclusive) of the match of steps[k…] at tokens[i…], or -1. Gaps take as few words as they can. */
function matchFrom(steps: Step[], k: number, tokens: Token[], i: number): number {
  if (k === steps.length) return i;
  const step = steps[k]!;
  if ('gap' in step) {
    for (let g = 0; g <= step.gap && i + g <= tokens.length; g++) {
      const r = matchFrom(steps, k + 1, tokens, i + g);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (i >= tokens.length || !stepMatches(step, tokens[i]!)) return -1;
  return matchFrom(steps, k + 1, tokens, i + 1);
}

export interface PhraseMatch {
  cue: number;
  /** Offsets in the text that was tokenized. */
  s: number;
  e: number;
}

/** Phrases indexed by their first word. */
export interface PhraseIndex {
  exact: Map<string, CompiledPhrase[]>;
  /** First word given as a prefix of three letters or more: keyed by its first three letters. */
  prefix3: Map<string, CompiledPhrase[]>;
  /** First characters of the prefix3 keys (below U+0080), to skip the lookup for most words. */
  prefixFirst: Uint8Array;
  /** First word a prefix of two letters: tried on every word. */
  short: CompiledPhrase[];
  /** First word may be a number: tried on numbers. */
  numeric: CompiledPhrase[];
  size: number;
}

export function buildIndex(phrases: readonly CompiledPhrase[]): PhraseIndex {
  const idx: PhraseIndex = { exact: new Map(), prefix3: new Map(), prefixFirst: new Uint8Array(128), short: [], numeric: [], size: phrases.length };
  const add = (m: Map<string, CompiledPhrase[]>, k: string, p: CompiledPhrase) => {
    const l = m.get(k);
    if (l) {
      if (!l.includes(p)) l.push(p);
    } else m.set(k, [p]);
  };
  for (const p of phrases) {
    const first = p.steps[0] as { alts: Alt[]; num: boolean };
    if (first.num) idx.numeric.push(p);
    for (const a of first.alts) {
      if (!a.prefix) add(idx.exact, a.w, p);
      else if (a.w.length >= 3) {
        add(idx.prefix3, a.w.slice(0, 3), p);
        const c = a.w.charCodeAt(0);
        if (c < 128) idx.prefixFirst[c] = 1;
      } else if (!idx.short.includes(p)) idx.short.push(p);
    }
  }
  return idx;
}

/**
 * Every match of the indexed phrases in `tokens`, in order of their first word; one phrase matching at
 * several places gives several matches, and a phrase is tried once per starting word. No allocation
 * per word but the matches.
 */
export function matchPhrases(idx: PhraseIndex, tokens: Token[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.w;
    const ex = idx.exact.get(w);
    if (ex !== undefined) tryAll(ex, tokens, i, out, null, null);
    if (w.length >= 3) {
      const c = w.charCodeAt(0);
      if (c >= 128 || idx.prefixFirst[c] === 1) {
        const pre = idx.prefix3.get(w.slice(0, 3));
        if (pre !== undefined) tryAll(pre, tokens, i, out, ex ?? null, null);
      }
    }
    if (idx.short.length) tryAll(idx.short, tokens, i, out, ex ?? null, null);
    if (t.num && idx.numeric.length) tryAll(idx.numeric, tokens, i, out, ex ?? null, idx.short);
  }
  return out;
}

/** Tries each phrase of `list` at tokens[i], skipping those already tried there from the other lists. */
function tryAll(
  list: CompiledPhrase[],
  tokens: Token[],
  i: number,
  out: PhraseMatch[],
  skip1: CompiledPhrase[] | null,
  skip2: CompiledPhrase[] | null,
): void {
  for (let k = 0; k < list.length; k++) {
    const p = list[k]!;
    // a phrase reachable from two lists (rare: "offre|offr*") is tried once
    if (skip1 !== null && skip1.includes(p)) continue;
    if (skip2 !== null && skip2.includes(p)) continue;
    const end = matchFrom(p.steps, 0, tokens, i);
    if (end > i) out.push({ cue: p.cue, s: tokens[i]!.s, e: tokens[end - 1]!.e });
  }
}
