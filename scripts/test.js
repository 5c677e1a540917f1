#!/usr/bin/env node
// `npm test`: type check, unit tests, build (when sources are newer), web-ext lint of the Firefox build,
// then the browser tests against the built extension in Debian's Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`npm test needs Chromium (${chromium} not found). Install it: sudo apt-get install -y chromium chromium-l10n`);
  process.exit(1);
}
const locales = process.env.CHROMIUM_LOCALES ?? '/usr/lib/chromium/locales';
if (!existsSync(join(locales, 'fr.pak'))) {
  console.error(`npm test needs Chromium's locales (${locales}/fr.pak not found). Install them: sudo apt-get install -y chromium-l10n`);
  process.exit(1);
}

const out = '.tmp/test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n== ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(label);
  return r.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  skipped += j.numPendingTests + (j.numTodoTests ?? 0);
}

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
if (run('type check', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit'])) passed++;
else failed++;
run('unit tests', process.execPath, [...vitest, '--reporter=default', '--reporter=json', `--outputFile=${out}/unit.json`]);
countVitest(`${out}/unit.json`);

// dist/ is what users install (web-ext lints it); dist-test/ is the same code with the test hooks, for the browser tests.
const inputs = Math.max(newest('src'), newest('public'), ...['manifest.json', 'vite.config.ts', 'package.json', 'scripts/build.js'].map((f) => statSync(f).mtimeMs));
for (const [dir, args] of [['dist', []], ['dist-test', ['--test']]]) {
  const manifests = [`${dir}/chrome/manifest.json`, `${dir}/firefox/manifest.json`];
  const stale = manifests.some((m) => !existsSync(m) || statSync(m).mtimeMs < inputs);
  if (stale && !run(`build (${dir})`, process.execPath, ['scripts/build.js', ...args])) {
    console.error('build failed: browser tests skipped');
    console.log(`\ntests: ${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }
}

console.log('\n== web-ext lint (dist/firefox)');
const lint = spawnSync(process.execPath, ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--output', 'json'], { encoding: 'utf8' });
try {
  const j = JSON.parse(lint.stdout);
  for (const k of ['errors', 'warnings']) for (const m of j[k]) console.log(`  ${k.slice(0, -1)} ${m.code} ${m.file ?? ''}: ${m.message}`);
  console.log(`  ${j.summary.errors} errors, ${j.summary.warnings} warnings`);
  if (j.summary.errors === 0) passed++;
  else { failed++; failures.push('web-ext lint'); }
} catch {
  console.log(lint.stdout, lint.stderr);
  failed++;
  failures.push('web-ext lint');
}

run('browser tests (Chromium)', process.execPath, [...vitest, '--config', 'e2e/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${out}/e2e.json`]);
countVitest(`${out}/e2e.json`);

if (failures.length) console.log(`\nfailed steps: ${failures.join(', ')}`);
// A step that failed without a failing test (a crash, a type error) still counts as a failure.
if (failures.length && failed === 0) failed = failures.length;
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length ? 1 : 0);
