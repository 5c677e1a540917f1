#!/usr/bin/env node
// `npm test`: type check, unit tests, build (when sources are newer), web-ext lint of the Firefox build,
// then the browser tests against the built extension in Debian's Chromium and in Debian's Firefox ESR, both passes
// at the same time (PG_BROWSERS=chromium or =firefox for one; PG_E2E_SERIAL=1 for one after the other), each with
// its scenarios listed and its time. Ends with one summary line.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, mkdirSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const BROWSERS = {
  chromium: {
    label: 'Chromium',
    install: 'sudo apt-get install -y chromium chromium-l10n',
    missing() {
      const bin = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
      const locales = process.env.CHROMIUM_LOCALES ?? '/usr/lib/chromium/locales';
      if (!existsSync(bin)) return `Chromium (${bin}) not found`;
      if (!existsSync(join(locales, 'fr.pak'))) return `Chromium's locales (${locales}/fr.pak) not found`;
      return null;
    },
  },
  firefox: {
    label: 'Firefox',
    install: 'sudo apt-get install -y firefox-esr firefox-esr-l10n-fr',
    missing() {
      const bin = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
      const dir = process.env.FIREFOX_DIR ?? '/usr/lib/firefox-esr';
      if (!existsSync(bin)) return `Firefox ESR (${bin}) not found`;
      const packs = [join(dir, 'browser/extensions'), join(dir, 'distribution/extensions'), '/usr/share/firefox-esr/browser/extensions'];
      if (!packs.some((d) => existsSync(join(d, 'langpack-fr@firefox-esr.mozilla.org.xpi')) || existsSync(join(d, 'langpack-fr@firefox.mozilla.org.xpi')))) {
        return "Firefox's French language pack not found";
      }
      return null;
    },
  },
};
const wanted = (process.env.PG_BROWSERS ?? 'chromium,firefox').split(',').map((s) => s.trim()).filter(Boolean);
for (const b of wanted) {
  if (!BROWSERS[b]) {
    console.error(`PG_BROWSERS: unknown browser "${b}" (chromium, firefox)`);
    process.exit(2);
  }
  const why = BROWSERS[b].missing();
  if (why) {
    console.error(`npm test needs ${BROWSERS[b].label}: ${why}. Install it: ${BROWSERS[b].install}`);
    process.exit(1);
  }
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

/** Prints each browser scenario of a vitest JSON report: ✓/✗/- and its describe › title. */
function listScenarios(file) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  for (const f of j.testResults) {
    console.log(`  ${f.name.slice(root.length)}`);
    for (const a of f.assertionResults) {
      const mark = a.status === 'passed' ? '✓' : a.status === 'failed' ? '✗' : '-';
      const where = a.ancestorTitles.map((t) => t.replace(/ \[(chromium|firefox)\]$/, '')).join(' › ');
      console.log(`    ${mark} ${where ? `${where} › ` : ''}${a.title}`);
    }
  }
}

// The browser passes run at the same time, one vitest per browser (each leaves the CPU mostly idle, waiting on
// its browser); PG_E2E_SERIAL=1 runs them one after the other. Each pass's output goes to its log file and is
// printed when it ends, so the two never interleave.
const serial = process.env.PG_E2E_SERIAL === '1';
/** Files at a time in each pass (PG_E2E_WORKERS overrides): two, each file with its own browser. */
const workers = serial ? 1 : 2;
function browserPass(b) {
  const { label } = BROWSERS[b];
  const log = `${out}/e2e-${b}.log`;
  const fd = openSync(log, 'w');
  const t0 = Date.now();
  const args = [...vitest, '--config', 'e2e/vitest.config.ts', '--reporter=dot', '--reporter=json', `--outputFile=${out}/e2e-${b}.json`];
  const child = spawn(process.execPath, args, { stdio: ['ignore', fd, fd], env: { PG_E2E_WORKERS: String(workers), ...process.env, PG_BROWSERS: b } });
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      closeSync(fd);
      done({ b, label, log, ok: code === 0, why: signal ? `killed by ${signal}` : `exit ${code}`, secs: ((Date.now() - t0) / 1000).toFixed(0) });
    });
  });
}
const passes = [];
if (serial) for (const b of wanted) passes.push(await browserPass(b));
else {
  if (wanted.length) console.log(`\n== browser tests (${wanted.map((b) => BROWSERS[b].label).join(' and ')}, at the same time)`);
  passes.push(...(await Promise.all(wanted.map(browserPass))));
}
const times = [];
for (const p of passes) {
  console.log(`\n== browser tests (${p.label})`);
  process.stdout.write(readFileSync(p.log, 'utf8'));
  if (!p.ok) {
    failures.push(`browser tests (${p.label})`);
    console.log(`  (${p.why})`);
  }
  times.push(`${p.label} ${p.secs} s`);
  console.log(`\n  browser scenarios in ${p.label} (${p.secs} s):`);
  listScenarios(`${out}/e2e-${p.b}.json`);
  countVitest(`${out}/e2e-${p.b}.json`);
}
if (times.length) console.log(`\nbrowser tests: ${times.join(', ')}${serial || times.length < 2 ? '' : ', at the same time'}`);

if (failures.length) console.log(`\nfailed steps: ${failures.join(', ')}`);
// A step that failed without a failing test (a crash, a type error) still counts as a failure.
if (failures.length && failed === 0) failed = failures.length;
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length ? 1 : 0);
