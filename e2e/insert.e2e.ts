/**
 * Real-browser proof of src/content/insert.ts, in each browser: the insertion goes through the browser's editing
 * commands into the Gmail-like page (served at Gmail's URL), keeps every character the user typed, lands above the
 * signature, and one Ctrl+Z removes all of it. The module is bundled and injected into the page; no extension
 * build is needed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser, type Tab } from './harness';
import { bundleForPage } from './bundle';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const INTRO = [
  "Je vous contacte en tant que responsable commerciale d'Exemple PME, éditeur de logiciels de gestion pour l'industrie.",
  "J'ai trouvé vos coordonnées professionnelles sur le site de votre entreprise.",
  'Nous pourrons vous adresser de nouvelles offres, sauf si vous vous y opposez.',
].join('\n');
const UNSUB = 'Pour ne plus recevoir nos messages, répondez simplement « STOP ».';
const TEXTS = { intro: INTRO, unsubscribe: UNSUB };

let script: string;
beforeAll(async () => {
  script = await bundleForPage('PG', {
    insertIntroduction: ['src/content/insert.ts', 'insertIntroduction'],
    watchCaret: ['src/content/insert.ts', 'watchCaret'],
    gmail: ['src/sites/gmail.ts', 'gmail'],
    generic: ['src/sites/generic.ts', 'generic'],
  });
});

declare global {
  interface Window {
    PG: {
      insertIntroduction: typeof import('../src/content/insert').insertIntroduction;
      watchCaret: typeof import('../src/content/insert').watchCaret;
      gmail: typeof import('../src/sites/gmail').gmail;
      generic: typeof import('../src/sites/generic').generic;
    };
  }
}

const TEXTAREA_PAGE = `<form><label for="to">À</label><input id="to" name="to" value="paul@exemple.org">
  <label for="s">Objet</label><input id="s" name="subject">
  <textarea name="message" rows="10" cols="60">Bonjour Paul,\n\nVoici notre proposition.\n\n-- \nMarie</textarea></form>`;
const IFRAME_PAGE = `<form id="compose"><label for="to">Destinataire</label><input id="to" name="to" type="email" value="paul@exemple.org">
  <div class="tox-edit-area"><iframe id="composebody_ifr" style="width:600px;height:300px"></iframe></div></form>`;

/** Runs the insertion on the nth compose the Gmail adapter finds. */
function insert(page: Tab, nth = 0, texts = TEXTS) {
  return page.evaluate(
    ([n, t]) => {
      const handle = window.PG.gmail.findComposes(document)[n as number];
      return handle ? window.PG.insertIntroduction(handle, t as typeof TEXTS) : { ok: false, reason: 'no-compose' };
    },
    [nth, texts] as const,
  );
}

const bodyText = (page: Tab, nth = 0) => page.evaluate((n) => window.PG.gmail.findComposes(document)[n]!.body()!.innerText, nth);
const bodyHtml = (page: Tab, nth = 0) => page.evaluate((n) => window.PG.gmail.findComposes(document)[n]!.body()!.innerHTML, nth);

/** Non-empty lines of the body text, trimmed, NBSPs as spaces. */
const linesOf = (text: string) =>
  text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

