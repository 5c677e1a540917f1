/**
 * Same answers as another revision: compares the classifier's results and the CLI's outputs of the
 * working tree with those of a git revision (default: main), on large generated inputs. For
 * performance work, where nothing visible may change.
 *
 * Run: npx tsx bench/equivalence.ts [REV] [--rows N]
 *
 * - classify: classify.bench.ts's 1 M varied addresses, plus every role word and function title in
 *   the forms people write them (digits, separators, accents, capitals, a "+tag", a city after it) at
 *   consumer, company, académie, prefecture and university domains, each under several option sets
 *   (own domains, overrides, another jurisdiction, another channel, a topic); each result compared
 *   field by field as JSON.
 * - CLI: cli.bench.ts's French Excel CSV (N rows, default 200,000) and the fixture exports through
 *   `audit` with several formats and options; each output compared by SHA-256.
 * The revision's sources are extracted under .tmp/ and bundled with esbuild (nothing else is touched).
 * Exits 1 when anything differs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync, type BuildOptions } from 'esbuild';
import * as current from '../src/rules/index';
import { ROLE_LOCAL_PARTS } from '../src/rules/roles';
import type { ClassifyOptions, RecipientResult } from '../src/rules/types';
import { generateAddresses } from './addresses';
import { writeCsv } from './cli.bench';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const rowsAt = argv.indexOf('--rows');
const ROWS = rowsAt >= 0 ? Number(argv[rowsAt + 1]) : 200_000;
const REV = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--rows') ?? 'main';

type Rules = Pick<typeof current, 'classify' | 'classifyMany'>;

/** The revision's src/ under .tmp/equivalence/REV, its rules engine and CLI bundled there. */
function buildRevision(rev: string): { rules: string; cli: string } {
  const sha = spawnSync('git', ['rev-parse', '--short', rev], { cwd: root, encoding: 'utf8' }).stdout.trim();
  if (!sha) throw new Error(`unknown revision ${rev}`);
  const dir = join(root, '.tmp/equivalence', sha);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = spawnSync('sh', ['-c', `git archive ${sha} src package.json | tar -x -C "${dir}"`], { cwd: root, encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`git archive failed: ${tar.stderr}`);
  const common: BuildOptions = { bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent', nodePaths: [join(root, 'node_modules')] };
  const rules = join(dir, 'rules.mjs');
  buildSync({ ...common, entryPoints: [join(dir, 'src/rules/index.ts')], outfile: rules });
  const cli = join(dir, 'cli.mjs');
  buildSync({ ...common, entryPoints: [join(dir, 'src/cli/main.ts')], outfile: cli, external: ['@e965/xlsx'], define: { __PG_TEST_HOOKS__: 'false' } });
  return { rules, cli };
}

/** The current working tree's CLI, bundled like bin/prospect-guard.js does. */
function buildCurrentCli(): string {
  const dir = join(root, '.tmp/equivalence/current');
  mkdirSync(dir, { recursive: true });
  const cli = join(dir, 'cli.mjs');
  buildSync({ entryPoints: [join(root, 'src/cli/main.ts')], bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent', outfile: cli, external: ['@e965/xlsx'], define: { __PG_TEST_HOOKS__: 'false' } });
  return cli;
}

// ---------------------------------------------------------------------------------------------
// classify

/** Every listed word in the forms a list holds it, at domains where each rule can apply. */
function wordAddresses(): string[] {
  const words = new Set<string>([...ROLE_LOCAL_PARTS, ...current.PERSON_TITLES.map((e) => e.word), ...current.FR_ROLE_WORDS.map((e) => e.word)]);
  for (const w of ['ce.0751234a', 'ce.dsden75', 'pref-etrangers', 'sp-accueil', 'sous-pref-x', 'jean.dupont.etu', 'marie.etud', 'comptabilité', 'geschäftsführer', 'Direktör', 'ﬁnance', 'İnfo']) words.add(w);
  const forms = (w: string): string[] => {
    const parts = w.split(/[._-]/);
    return [
      w,
      w.toUpperCase(),
      `${w}2`,
      `${w}-01`,
      `${w}_3.4`,
      `${w}2-3`,
      `${w}.lyon`,
      `${w}-paris.nord`,
      `${w}_idf-sud.2`,
      `${w}+promo`,
      `jean.${w}`,
      `${w}.`,
      `${w}${w}`,
      parts.join('.'),
      parts.join('-'),
      parts.join('_'),
      parts.join(''),
      w.replace(/e/g, 'é'),
      w.replace(/a/g, 'à'),
      `"${w}"`,
    ];
  };
  const domains = ['gmail.com', 'orange.fr', 'acme.fr', 'ac-paris.fr', 'seine-saint-denis.gouv.fr', 'univ-lyon1.fr', 'etu.univ-lyon1.fr', 'sciencespo.fr', 'siemens.de', 'ugent.be', '[192.0.2.1]', 'société-générale.fr', 'yopmail.com', 'github.io'];
  const out: string[] = [];
  for (const w of words) for (const f of forms(w)) for (const d of domains) out.push(`${f}@${d}`);
  return out;
}

const OPTION_SETS: ClassifyOptions[] = [
  { date: '2026-11-28' },
  { date: '2026-11-28', ownDomains: ['mycompany.fr', 'mail.acme.fr', 'gmail.com'] },
  { date: '2026-11-28', overrides: { 'acme.fr': 'private', 'contact@siemens.de': 'business', 'gmail.com': 'business', 'univ-lyon1.fr': 'business' } },
  { date: '2026-11-28', jurisdiction: 'DE', channel: 'sms' },
  { date: '2026-11-28', jurisdiction: 'BE', topic: 'energy-renovation' },
  { date: '2025-01-01', channel: 'automated-call' },
  { date: 'not a date' },
];

function compareClassify(old: Rules): number {
  const addresses = [...generateAddresses(1_000_000), ...generateAddresses(100_000, 7).map((a) => a.replace('@', '+x@')), ...wordAddresses()];
  let compared = 0;
  let differ = 0;
  const report = (what: string, a: unknown, b: unknown) => {
    if (++differ <= 10) console.log(`DIFFERENT ${what}\n  revision: ${JSON.stringify(a)}\n  current:  ${JSON.stringify(b)}`);
  };
  for (let k = 0; k < OPTION_SETS.length; k++) {
    const o = OPTION_SETS[k]!;
    const list = k === 0 ? addresses : addresses.filter((_, i) => i % 7 === k || i >= 1_100_000);
    for (let s = 0; s < list.length; s += 1000) {
      const batch = list.slice(s, s + 1000);
      const a = old.classifyMany(batch, o);
      const b = current.classifyMany(batch, o);
      for (let i = 0; i < batch.length; i++) {
        compared++;
        const ja = JSON.stringify(a[i]);
        if (ja !== JSON.stringify(b[i])) report(`classifyMany ${JSON.stringify(batch[i])} ${JSON.stringify(o)}`, a[i], b[i]);
      }
    }
    // one at a time too (the context memo of classify())
    for (let i = 0; i < list.length; i += 97) {
      compared++;
      const a: RecipientResult = old.classify(list[i]!, o);
      const b: RecipientResult = current.classify(list[i]!, o);
      if (JSON.stringify(a) !== JSON.stringify(b)) report(`classify ${JSON.stringify(list[i])} ${JSON.stringify(o)}`, a, b);
    }
  }
  console.log(`classify: ${compared.toLocaleString('en')} results compared, ${differ} different`);
  return differ;
}

// ---------------------------------------------------------------------------------------------
// CLI

function outputHash(bundle: string, args: string[]): Promise<{ hash: string; bytes: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const code = `const { main } = await import(${JSON.stringify(pathToFileURL(bundle).href)}); process.exitCode = await main(${JSON.stringify(args)});`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, COLUMNS: '100', PG_REPORT_RESOURCES: '' } });
    const h = createHash('sha256');
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      bytes += b.length;
      h.update(b);
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (c) => resolve({ hash: h.digest('hex'), bytes, code: c, stderr: stderr.replace(/\r[^\n]*/g, '') }));
  });
}

