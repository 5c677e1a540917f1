/**
 * Throughput of the rules engine's `classify` over 1,000,000 varied addresses.
 * Run: npx tsx bench/classify.bench.ts [count]
 * Prints human lines, then one JSON summary line (last line of stdout). Goal: ≥ 600,000 addresses/s (what the
 * list audit needs for 1 M rows in ≤ 5 s end to end, issue 8).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { classify, classifyMany } from '../src/rules/index';
import type { ClassifyOptions, RecipientResult } from '../src/rules/types';
import { generateAddresses } from './addresses';

const COUNT = Number(process.argv[2] ?? process.env.PG_BENCH_COUNT ?? 1_000_000);
const GOAL = 600_000;

/**
 * The worker's start: the rules engine (what the service worker imports, lists included) bundled
 * and minified like the extension's worker, then loaded in fresh Node processes: time from import
 * to the first classification, and the heap it keeps. Also the size of the built worker chunk when
 * dist/chrome exists (npm run build).
 */
function workerStart(): { startMs: number; startMsRuns: number[]; heapMB: number; bundleKB: number; bundleGzipKB: number; distWorkerKB: number | null } {
  mkdirSync('.tmp/bench', { recursive: true });
  const out = '.tmp/bench/rules.mjs';
  buildSync({ entryPoints: ['src/rules/index.ts'], bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile: out, logLevel: 'silent' });
  const code = readFileSync(out);
  const probe = `
    globalThis.gc(); const h0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const m = await import(${JSON.stringify(new URL('../' + out, import.meta.url).href)});
    m.classifyMany(['jean.dupont@orange.fr', 'contact@acme.fr', 'x@yopmail.com'], { date: '2026-11-28' });
    const t1 = performance.now();
    globalThis.gc(); const h1 = process.memoryUsage().heapUsed;
    console.log(JSON.stringify({ ms: t1 - t0, heap: h1 - h0 }));`;
  const runs: { ms: number; heap: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', probe], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`worker start probe failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout.trim()) as { ms: number; heap: number });
  }
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  let distWorkerKB: number | null = null;
  const loader = 'dist/chrome/service-worker-loader.js';
  if (existsSync(loader)) {
    const chunk = /import '\.\/(assets\/[^']+)'/.exec(readFileSync(loader, 'utf8'))?.[1];
    if (chunk !== undefined && existsSync(`dist/chrome/${chunk}`)) distWorkerKB = Math.round(statSync(`dist/chrome/${chunk}`).size / 1024);
  }
  return {
    startMs: Math.round(ms[Math.floor(ms.length / 2)]! * 10) / 10,
    startMsRuns: ms.map((x) => Math.round(x * 10) / 10),
    heapMB: Math.round((Math.max(...runs.map((r) => r.heap)) / 1048576) * 10) / 10,
    bundleKB: Math.round(code.length / 1024),
    bundleGzipKB: Math.round(gzipSync(code).length / 1024),
    distWorkerKB,
  };
}

function main(): void {
  const worker = workerStart();
  console.log(
    `worker start (rules engine and lists, fresh process, median of 5): ${worker.startMs} ms to the first classification (goal < 300 ms: ${worker.startMs < 300 ? 'met' : 'NOT met'}; runs ${worker.startMsRuns.join(', ')}); ` +
      `heap kept ${worker.heapMB} MB; bundle ${worker.bundleKB} KB minified, ${worker.bundleGzipKB} KB gzip` +
      (worker.distWorkerKB !== null ? `; built worker chunk dist/chrome ${worker.distWorkerKB} KB` : ' (npm run build for the built worker chunk size)'),
  );

  const options: ClassifyOptions = { ownDomains: ['mycompany.fr'], date: '2026-11-28' };
  const t0 = performance.now();
  const addresses = generateAddresses(COUNT);
  const genMs = performance.now() - t0;

  // Warm-up: a different seed, so the timed run does not only hit warmed caches of these exact strings.
  const warm = generateAddresses(Math.min(200_000, COUNT), 7);
  for (const a of warm) classify(a, options);

  let peakRss = process.memoryUsage().rss;
  const audiences: Record<string, number> = {};
  const CHUNK = 100_000;
  const start = process.hrtime.bigint();
  for (let s = 0; s < addresses.length; s += CHUNK) {
    const e = Math.min(addresses.length, s + CHUNK);
    for (let i = s; i < e; i++) {
      const r: RecipientResult = classify(addresses[i]!, options);
      audiences[r.audience] = (audiences[r.audience] ?? 0) + 1;
    }
    const rss = process.memoryUsage().rss;
    if (rss > peakRss) peakRss = rss;
  }
  const ns = Number(process.hrtime.bigint() - start);
  const seconds = ns / 1e9;
  const perSecond = Math.round(addresses.length / seconds);

  // For comparison: classifyMany (options read once per batch), as the CLI calls it, in batches of 1,000.
  for (let s = 0; s < warm.length; s += 1000) classifyMany(warm.slice(s, s + 1000), options);
  const startMany = process.hrtime.bigint();
  let manyCount = 0;
  for (let s = 0; s < addresses.length; s += 1000) manyCount += classifyMany(addresses.slice(s, s + 1000), options).length;
  const manyNs = Number(process.hrtime.bigint() - startMany);
  const manyPerSecond = Math.round(manyCount / (manyNs / 1e9));
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const maxRssMB = Math.round((Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1048576) * 10) / 10;

  console.log(
    `classify: ${addresses.length.toLocaleString('en')} addresses in ${(seconds * 1000).toFixed(0)} ms = ` +
      `${perSecond.toLocaleString('en')} addresses/s (goal ≥ ${GOAL.toLocaleString('en')}/s: ${perSecond >= GOAL ? 'met' : 'NOT met'}); ` +
      `peak RSS ${maxRssMB} MB; generation ${genMs.toFixed(0)} ms`,
  );
  console.log(`classifyMany (batches of 1,000): ${manyPerSecond.toLocaleString('en')} addresses/s`);
  console.log(`audiences: ${JSON.stringify(audiences)}`);
  console.log(
    JSON.stringify({
      bench: 'classify',
      addresses: addresses.length,
      ms: Math.round(seconds * 1000),
      perSecond,
      nsPerAddress: Math.round(ns / addresses.length),
      peakRssMB: maxRssMB,
      goalPerSecond: GOAL,
      goalMet: perSecond >= GOAL,
      classifyManyPerSecond: manyPerSecond,
      worker,
      audiences,
      node: process.version,
    }),
  );
}

main();