describe.each(BROWSERS)('insertion in a real browser (Gmail-like page) [%s]', (name) => {
  const b = useBrowser(name, {
    extension: false,
    routes: [
      ['https://mail.google.com/', 'e2e/pages/gmail.html'],
      ['https://textarea.editor.test/', { html: TEXTAREA_PAGE }],
      ['https://iframe.editor.test/', { html: IFRAME_PAGE }],
    ],
  });

  async function gmailPage(query = ''): Promise<Tab> {
    const page = await b.open(GMAIL + query);
    await page.addScript(script);
    await page.evaluate(() => window.PG.watchCaret(document));
    return page;
  }

  it('puts the introduction at the caret and the unsubscribe line above the signature; one Ctrl+Z undoes both', async () => {
    const page = await gmailPage();
    await page.click('#pg-compose-button');
    await page.type('jean.dupont@acme-industrie.fr');
    await page.press('Enter');
    await page.fill('input[name=subjectbox]', 'Logiciel de gestion de production');
    await page.click('[g_editable=true]');
    await page.press('Control+Home');
    await page.type('Bonjour Jean,');
    await page.press('Enter');
    await page.type('Votre atelier pourrait gagner du temps.');
    await page.press('Enter');
    await page.type('Bien cordialement,');
    // Caret back to the empty line wanted for the introduction: after the greeting.
    await page.press('ArrowUp');
    await page.press('Home');
    await page.press('Enter');
    await page.press('ArrowUp');
    const before = await bodyText(page);
    const beforeHtml = await bodyHtml(page);

    const outcome = await insert(page);
    expect(outcome).toMatchObject({ ok: true, path: 'native' });

    const after = linesOf(await bodyText(page));
    const introLines = INTRO.split('\n');
    // The four elements are present …
    for (const l of [...introLines, UNSUB]) expect(after).toContain(l);
    // … in this order, and nothing the user typed moved or changed.
    expect(after).toEqual([
      'Bonjour Jean,',
      ...introLines,
      'Votre atelier pourrait gagner du temps.',
      'Bien cordialement,',
      UNSUB,
      '--',
      'Marie Martin',
      'Responsable commerciale – Exemple PME',
      '01 23 45 67 89',
    ]);
    // Blank lines kept: the introduction is a paragraph of its own, one blank line from the user's lines around it.
    expect((await page.lines('[g_editable=true]')).slice(0, introLines.length + 5)).toEqual(['Bonjour Jean,', '', ...introLines, '', 'Votre atelier pourrait gagner du temps.', 'Bien cordialement,']);
    // The signature block itself is untouched.
    expect(await page.evaluate(() => document.querySelector('.gmail_signature')!.textContent)).toBe(
      'Marie MartinResponsable commerciale – Exemple PME01 23 45 67 89',
    );

    // One Ctrl+Z removes all of it.
    await page.press('Control+z');
    expect(await bodyText(page)).toBe(before);
    expect(await bodyHtml(page)).toBe(beforeHtml);
    // The next Ctrl+Z is the browser's own again (undoes the user's last typing).
    await page.press('Control+z');
    expect(await bodyText(page)).not.toBe(before);
    await page.close();
  });

  it('goes at the start of the body when the caret is elsewhere, and refuses a second insertion', async () => {
    const page = await gmailPage();
    await page.click('#pg-compose-button');
    await page.type('claire.bernard@exemple-industrie.fr,');
    await page.click('[g_editable=true]');
    await page.press('Control+Home');
    await page.type('Madame,');
    await page.press('Enter');
    await page.type('Je reviens vers vous concernant votre appel d’offres.');
    await page.click('input[name=subjectbox]');
    await page.type('Appel d’offres');
    const beforeHtml = await bodyHtml(page);

    const outcome = await insert(page);
    expect(outcome).toMatchObject({ ok: true });
    const after = linesOf(await bodyText(page));
    expect(after.slice(0, 6)).toEqual([...INTRO.split('\n'), 'Madame,', 'Je reviens vers vous concernant votre appel d’offres.', UNSUB]);
    expect(await page.text('input[name=subjectbox]')).toBe('Appel d’offres');

    expect(await insert(page)).toEqual({ ok: false, reason: 'already-present' });

    // The caret is in the body after insertion: Ctrl+Z restores the body exactly.
    await page.press('Control+z');
    expect(await bodyHtml(page)).toBe(beforeHtml);
    await page.close();
  });

  it('leaves the insertion alone when the user typed something before pressing Ctrl+Z', async () => {
    const page = await gmailPage();
    await page.click('#pg-compose-button');
    await page.click('[g_editable=true]');
    await page.press('Control+Home');
    await page.type('Bonjour,');
    await page.press('Enter');
    expect(await insert(page)).toMatchObject({ ok: true });
    await page.type('X');
    await page.press('Control+z');
    const text = await bodyText(page);
    expect(text).toContain(INTRO.split('\n')[0]);
    expect(text).toContain(UNSUB);
    expect(text).not.toContain('X');
    await page.close();
  });

  it('inserts into an empty compose (signature only) and in an inline reply above signature and quote', async () => {
    const page = await gmailPage('?view=reply');
    await page.click('#pg-reply');
    await page.click('.ajR'); // show the quoted message in the body
    const beforeHtml = await bodyHtml(page);
    const composes = await page.evaluate(() => window.PG.gmail.findComposes(document).map((h) => h.kind));
    expect(composes).toEqual(['inline']);
    await page.click('input[role=combobox]'); // caret out of the body
    const outcome = await insert(page);
    expect(outcome).toMatchObject({ ok: true });
    const after = linesOf(await bodyText(page));
    expect(after.slice(0, 5)).toEqual([...INTRO.split('\n'), UNSUB, '--']);
    expect(after.at(-1)).toBe('Jean Dupont');
    expect(after.some((l) => l.includes('a écrit'))).toBe(true);
    await page.press('Control+z');
    expect(await bodyHtml(page)).toBe(beforeHtml);
    await page.close();
  });

  it('works in two composes open at once, each in its own body', async () => {
    const page = await gmailPage();
    await page.click('#pg-compose-button');
    await page.click('#pg-compose-button');
    expect(await page.evaluate(() => window.PG.gmail.findComposes(document).length)).toBe(2);
    await page.click({ css: '[g_editable=true]', nth: 1 });
    await page.press('Control+Home');
    await page.type('Deuxième message.');
    expect(await insert(page, 0)).toMatchObject({ ok: true });
    expect(await insert(page, 1)).toMatchObject({ ok: true });
    const texts = await page.evaluate(() => window.PG.gmail.findComposes(document).map((h) => h.body()!.innerText));
    for (const t of texts) {
      expect(t).toContain(INTRO.split('\n')[2]);
      expect(t).toContain(UNSUB);
    }
    await page.close();
  });

  it('textarea editor: undoable insert through text-field-edit, one Ctrl+Z', async () => {
    const page = await b.open('https://textarea.editor.test/');
    await page.addScript(script);
    await page.evaluate(() => window.PG.watchCaret(document));
    await page.click('textarea');
    await page.evaluate(() => {
      const t = document.querySelector('textarea')!;
      t.setSelectionRange(14, 14); // the empty line after "Bonjour Paul,"
    });
    const outcome = await page.evaluate((t) => window.PG.insertIntroduction(window.PG.generic.findComposes(document)[0]!, t), TEXTS);
    expect(outcome).toMatchObject({ ok: true, steps: 2, path: 'native' });
    expect(await page.text('textarea')).toBe(`Bonjour Paul,\n\n${INTRO}\n\nVoici notre proposition.\n${UNSUB}\n\n-- \nMarie`);
    await page.press('Control+z');
    expect(await page.text('textarea')).toBe('Bonjour Paul,\n\nVoici notre proposition.\n\n-- \nMarie');
  });

  it('same-origin iframe editor (TinyMCE-like): inserts in the iframe body; Ctrl+Z there undoes it', async () => {
    const page = await b.open('https://iframe.editor.test/');
    await page.evaluate(() => {
      const d = (document.getElementById('composebody_ifr') as HTMLIFrameElement).contentDocument!;
      d.body.innerHTML = '<p>Bonjour Paul,</p><p>Texte.</p><div id="_rc_sig">-- <br>Marie</div>';
      d.body.setAttribute('contenteditable', 'true');
    });
    await page.addScript(script);
    const outcome = await page.evaluate((t) => {
      const h = window.PG.generic.findComposes(document)[0]!;
      return window.PG.insertIntroduction(h, t);
    }, TEXTS);
    expect(outcome).toMatchObject({ ok: true, path: 'native' });
    const frameBody = { css: 'body', frame: '#composebody_ifr' };
    const text = linesOf(await page.text(frameBody));
    expect(text).toEqual([...INTRO.split('\n'), 'Bonjour Paul,', 'Texte.', UNSUB, '--', 'Marie']);
    await page.press('Control+z');
    expect(linesOf(await page.text(frameBody))).toEqual(['Bonjour Paul,', 'Texte.', '--', 'Marie']);
  });
});
