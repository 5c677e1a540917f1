/**
 * The real Gmail compose popup captured around 2020 (classic recipient textarea), from the shared reference data
 * beside the project — read in place, never copied — served at Gmail's real URL with the built extension loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, routePage, waitForVerdict, ROOT, type Launched } from './chromium-legacy';

const SNAPSHOT = resolve(ROOT, '../shared/fixtures/gmail/gmail-compose-popup-classic-recipients-2020.html');
const present = existsSync(SNAPSHOT);
const PAGE = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
if (!present) console.log(`gmail-snapshot.e2e: ${SNAPSHOT} not present, skipped`);

describe.skipIf(!present)('the real 2020 Gmail compose snapshot in Chromium', () => {
  let ext: Launched;
  let page: Page;
  const errors: string[] = [];
  /** What the snapshot itself references (its src attributes), resolved against the page's URL. */
  const snapshotResources = new Set(
    present
      ? [...readFileSync(SNAPSHOT, 'utf8').matchAll(/\ssrc="([^"]+)"/g)].map((m) => new URL(m[1]!, PAGE).href)
      : [],
  );
  beforeAll(async () => {
    ext = await launchExtension();
    await routePage(ext.context, 'https://mail.google.com/**', SNAPSHOT);
    // The snapshot's own images (on Google's hosts) are answered with nothing, never fetched.
    await ext.context.route(/^https:\/\/(?!mail\.google\.com\/)/, (route) => route.abort());
    page = await ext.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(PAGE);
  });
  afterAll(async () => {
    await ext?.close();
  });

  /**
   * Without Gmail's scripts and style sheets the snapshot's fields are not laid out as visible, so Playwright cannot
   * type into them: set the text one character at a time with the input events typing fires.
   */
  async function typeInto(field: ReturnType<Page['locator']>, text: string) {
    await field.evaluate((el: HTMLTextAreaElement, t) => {
      el.focus();
      for (const ch of t) {
        el.value += ch;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
      }
    }, text);
  }

  it('finds the compose and reads its empty classic recipient fields', async () => {
    await waitForVerdict(page, 'none');
    expect(await page.locator('[data-prospect-guard]').count()).toBe(1);
    expect(await page.locator('[data-prospect-guard]').getAttribute('data-recipients')).toBe('0');
    // The overlay sits inside the compose dialog, not over its body or its Send button.
    expect(await page.locator('[role=dialog] [data-prospect-guard]').count()).toBe(1);
  });

  it('follows addresses typed in the classic To and Cc textareas', async () => {
    const to = page.locator('textarea.vO[name=to]');
    await typeInto(to, 'Jean Dupont <jean.dupont@acme-industrie.fr>');
    await waitForVerdict(page, 'opt-out');
    expect(await page.locator('[data-prospect-guard]').getAttribute('data-recipients')).toBe('1');
    const cc = page.locator('textarea.vO[name=cc]');
    await typeInto(cc, 'sophie@wanadoo.fr');
    await waitForVerdict(page, 'opt-in');
    expect(await page.locator('[data-prospect-guard]').getAttribute('data-recipients')).toBe('2');
    expect(errors).toEqual([]);
    // Only the snapshot's own images (aborted, never reached) may appear: nothing from the extension.
    expect(ext.externalRequests().filter((u) => !snapshotResources.has(u))).toEqual([]);
  });
});
