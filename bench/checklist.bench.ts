/**
 * The live checklist's cost in the page, per keystroke, on a 5,000-word message body (goal ≤ 1 ms), in Chromium with
 * the extension's test build on the Gmail-like page: the content script's share of the page's main-thread time
 * (V8 sampling profiler × CDP TaskDuration, bench/profile.ts) while
 *   1. typing 150 characters in the middle of the body at 15 ms a key (the checklist reads and sends the message at
 *      most once a second while typing goes on, and once when it pauses);
 *   2. slow edits: one character, then a pause longer than the checklist's wait, 20 times — every edit costs one whole
 *      reading of the 5,000 words (the worst case per keystroke: someone typing one key at a time).
 * The analysis itself runs in the service worker, off the page (its cost per keystroke: bench/message.bench.ts); the
 * time from the last keystroke to the checklist's answer in the overlay is printed too.
 * ROUNDS=n (default 3); medians.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launch, ROOT } from '../e2e/harness';
import { startProfile, taskMs } from './profile';
import { prng } from './prng';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const WORDS = 5000;
const KEYS = 150;
const SLOW_EDITS = 20;
const GOAL_MS = 1;
const GMAIL = 'https://mail.google.com';

// A 5,000-word prospecting draft from the paragraphs of the corpus's prospecting messages (real sentences, both languages).
const dir = join(ROOT, 'src/rules/message/corpus/tuning');
const paragraphs: string[] = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
  const t = readFileSync(join(dir, f), 'utf8');
  if (!/^expect-prospecting: yes$/m.test(t.slice(0, t.indexOf('\n---\n')))) continue;
  const own = t.slice(t.indexOf('\n---\n') + 5).split(/\n(?:Le .* a écrit|On .* wrote:|-{3,}|De :|From:|Von:|>)/)[0]!;
  for (const p of own.split(/\n\s*\n/)) if (p.trim().split(/\s+/).length >= 8) paragraphs.push(p.trim().replace(/\s+/g, ' '));
}
const rnd = prng(11);
const draft: string[] = [];
for (let words = 0; words < WORDS; ) {
  const p = paragraphs[Math.floor(rnd() * paragraphs.length)]!;
  draft.push(p);
  words += p.split(/\s+/).length;
}
const wordCount = draft.join(' ').split(/\s+/).length;

const OUT = '.tmp/bench-checklist';
execFileSync(process.execPath, ['scripts/build.js', 'chrome'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, CI: '1', PG_TEST_BUILD: '1', PG_OUT_DIR: OUT } });
const ext = await launch('chromium', { extension: `${OUT}/chrome`, routes: [[`${GMAIL}/`, 'e2e/pages/gmail.html']] });
await ext.chromiumContext.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
await ext.background(() => chrome.storage.local.set({ settings: { ownDomains: [], jurisdiction: 'FR', intro: {}, enabledSites: [] } }));

/** A compose to a business address whose body holds the 5,000-word draft (Gmail's <div> per line), caret in the middle. */
async function openCompose(): Promise<{ page: Page; cdp: CDPSession }> {
  const page = (await ext.blank()).raw as Page;
  const cdp = await ext.chromiumContext.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`${GMAIL}/mail/u/0/`);
  await page.click('#pg-compose-button');
  const to = page.locator('.anm[name=to] input[role=combobox]').first();
  await to.pressSequentially('paul.martin@acme-industrie.fr');
  await to.press('Enter');
  await page.waitForSelector('[data-prospect-guard][data-verdict="opt-out"]', { timeout: 10000 });
  await page.evaluate((paras) => {
    const b = document.querySelector<HTMLElement>('[g_editable=true]')!;
    b.textContent = '';
    for (const p of paras) {
      const d = document.createElement('div');
      d.textContent = p;
      const blank = document.createElement('div');
      blank.append(document.createElement('br'));
      b.append(d, blank);
    }
    const mid = b.children[Math.floor(paras.length / 2) * 2]!;
    b.focus();
    const r = document.createRange();
    r.setStart(mid.firstChild!, Math.floor((mid.textContent ?? '').length / 2));
    r.collapse(true);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
    b.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, draft);
  // The first reading of the whole draft (a paste): wait for its answer.
  await page.waitForSelector('[data-prospect-guard][data-message="prospecting"]', { timeout: 15000 });
  await page.waitForTimeout(800);
  return { page, cdp };
}

