/**
 * The site adapters in a real browser, on the demo pages served at the real site URLs: compose discovery as
 * windows open and close, recipients read while the user types chips, the overlay slot's real geometry, and the
 * generic adapter on a webmail it has never seen. The adapters are bundled and injected; no extension build needed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser, type Tab as Page } from './harness';
import { bundleForPage } from './bundle';

let script: string;
beforeAll(async () => {
  script = await bundleForPage('PGS', {
    adapterFor: ['src/sites/index.ts', 'adapterFor'],
    insertIntroduction: ['src/content/insert.ts', 'insertIntroduction'],
  });
});

declare global {
  interface Window {
    PGS: {
      adapterFor: typeof import('../src/sites/index').adapterFor;
      insertIntroduction: typeof import('../src/content/insert').insertIntroduction;
    };
  }
}

/** Recipients of every compose, through the adapter chosen for the page. */
const recipients = (page: Page) =>
  page.evaluate(() => {
    const a = window.PGS.adapterFor(location);
    return a.findComposes(document).map((c) => c.readRecipients());
  });

const summary = (page: Page) =>
  page.evaluate(() => {
    const a = window.PGS.adapterFor(location);
    return {
      adapter: a.id,
      composes: a.findComposes(document).map((c) => ({
        kind: c.kind,
        subject: c.readSubject(),
        body: !!c.body(),
        signature: c.signature()?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
        send: c.sendButton()?.textContent?.trim() ?? null,
      })),
    };
  });

/** Puts a 48px-high box in the overlay slot and reports whether it overlaps the editor or the send button. */
const slotOverlaps = (page: Page, nth = 0) =>
  page.evaluate((n) => {
    const a = window.PGS.adapterFor(location);
    const c = a.findComposes(document)[n]!;
    const slot = c.overlaySlot()!;
    const host = document.createElement('div');
    host.setAttribute('data-prospect-guard', '');
    host.style.cssText = 'height:48px;background:#fde;';
    slot.parent.insertBefore(host, slot.before);
    const hit = (el: Element | null) => {
      if (!el) return false;
      const r1 = host.getBoundingClientRect();
      const r2 = el.getBoundingClientRect();
      return r1.left < r2.right && r2.left < r1.right && r1.top < r2.bottom && r2.top < r1.bottom;
    };
    const body = c.body()!;
    const frame = body.ownerDocument !== document ? (body.ownerDocument.defaultView?.frameElement ?? null) : body;
    const out = { visible: host.getBoundingClientRect().height === 48, editor: hit(frame), send: hit(c.sendButton()), recipients: c.readRecipients()?.length };
    host.remove();
    return out;
  }, nth);

