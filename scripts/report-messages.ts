/**
 * `npm run report:messages`: precision and recall of the message analysis on its corpus, the tuning
 * set and the held-out set apart. Also used by the corpus test to load the files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, formatReport } from '../src/rules/message/corpus/evaluate';
import { parseCorpusFile, type CorpusEntry } from '../src/rules/message/corpus/format';

export const CORPUS_DIR = fileURLToPath(new URL('../src/rules/message/corpus/', import.meta.url));

export const CORPUS_SETS: readonly CorpusEntry['set'][] = ['tuning', 'held-out', 'fresh'];

export function loadCorpus(set: CorpusEntry['set']): CorpusEntry[] {
  const dir = join(CORPUS_DIR, set);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseCorpusFile(f.replace(/\.txt$/, ''), set, readFileSync(join(dir, f), 'utf8')));
}

export function corpusReport(): string {
  return formatReport(CORPUS_SETS.map((set) => evaluate(set, loadCorpus(set))).filter((r) => r.messages > 0));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${corpusReport()}\n`);
}