interface Sample {
  task: number;
  ours: number;
  /** From the last keystroke to the checklist's new answer in the overlay (ms). */
  answerMs: number;
}

/** Waits until the overlay's checklist reflects the body as it is now; returns the ms it took. */
function settle(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const h = document.querySelector('[data-prospect-guard]')!;
        let last = h.shadowRoot?.innerHTML ?? '';
        let stable = 0;
        const check = () => {
          const now = h.shadowRoot?.innerHTML ?? '';
          if (now !== last) {
            last = now;
            stable = performance.now();
          }
          if (performance.now() - t0 > 3000 || (stable && performance.now() - stable > 400)) resolve(stable ? stable - t0 : -1);
          else setTimeout(check, 10);
        };
        check();
      }),
  );
}

async function typing(): Promise<Sample> {
  const { page, cdp } = await openCompose();
  const prof = await startProfile(cdp, ext.extensionId);
  const t0 = await taskMs(cdp);
  const text = ' Nous pourrons vous adresser à l’avenir des offres, sauf si vous vous y opposez. Répondez STOP pour ne plus rien recevoir.'
    .repeat(3)
    .slice(0, KEYS);
  await page.keyboard.type(text, { delay: 15 });
  const answerMs = await settle(page);
  const task = (await taskMs(cdp)) - t0;
  const ours = task * (await prof.stop());
  await page.close();
  return { task, ours, answerMs };
}

async function slowEdits(): Promise<Sample> {
  const { page, cdp } = await openCompose();
  const prof = await startProfile(cdp, ext.extensionId);
  const t0 = await taskMs(cdp);
  for (let i = 0; i < SLOW_EDITS; i++) {
    await page.keyboard.type(i % 2 ? 'x' : 'y');
    await page.waitForTimeout(450); // longer than the checklist's pause (250 ms): one reading per edit
  }
  await page.waitForTimeout(300);
  const task = (await taskMs(cdp)) - t0;
  const ours = task * (await prof.stop());
  await page.close();
  return { task, ours, answerMs: 0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

const typed: Sample[] = [];
const slow: Sample[] = [];
for (let i = 0; i < ROUNDS; i++) {
  typed.push(await typing());
  slow.push(await slowEdits());
}
const perKey = median(typed.map((s) => s.ours)) / KEYS;
const perEdit = median(slow.map((s) => s.ours)) / SLOW_EDITS;
const answer = median(typed.map((s) => s.answerMs));
console.log(
  `checklist on a ${wordCount}-word body: typing ${KEYS} keys at 15 ms: content script ${r2(perKey)} ms per keystroke (goal ≤ ${GOAL_MS} ms); ` +
    `whole page ${r2(median(typed.map((s) => s.task)) / KEYS)} ms per keystroke; ` +
    (answer >= 0 ? `overlay updated ${Math.round(answer)} ms after the last key` : 'the overlay had nothing new to show (an answer that says the same is not repainted)'),
);
console.log(
  `checklist on a ${wordCount}-word body: one edit then a pause, ${SLOW_EDITS} times (one whole reading per edit): content script ${r2(perEdit)} ms per edit (goal ≤ ${GOAL_MS} ms)`,
);
const external = ext.externalRequests();
await ext.close();
if (external.length) console.log(`network requests by the extension: ${external.join(', ')}`);
console.log(
  JSON.stringify({
    words: wordCount,
    typing: { keys: KEYS, contentScriptMsPerKey: r2(perKey), goalMsPerKey: GOAL_MS, answerMs: Math.round(answer), samples: typed.map((s) => r2(s.ours / KEYS)) },
    slowEdits: { edits: SLOW_EDITS, contentScriptMsPerEdit: r2(perEdit), goalMs: GOAL_MS, samples: slow.map((s) => r2(s.ours / SLOW_EDITS)) },
    goalMet: perKey <= GOAL_MS && perEdit <= GOAL_MS,
    rounds: ROUNDS,
    externalRequests: external.length,
  }),
);
