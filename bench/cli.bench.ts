/**
 * End-to-end CLI time and peak memory on French Excel-style CSVs (";" delimiter, header nom;email;société)
 * of 100,000 and 1,000,000 rows: `node bin/prospect-guard.js audit FILE --format F > /dev/null`, run RUNS times
 * after one untimed warm-up whose output is streamed back and checked (one result per row), reporting the
 * median wall time and the child's peak RSS (GNU time's %M when /usr/bin/time exists, else the CLI's own
 * process.resourceUsage().maxRSS).
 * Run: npx tsx bench/cli.bench.ts [rows …]   (default: 100000 1000000; PG_BENCH_FORMATS=json,csv,table)
 * Prints human lines, then one JSON summary line (last line of stdout). The machine may be shared: each
 * line also gives the child's CPU time (user + system) and the load average, to tell a slow run from a
 * busy machine.
 * Goal (issue 8): 1 M rows in ≤ 5 s and ≤ 150 MB peak RSS, memory not growing with the file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism, devNull, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prng } from './prng';

const SIZES = process.argv.slice(2).length ? process.argv.slice(2).map(Number) : [100_000, 1_000_000];
const FORMATS = (process.env.PG_BENCH_FORMATS ?? 'json,csv,table').split(',').filter(Boolean);
const RUNS = Number(process.env.PG_BENCH_RUNS ?? 3);
const GOAL = { rows: 1_000_000, ms: 5000, rssMB: 150 };
/** PG_BENCH_BIN: another build of the command (e.g. an older checkout) to compare with. */
const BIN = process.env.PG_BENCH_BIN ?? fileURLToPath(new URL('../bin/prospect-guard.js', import.meta.url));
const TIME = '/usr/bin/time';
const cores = availableParallelism();

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

/** Writes the CSV in pieces (a 1 M-row file is never held in memory). */
export function writeCsv(path: string, rows: number, seed = 2026): void {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const fd = openSync(path, 'w');
  let buf = 'nom;email;société\r\n';
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
    buf += [`${l.toUpperCase()} ${f}`, email, societe].map(csvCell).join(';') + '\r\n';
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
}

interface Run {
  ms: number;
  /** User + system CPU time of the child: what the run cost, whatever else the machine is doing. */
  cpuMs: number | null;
  maxRssKiB: number | null;
  status: number | null;
  stderr: string;
}

function command(file: string, format: string): [string, string[]] {
  const useTime = existsSync(TIME);
  const cmd = useTime ? TIME : process.execPath;
  return [cmd, [...(useTime ? ['-f', 'PG_TIME_MAXRSS %M PG_TIME_CPU %U %S', process.execPath] : []), BIN, 'audit', file, '--format', format]];
}

function cpuOf(stderr: string): number | null {
  const t = /PG_TIME_CPU ([\d.]+) ([\d.]+)/.exec(stderr);
  if (t) return Math.round((Number(t[1]) + Number(t[2])) * 1000);
  const p = /PG_RESOURCES (\{.*\})/.exec(stderr);
  if (!p) return null;
  const r = JSON.parse(p[1]!) as { userMs: number; systemMs: number };
  return r.userMs + r.systemMs;
}

function rssOf(stderr: string): number | null {
  const t = /PG_TIME_MAXRSS (\d+)/.exec(stderr);
  if (t) return Number(t[1]);
  const p = /PG_RESOURCES (\{.*\})/.exec(stderr);
  return p ? (JSON.parse(p[1]!) as { maxRSSKiB: number }).maxRSSKiB : null;
}

function runCli(file: string, format: string): Run {
  const out = openSync(devNull, 'w');
  const [cmd, args] = command(file, format);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', env: { ...process.env, PG_REPORT_RESOURCES: '1' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(out);
  const stderr = r.stderr ?? '';
  return { ms, cpuMs: cpuOf(stderr), maxRssKiB: rssOf(stderr), status: r.status, stderr };
}

/**
 * The untimed warm-up (fills tsx's transform cache): its output is streamed back and counted, never stored.
 * json: lines starting with "{" (one object per line); csv: lines after the header; table: the lines
 * that start a result — the row number right-aligned in its column, the column gap (two spaces), then
 * the address (a result's other lines, and the reason under it, start with spaces; wrapped text never
 * holds two spaces in a row).
 */
