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
import { prng } from './prng';

const COUNT = Number(process.argv[2] ?? process.env.PG_BENCH_COUNT ?? 1_000_000);
const GOAL = 600_000;


const CONSUMER = ['gmail.com', 'yahoo.fr', 'hotmail.fr', 'hotmail.com', 'outlook.fr', 'outlook.com', 'live.fr', 'icloud.com', 'laposte.net', 'proton.me', 'gmx.de', 'web.de', 'yahoo.co.uk', 'mailinator.com', 'yopmail.com'];
const ISP = ['orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'neuf.fr', 'bbox.fr', 'numericable.fr', 'aliceadsl.fr', 'club-internet.fr', 'cegetel.net', 'tutanota.com'];
const CORPORATE = ['acme.fr', 'orange.com', 'laposte.fr', 'google.com', 'microsoft.com', 'apple.com', 'sfr.com', 'societegenerale.fr', 'bnpparibas.com', 'airbus.com', 'michelin.com', 'siemens.de', 'bosch.de', 'tesco.co.uk', 'bbc.co.uk', 'telefonica.es', 'santander.es', 'proximus.be', 'ugent.be', 'ibm.us', 'example.us', 'startup.io', 'agence-web.eu', 'cabinet-avocats.paris', 'lyon.fr', 'economie.gouv.fr', 'interieur.gouv.fr', 'société-générale.fr', 'münchen.de', 'mycompany.fr'];
const SUBDOMAIN = ['etu.univ-lyon1.fr', 'etud.univ-paris8.fr', 'student.uliege.be', 'univ-lyon1.fr', 'mail.acme.fr', 'fr.ibm.com', 'paris.cci.fr', 'ac-versailles.fr', 'ens.fr', 'etu.unistra.fr'];
const ROLES = ['contact', 'info', 'sales', 'commercial', 'rh', 'recrutement', 'compta', 'support', 'no-reply', 'admin', 'direction', 'accueil', 'hello', 'marketing', 'webmaster', 'postmaster'];
const FIRST = ['jean', 'marie', 'pierre', 'sophie', 'luc', 'hélène', 'françois', 'zoé', 'ahmed', 'nguyen', 'anne-laure', 'jean-baptiste', 'camille', 'olivier', 'inès', 'thomas', 'léa', 'max', 'klaus', 'john'];
const LAST = ['dupont', 'martin', 'bernard', 'durand', 'petit', 'leroy', 'moreau', 'fournier', 'girard', 'lefèvre', 'müller', 'smith', 'garcía', 'dubois', 'lambert'];
const SYL = ['ta', 'ko', 'ri', 'mex', 'lon', 'sa', 'vi', 'tra', 'neo', 'gal', 'pro', 'tek', 'bio', 'ver', 'dis', 'ga', 'zu', 'phi'];
const TLDS = ['fr', 'fr', 'fr', 'com', 'com', 'de', 'be', 'es', 'co.uk', 'us', 'io', 'eu', 'net', 'org', 'ch', 'it'];
const INVALID = ['', 'jean.dupont', 'jean.dupont@', '@acme.fr', 'jean@localhost', 'a b@acme.fr', 'jean@@acme.fr', 'jean@acme..fr', 'not an address', 'jean@-acme.fr', 'x'.repeat(300) + '@acme.fr', 'jean@acme.fr>', '<jean@acme.fr', 'jean@acme,fr', '"unterminated@acme.fr'];

/** Deterministic varied addresses: consumer, ISP, corporate, roles, subdomains, display names, IDN, invalid. */
function generateAddresses(n: number, seed = 42): string[] {
  const rnd = prng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const randomDomain = () => {
    let s = pick(SYL) + pick(SYL);
    if (rnd() < 0.5) s += pick(SYL);
    if (rnd() < 0.2) s += '-' + pick(SYL) + pick(SYL);
    return `${s}.${pick(TLDS)}`;
  };
  const person = () => {
    const f = pick(FIRST);
    const l = pick(LAST);
    const k = rnd();
    if (k < 0.5) return `${f}.${l}`;
    if (k < 0.7) return `${f[0]}${l}`;
    if (k < 0.85) return `${f}${Math.floor(rnd() * 100)}`;
    return `${f}_${l}${Math.floor(rnd() * 10)}`;
  };
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const k = rnd();
    let addr: string;
    if (k < 0.04) {
      out[i] = pick(INVALID);
      continue;
    } else if (k < 0.3) addr = `${person()}@${pick(CONSUMER)}`;
    else if (k < 0.42) addr = `${person()}@${pick(ISP)}`;
    else if (k < 0.6) addr = `${person()}@${pick(CORPORATE)}`;
    else if (k < 0.8) addr = `${person()}@${randomDomain()}`; // many distinct organisation domains
    else if (k < 0.9) addr = `${pick(ROLES)}@${rnd() < 0.5 ? pick(CORPORATE) : randomDomain()}`;
    else addr = `${person()}@${pick(SUBDOMAIN)}`;
    const d = rnd();
    if (d < 0.05) addr = addr.toUpperCase();
    else if (d < 0.1) addr = `  ${addr} `;
    if (rnd() < 0.08) {
      const name = `${pick(LAST).toUpperCase()}, ${pick(FIRST)}`;
      addr = rnd() < 0.5 ? `"${name}" <${addr}>` : `${pick(FIRST)} ${pick(LAST)} <${addr}>`;
    }
    out[i] = addr;
  }
  return out;
}

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