async function compareCli(oldCli: string, newCli: string): Promise<number> {
  const dir = join(root, '.tmp/equivalence/data');
  mkdirSync(dir, { recursive: true });
  const big = join(dir, `prospects-${ROWS}.csv`);
  if (!existsSync(big)) writeCsv(big, ROWS);
  // a suppression list: every 50th line's address, upper-cased
  const suppression = join(dir, `suppression-${ROWS}.txt`);
  if (!existsSync(suppression)) {
    const lines = readFileSync(big, 'utf8').split('\r\n');
    writeFileSync(suppression, lines.filter((_, i) => i % 50 === 1).map((l) => (l.split(';')[1] ?? '').toUpperCase()).join('\n'));
  }
  const fixtures = readdirSync(join(root, 'src/cli/fixtures')).filter((f) => !f.endsWith('.md') && !f.endsWith('.ts')).map((f) => join('src/cli/fixtures', f));
  const runs: string[][] = [
    [big, '--format', 'json'],
    [big, '--format', 'csv'],
    [big, '--format', 'table'],
    [big, '--format', 'csv', '--lang', 'en', '--own-domain', 'acme.fr', '--jurisdiction', 'BE'],
    [big, '--keep', 'professional,organization'],
    [big, '--drop', 'private', '--suppression', suppression],
    [big, '--format', 'csv', '--suppression', suppression],
    ...fixtures.flatMap((f) => [
      [f, '--format', 'json'],
      [f, '--format', 'csv'],
      [f, '--format', 'table', '--lang', 'en'],
    ]),
  ];
  let differ = 0;
  for (const args of runs) {
    const full = ['audit', ...args];
    const [a, b] = await Promise.all([outputHash(oldCli, full), outputHash(newCli, full)]);
    const same = a.hash === b.hash && a.code === b.code && a.stderr === b.stderr;
    if (!same) differ++;
    console.log(`${same ? 'same' : 'DIFFERENT'}: audit ${args.join(' ')} (${(a.bytes / 1048576).toFixed(1)} MB, exit ${a.code})${same ? '' : `\n  revision ${a.hash} ${a.bytes} B exit ${a.code} ${a.stderr}\n  current  ${b.hash} ${b.bytes} B exit ${b.code} ${b.stderr}`}`);
  }
  return differ;
}

async function main(): Promise<void> {
  console.log(`comparing the working tree with ${REV}`);
  const built = buildRevision(REV);
  const old = (await import(pathToFileURL(built.rules).href)) as Rules;
  let differ = compareClassify(old);
  differ += await compareCli(built.cli, buildCurrentCli());
  console.log(differ === 0 ? 'no difference' : `${differ} difference(s)`);
  process.exitCode = differ === 0 ? 0 : 1;
}

await main();