describe.each(BROWSERS)('site adapters in a real browser [%s]', (name) => {
  const b = useBrowser(name, {
    extension: false,
    routes: [
      ['https://mail.google.com/', 'e2e/pages/gmail.html'],
      ['https://webmail.exemple-pme.fr/', 'e2e/pages/webmail.html'],
    ],
  });

  async function open(url: string): Promise<Page> {
    const page = await b.open(url);
    await page.addScript(script);
    return page;
  }

  it('Gmail page: composes appear and disappear; chips and pending typed addresses are read per field', async () => {
    const page = await open('https://mail.google.com/mail/u/0/');
    expect(await summary(page)).toEqual({ adapter: 'gmail', composes: [] });
    await page.click('#pg-compose-button');
    expect(await recipients(page)).toEqual([[]]);

    await page.type('jean.dupont@acme-industrie');
    expect(await recipients(page)).toEqual([[]]);
    await page.type('.fr');
    expect(await recipients(page)).toEqual([[{ field: 'to', address: 'jean.dupont@acme-industrie.fr', pending: true }]]);
    await page.press('Enter');
    await page.type('Claire Bernard <claire.bernard@gmail.com>,');
    await page.click('span.aB.gQ.pE'); // Cc
    await page.type('contact@exemple-sarl.fr');
    await page.press('Tab');
    expect(await recipients(page)).toEqual([
      [
        { field: 'to', address: 'jean.dupont@acme-industrie.fr' },
        { field: 'to', address: 'claire.bernard@gmail.com', name: 'Claire Bernard' },
        { field: 'cc', address: 'contact@exemple-sarl.fr' },
      ],
    ]);
    // Remove a chip with its afX button.
    await page.click('[data-hovercard-id="jean.dupont@acme-industrie.fr"] .afX');
    expect((await recipients(page))[0]!.map((r) => r.address)).toEqual(['claire.bernard@gmail.com', 'contact@exemple-sarl.fr']);

    await page.fill('input[name=subjectbox]', 'Présentation');
    expect(await summary(page)).toEqual({
      adapter: 'gmail',
      composes: [{ kind: 'popup', subject: 'Présentation', body: true, signature: 'Marie MartinResponsable commerciale – Exemple PME01 23 45 67 89', send: 'Envoyer' }],
    });
    expect(await slotOverlaps(page)).toEqual({ visible: true, editor: false, send: false, recipients: 2 });

    // A second compose, then Send closes the first one.
    await page.click('#pg-compose-button');
    expect((await summary(page)).composes).toHaveLength(2);
    await page.click('.T-I.aoO[role=button]');
    await expect.poll(() => page.text('.bAq')).toBe('Message envoyé');
    expect((await summary(page)).composes).toHaveLength(1);
    await page.close();
  });

  it('Gmail thread view: inline reply found as inline, alongside a popup', async () => {
    const page = await open('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrfTXlhGqJRwvHVzGkQh');
    expect((await summary(page)).composes).toEqual([]);
    await page.click('#pg-reply');
    await page.click('#pg-compose-button');
    const s = await summary(page);
    expect(s.composes.map((c) => c.kind).sort()).toEqual(['inline', 'popup']);
    const inlineIdx = s.composes.findIndex((c) => c.kind === 'inline');
    expect(s.composes[inlineIdx]!.subject).toBeNull();
    expect((await recipients(page))[inlineIdx]).toEqual([{ field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' }]);
    expect(await slotOverlaps(page, inlineIdx)).toMatchObject({ visible: true, editor: false, send: false });
    await page.close();
  });

  it('unknown webmail: the generic adapter finds the compose, reads data-email chips and "À"/"Cc" fields', async () => {
    const page = await open('https://webmail.exemple-pme.fr/');
    await page.type('Jean Dupont <jean.dupont@acme-industrie.fr>');
    await page.press('Enter');
    await page.type('s.leroy@free.fr');
    expect(await recipients(page)).toEqual([
      [
        { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
        { field: 'to', address: 's.leroy@free.fr', pending: true },
      ],
    ]);
    await page.click('.ajout-copie');
    await page.type('rh@acme-industrie.fr;');
    await page.fill('input.objet', 'Nos solutions de gestion');
    expect(await recipients(page)).toEqual([
      [
        { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
        { field: 'to', address: 's.leroy@free.fr' },
        { field: 'cc', address: 'rh@acme-industrie.fr' },
      ],
    ]);
    expect(await summary(page)).toEqual({
      adapter: 'generic',
      composes: [
        { kind: 'page', subject: 'Nos solutions de gestion', body: true, signature: '-- Marie MartinExemple PME – Logiciels de gestion04 72 00 00 00', send: 'Envoyer' },
      ],
    });
    expect(await slotOverlaps(page)).toEqual({ visible: true, editor: false, send: false, recipients: 3 });

    // Insertion there too, and a second window.
    await page.click('.zone-texte p');
    await page.type('Bonjour Monsieur Dupont,');
    const out = await page.evaluate(() => {
      const c = window.PGS.adapterFor(location).findComposes(document)[0]!;
      return window.PGS.insertIntroduction(c, { intro: 'Présentation de notre activité.', unsubscribe: 'Répondez STOP pour ne plus rien recevoir.' });
    });
    expect(out).toMatchObject({ ok: true, path: 'native' });
    const text = await page.text('.zone-texte');
    expect(text.replace(/\u00a0/g, ' ').split('\n').map((l) => l.trim()).filter(Boolean)).toEqual([
      'Bonjour Monsieur Dupont,',
      'Présentation de notre activité.',
      'Répondez STOP pour ne plus rien recevoir.',
      '--',
      'Marie Martin',
      'Exemple PME – Logiciels de gestion',
      '04 72 00 00 00',
    ]);
    await page.click('#ecrire');
    expect((await summary(page)).composes).toHaveLength(2);
    await page.close();
  });
});
