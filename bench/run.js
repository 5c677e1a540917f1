#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/*.bench.ts, one after the other (never in tests: no timed assertions).
// Each prints human lines and, last, one JSON line; this runner collects those into bench-output/results.json.
import { spawnSync } from 'node:child_process';
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)))
  .sort();
const results = {};
let failedRuns = 0;
for (const f of files) {
  console.log(`\n== ${f}`);
  const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', `bench/${f}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(r.stdout);
  if (r.status !== 0) {
    failedRuns++;
    console.log(`(${f} exited with ${r.status})`);
    continue;
  }
  const last = r.stdout.trim().split('\n').pop();
  try {
    results[f.replace('.bench.ts', '')] = JSON.parse(last);
  } catch {
    results[f.replace('.bench.ts', '')] = { raw: last };
  }
}
mkdirSync('bench-output', { recursive: true });
writeFileSync('bench-output/results.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2));
console.log('\nresults written to bench-output/results.json');
process.exit(failedRuns ? 1 : 0);