function checkedRun(file: string, format: string): Promise<{ results: number; outMB: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, 'audit', file, '--format', format], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let objects = 0;
    let rowLines = 0;
    let bytes = 0;
    let atLineStart = true;
    // table: 0 leading spaces, 1 digits, 2 one space after them, 3 two spaces, 4 not a result's first line
    let state = 0;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.on('data', (b: Buffer) => {
      bytes += b.length;
      for (let i = 0; i < b.length; i++) {
        const c = b[i]!;
        if (atLineStart && c === 0x7b) objects++;
        if (c === 0x0a) {
          lines++;
          state = 0;
        } else if (state === 0) state = c === 0x20 ? 0 : c >= 0x30 && c <= 0x39 ? 1 : 4;
        else if (state === 1) state = c >= 0x30 && c <= 0x39 ? 1 : c === 0x20 ? 2 : 4;
        else if (state === 2) state = c === 0x20 ? 3 : 4;
        else if (state === 3) {
          if (c !== 0x20) rowLines++;
          state = 4;
        }
        atLineStart = c === 0x0a;
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (code !== 0) return reject(new Error(`CLI exited with ${code}: ${stderr}`));
      resolve({ results: format === 'json' ? objects : format === 'table' ? rowLines : lines - 1, outMB: bytes / 1048576, ms });
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-cli-bench-'));
  const summary: Record<string, unknown>[] = [];
  try {
    for (const rows of SIZES) {
      const file = join(dir, `prospects-${rows}.csv`);
      writeCsv(file, rows);
      const sizeMB = statSync(file).size / 1048576;
      for (const format of FORMATS) {
        const warm = await checkedRun(file, format);
        if (warm.results !== rows) throw new Error(`${format}: expected ${rows} results, got ${warm.results}`);
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) {
          const r = runCli(file, format);
          if (r.status !== 0) throw new Error(`CLI exited with ${r.status}: ${r.stderr}`);
          runs.push(r);
        }
        const med = median(runs.map((r) => r.ms));
        const cpus = runs.map((r) => r.cpuMs).filter((x): x is number => x !== null);
        const cpu = cpus.length ? median(cpus) : null;
        const rss = runs.map((r) => r.maxRssKiB).filter((x): x is number => x !== null);
        const peakRssMB = rss.length ? Math.round((Math.max(...rss) / 1024) * 10) / 10 : null;
        const rssOk = peakRssMB !== null && peakRssMB <= GOAL.rssMB;
        // On a busy machine the wall time measures the others too; the CPU time is what the run cost
        // (main thread plus V8's helper threads: on an idle 2-core machine the wall time is at most about that).
        const cpuOk = cpu !== null && cpu <= GOAL.ms && rssOk;
        const busy = loadavg()[0]! > cores;
        const goal =
          rows === GOAL.rows
            ? ` — goal ≤ ${GOAL.ms} ms and ≤ ${GOAL.rssMB} MB: ${med <= GOAL.ms && rssOk ? 'met' : 'NOT met'}` +
              ` (by CPU time: ${cpuOk ? 'met' : 'NOT met'}${busy ? `; machine busy: load ${loadavg()[0]!.toFixed(1)} on ${cores} cores, the wall time counts the others' work` : ''})`
            : '';
        console.log(
          `cli ${format}: ${rows.toLocaleString('en')} rows (${sizeMB.toFixed(1)} MB CSV → ${warm.outMB.toFixed(1)} MB ${format}): ` +
            `median ${med.toFixed(0)} ms over ${RUNS} runs [${runs.map((r) => r.ms.toFixed(0)).join(', ')}], ` +
            `CPU (user+sys) median ${cpu ?? '?'} ms, peak RSS ${peakRssMB ?? '?'} MB${goal}; load average ${loadavg()[0]!.toFixed(1)}`,
        );
        summary.push({
          rows,
          format,
          runs: runs.map((r) => Math.round(r.ms)),
          medianMs: Math.round(med),
          cpuMedianMs: cpu,
          peakRssMB,
          loadAverage: Math.round(loadavg()[0]! * 10) / 10,
          inputMB: Math.round(sizeMB * 10) / 10,
          outputMB: Math.round(warm.outMB * 10) / 10,
          ...(rows === GOAL.rows ? { goalMet: med <= GOAL.ms && rssOk, goalMetByCpu: cpuOk } : {}),
        });
      }
      rmSync(file, { force: true });
    }
    console.log(
      JSON.stringify({
        bench: 'cli',
        goal: GOAL,
        results: summary,
        rssFrom: existsSync(TIME) ? '/usr/bin/time %M' : 'process.resourceUsage().maxRSS',
        node: process.version,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
