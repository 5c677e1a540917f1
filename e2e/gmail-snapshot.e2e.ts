/**
 * The real Gmail compose popup captured around 2020 (classic recipient textarea), from the shared reference data
 * beside the project — read in place, never copied — served at Gmail's real URL with the built extension loaded,
 * in each browser. Skipped when the shared data is not there (PG_SHARED points elsewhere than ../shared).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BROWSERS, ROOT, useBrowser, type Tab, type Target } from './harness';

const SHARED = resolve(ROOT, process.env.PG_SHARED ?? '../shared');
const SNAPSHOT = resolve(SHARED, 'fixtures/gmail/gmail-compose-popup-classic-recipients-2020.html');
const present = existsSync(SNAPSHOT);
const PAGE = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
if (!present) console.log(`gmail-snapshot.e2e: ${SNAPSHOT} not present, skipped`);

/** What the snapshot itself references (its src attributes), resolved against the page's URL. */
const snapshotResources = new Set(
  present ? [...readFileSync(SNAPSHOT, 'utf8').matchAll(/\ssrc="([^"]+)"/g)].map((m) => new URL(m[1]!, PAGE).href) : [],
);

/**
 * Without Gmail's scripts and style sheets the snapshot's fields are not laid out as visible, so a real click cannot
 * reach them: set the text one character at a time with the input events typing fires.
 */
async function typeInto(tab: Tab, field: Target, text: string) {
  await tab.on(
    field,
    (el: HTMLTextAreaElement, t: string) => {
      el.focus();
      for (const ch of t) {
        el.value += ch;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
      }
    },
    text,
  );
}

describe.skipIf(!present).each(BROWSERS)('the real 2020 Gmail compose snapshot [%s]', (name) => {
  // The snapshot's own images (on Google's hosts) are answered with nothing, never fetched, and not counted.
  const b = useBrowser(name, { routes: [['https://mail.google.com/', SNAPSHOT]], pageResources: (u) => snapshotResources.has(u) });

  it('finds the compose, reads its classic recipient fields, and follows addresses typed in To and Cc', async () => {
    const tab = await b.open(PAGE);
    await tab.waitForVerdict('none');
    expect(await tab.count('[data-prospect-guard]')).toBe(1);
    expect(await tab.recipients()).toBe('0');
    // The overlay sits inside the compose dialog, not over its body or its Send button.
    expect(await tab.count('[role=dialog] [data-prospect-guard]')).toBe(1);

    await typeInto(tab, 'textarea.vO[name=to]', 'Jean Dupont <jean.dupont@acme-industrie.fr>');
    await tab.waitForVerdict('opt-out');
    expect(await tab.recipients()).toBe('1');
    await typeInto(tab, 'textarea.vO[name=cc]', 'sophie@wanadoo.fr');
    await tab.waitForVerdict('opt-in');
    expect(await tab.recipients()).toBe('2');
  });
});
