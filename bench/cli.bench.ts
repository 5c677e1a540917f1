/**
 * End-to-end CLI time on a 100,000-row French Excel-style CSV (";" delimiter, header nom;email;société):
 * `node bin/prospect-guard.js audit FILE --format json > /dev/null`, run 3 times (after one untimed
 * warm-up that also checks the output), reporting the median wall time and the child's peak RSS.
 * Run: npx tsx bench/cli.bench.ts [rows]
 * Prints human lines, then one JSON summary line (last line of stdout). Goal: ≤ 2 s.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from './prng';

const ROWS = Number(process.argv[2] ?? process.env.PG_BENCH_ROWS ?? 100_000);
const RUNS = 3;
const GOAL_MS = 2000;
const BIN = fileURLToPath(new URL('../bin/prospect-guard.js', import.meta.url));
const TIME = '/usr/bin/time';


const FIRST = ['Jean', 'Marie', 'Pierre', 'Sophie', 'Luc', 'Hélène', 'François', 'Zoé', 'Ahmed', 'Anne-Laure', 'Camille', 'Olivier', 'Inès', 'Thomas', 'Léa'];
const LAST = ['Dupont', 'Martin', 'Bernard', 'Durand', 'Petit', 'Leroy', 'Moreau', 'Fournier', 'Girard', 'Lefèvre', 'Dubois', 'Lambert'];
const CONSUMER = ['gmail.com', 'yahoo.fr', 'hotmail.fr', 'outlook.com', 'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'bbox.fr', 'icloud.com'];
const CORPORATE = ['acme.fr', 'orange.com', 'laposte.fr', 'airbus.com', 'michelin.com', 'siemens.de', 'proximus.be', 'telefonica.es', 'bbc.co.uk', 'lyon.fr', 'mycompany.fr'];
const SYL = ['ta', 'ko', 'ri', 'mex', 'lon', 'sa', 'vi', 'tra', 'neo', 'gal', 'pro', 'tek', 'bio', 'ver'];
const TLDS = ['fr', 'fr', 'fr', 'com', 'de', 'be', 'es', 'co.uk', 'us', 'io', 'eu'];
const ROLES = ['contact', 'info', 'commercial', 'rh', 'compta', 'support', 'direction'];
const INVALID = ['', 'jean.dupont', 'jean@', '@acme.fr', 'n/a', 'jean@@acme.fr'];

function ascii(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function csvCell(s: string): string {
  return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function generateCsv(rows: number, seed = 2026): string {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const lines = ['nom;email;société'];
  for (let i = 0; i < rows; i++) {
    const f = pick(FIRST);
    const l = pick(LAST);
    const company = `${pick(SYL)}${pick(SYL)}${pick(SYL)}`;
    const k = rnd();
    let email: string;
    if (k < 0.03) email = pick(INVALID);
    else if (k < 0.35) email = `${ascii(f)}.${ascii(l)}${Math.floor(rnd() * 100)}@${pick(CONSUMER)}`;
    else if (k < 0.55) email = `${ascii(f)}.${ascii(l)}@${pick(CORPORATE)}`;
    else if (k < 0.9) email = `${ascii(f)[0]}${ascii(l)}@${company}.${pick(TLDS)}`;
    else email = `${pick(ROLES)}@${company}.${pick(TLDS)}`;
    const societe = rnd() < 0.1 ? `${company.toUpperCase()}; filiale "Sud"` : rnd() < 0.2 ? `${company.toUpperCase()}, SAS` : company.toUpperCase();
    lines.push([`${l.toUpperCase()} ${f}`, email, societe].map(csvCell).join(';'));
  }
  return lines.join('\r\n') + '\r\n';
}

interface Run {
  ms: number;
  maxRssKiB: number | null;
  status: number | null;
  stderr: string;
}

function runCli(file: string, outPath: string): Run {
  const out = openSync(outPath, 'w');
  const useTime = existsSync(TIME);
  const cmd = useTime ? TIME : process.execPath;
  const args = [...(useTime ? ['-f', 'PG_TIME_MAXRSS %M', process.execPath] : []), BIN, 'audit', file, '--format', 'json'];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, PG_REPORT_RESOURCES: '1' },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(out);
  const stderr = r.stderr ?? '';
  let maxRssKiB: number | null = null;
  const t = /PG_TIME_MAXRSS (\d+)/.exec(stderr);
  if (t) maxRssKiB = Number(t[1]);
  else {
    const p = /PG_RESOURCES (\{.*\})/.exec(stderr);
    if (p) maxRssKiB = (JSON.parse(p[1]!) as { maxRSSKiB: number }).maxRSSKiB;
  }
  return { ms, maxRssKiB, status: r.status, stderr };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'pg-cli-bench-'));
  try {
    const file = join(dir, 'prospects.csv');
    writeFileSync(file, generateCsv(ROWS));
    const sizeMB = statSync(file).size / 1048576;

    // Untimed warm-up (fills tsx's transform cache) that also checks the output.
    const outFile = join(dir, 'out.json');
    const warm = runCli(file, outFile);
    if (warm.status !== 0) throw new Error(`CLI exited with ${warm.status}: ${warm.stderr}`);
    const results = JSON.parse(readFileSync(outFile, 'utf8')) as unknown[];
    if (results.length !== ROWS) throw new Error(`expected ${ROWS} results, got ${results.length}`);
    const outMB = statSync(outFile).size / 1048576;

    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = runCli(file, devNull);
      if (r.status !== 0) throw new Error(`CLI exited with ${r.status}: ${r.stderr}`);
      runs.push(r);
    }
    const med = median(runs.map((r) => r.ms));
    const rss = runs.map((r) => r.maxRssKiB).filter((x): x is number => x !== null);
    const peakRssMB = rss.length ? Math.round((Math.max(...rss) / 1024) * 10) / 10 : null;
    console.log(
      `cli: audit of ${ROWS.toLocaleString('en')} rows (${sizeMB.toFixed(1)} MB CSV → ${outMB.toFixed(1)} MB JSON): ` +
        `median ${med.toFixed(0)} ms over ${RUNS} runs [${runs.map((r) => r.ms.toFixed(0)).join(', ')}], warm-up ${warm.ms.toFixed(0)} ms; ` +
        `goal ≤ ${GOAL_MS} ms: ${med <= GOAL_MS ? 'met' : 'NOT met'}; child peak RSS ${peakRssMB ?? '?'} MB`,
    );
    console.log(
      JSON.stringify({
        bench: 'cli',
        rows: ROWS,
        runs: runs.map((r) => Math.round(r.ms)),
        medianMs: Math.round(med),
        warmupMs: Math.round(warm.ms),
        peakRssMB,
        rssFrom: existsSync(TIME) ? '/usr/bin/time %M' : 'process.resourceUsage().maxRSS',
        inputMB: Math.round(sizeMB * 10) / 10,
        outputMB: Math.round(outMB * 10) / 10,
        goalMs: GOAL_MS,
        goalMet: med <= GOAL_MS,
        node: process.version,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
