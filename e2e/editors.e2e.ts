/**
 * The editor matrix (issue 13): the extension (test build) on a webmail page the user enabled, one page per real
 * editor from npm (e2e/editors/, bundled by esbuild at test time, no request): the user types their lines with real
 * key presses, adds a recipient, clicks "Insérer" in the overlay, presses Ctrl+Z. For each editor, in each browser:
 * - the editor's OWN model (read through its API: getData, state.doc, editorState, getContents, getContent, React
 *   state…) holds the user's lines unchanged and in order, and the introduction and unsubscribe lines;
 * - the DOM shows the same lines as the model;
 * - one Ctrl+Z returns the model to exactly what it was;
 * - the focus is back in the editor after Insert;
 * - React's Send button is enabled (its state saw the text).
 * Each result is also written to .tmp/editor-matrix-<browser>.json with the browser's version and the date;
 * `npm run docs:editors` runs this file and writes the README's table from those files (scripts/editor-matrix.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSERS, LABEL, ROOT, buildWithHosts, overlay, useBrowser, type Session, type Tab, type Target } from './harness';
import { EDITORS, editorPage, type EditorName } from './editors/build';
import { bundleForPage } from './bundle';

const ORIGIN = 'https://editeurs.exemple-pme.fr';
const SETTINGS = {
  settings: { ownDomains: [], jurisdiction: 'FR', intro: { activity: 'nous aménageons des bureaux pour les PME', contactSource: 'votre site internet' }, enabledSites: [] },
};

/** Where the user clicks to type, per editor page. */
const EDITABLE: Record<EditorName, Target> = {
  textarea: 'textarea',
  contenteditable: '.editable',
  tinymce: { css: 'body', frame: 'iframe' },
  quill: '.ql-editor',
  roosterjs: '.editable',
  ckeditor5: '.ck-editor__editable',
  prosemirror: '.ProseMirror',
  lexical: '[data-lexical-editor]',
  'lexical-plain': '[data-lexical-editor]',
  'react-textarea': 'textarea',
  'react-contenteditable': '.editable',
};

const USER = ['Bonjour Monsieur Dupont,', 'Votre atelier pourrait gagner du temps.', 'Bien cordialement,'];
const clean = (l: string) => l.replace(/[\s\u00a0]+/g, ' ').trim();
const nonBlank = (ls: string[]) => ls.map(clean).filter(Boolean);

export interface Row {
  editor: EditorName;
  feedback?: string;
  insert?: boolean;
  domIsModel?: boolean;
  undo?: boolean;
  focus?: boolean;
  send?: boolean | null;
}

describe.each(BROWSERS)('editor matrix: Insert and Ctrl+Z in real editors [%s]', (name) => {
  const rows: Row[] = [];
  const b: Session = useBrowser(
    name,
    { extension: buildWithHosts(name, [`${ORIGIN}/*`], `.tmp/e2e-editors-${name}`) },
    async (s) => {
      await s.background((x) => chrome.storage.local.set(x), SETTINGS);
      const ext = await s.openExtensionPage('src/ui/options/index.html');
      s.tabs.delete(ext);
      const r = await ext.evaluate((o) => chrome.runtime.sendMessage({ type: 'enableSite', origin: o }), ORIGIN);
      if (!(r as { ok?: boolean })?.ok) throw new Error(`could not enable ${ORIGIN}: ${JSON.stringify(r)}`);
      await ext.close();
    },
  );
  beforeAll(async () => {
    for (const e of EDITORS) b.route(`${ORIGIN}/${e}`, { html: await editorPage(e) });
  }, 120000);
  afterAll(async () => {
    const dir = join(ROOT, '.tmp');
    mkdirSync(dir, { recursive: true });
    const version = await b.version().catch(() => LABEL[name]);
    writeFileSync(join(dir, `editor-matrix-${name}.json`), JSON.stringify({ browser: name, version, date: new Date().toISOString(), rows }, null, 2));
  });

  const model = (tab: Tab) => tab.evaluate(() => window.__editorModel());

  /** Whether the focus is in the editor (TinyMCE: its iframe, and the iframe's body). */
  const focused = (tab: Tab, e: EditorName) =>
    tab.evaluate(([css, frame]) => {
      if (frame) {
        const f = document.querySelector(frame) as HTMLIFrameElement;
        return document.activeElement === f && f.contentDocument!.activeElement === f.contentDocument!.body;
      }
      const el = document.querySelector(css as string);
      return !!el && !!document.activeElement && (el === document.activeElement || el.contains(document.activeElement));
    }, [typeof EDITABLE[e] === 'string' ? (EDITABLE[e] as string) : '', typeof EDITABLE[e] === 'string' ? '' : ((EDITABLE[e] as { frame: string }).frame ?? '')] as const);

  it.each(EDITORS)('%s', async (e) => {
    const row: Row = { editor: e };
    rows.push(row);
    const tab = await b.open(`${ORIGIN}/${e}`);
    await tab.waitFor(() => window.__editorReady === true, undefined, { timeout: 20000 });
    await tab.waitForVerdict('none', { timeout: 10000 });
    await tab.typeInto('#to', 'jean.dupont@acme-industrie.fr');
    await tab.waitForVerdict('opt-out', { timeout: 10000 });

    // The user writes three lines, then goes back to the end of the first one.
    await tab.click(EDITABLE[e]);
    for (const [i, l] of USER.entries()) {
      if (i) await tab.press('Enter');
      await tab.type(l);
    }
    await tab.press('ArrowUp');
    await tab.press('ArrowUp');
    await tab.press('End');
    const before = await model(tab);
    expect(nonBlank(before)).toEqual(USER);

    const intro = (await tab.text(overlay('[data-testid="intro"]'))).split('\n').map(clean).filter(Boolean);
    const unsub = (await tab.text(overlay('[data-testid="unsubscribe"]'))).split('\n').map(clean).filter(Boolean);
    await tab.click(overlay('button[data-action="insert"]'));
    await tab.waitFor(() => !!document.querySelector('[data-prospect-guard]')?.shadowRoot?.querySelector('[data-testid="insert-feedback"]')?.textContent, undefined, { timeout: 10000 });
    const feedback = await tab.text(overlay('[data-testid="insert-feedback"]'));
    row.feedback = feedback;

    const after = await model(tab);
    const dom = await tab.lines(EDITABLE[e]);
    const expected = [USER[0]!, ...intro, USER[1]!, USER[2]!, ...unsub];
    row.insert = feedback === 'Insérée — Ctrl+Z pour annuler' && JSON.stringify(nonBlank(after)) === JSON.stringify(expected);
    row.domIsModel = JSON.stringify(nonBlank(dom)) === JSON.stringify(nonBlank(after));
    row.focus = await focused(tab, e);
    row.send = e.startsWith('react-') ? await tab.evaluate(() => !(document.querySelector('#send') as HTMLButtonElement).disabled) : null;

    await tab.press('Control+z');
    await tab.waitFor((want) => JSON.stringify(window.__editorModel()) === want, JSON.stringify(before), { timeout: 5000 }).catch(() => undefined);
    const undone = await model(tab);
    row.undo = JSON.stringify(undone) === JSON.stringify(before);
    if (process.env.PG_DEBUG) console.log(e, name, JSON.stringify({ feedback, before, after, dom, undone }));

    expect(feedback).toBe('Insérée — Ctrl+Z pour annuler');
    // The editor's own model: the user's lines unchanged and in order, the introduction as lines of its own after the
    // line the caret was on, the unsubscribe line at the end of what the user wrote.
    expect(nonBlank(after)).toEqual(expected);
    expect(nonBlank(dom)).toEqual(nonBlank(after));
    expect(row.focus).toBe(true);
    if (row.send !== null) expect(row.send).toBe(true);
    expect(undone).toEqual(before);
  });
});

/**
 * The chain falls back, and a failure changes nothing: the insertion module is injected into the bare editor pages
 * and forced to start with an input path the editor does not take (the paths that failed in the probe).
 */
describe.each(BROWSERS)('editor matrix: falling back along the chain [%s]', (name) => {
  const b = useBrowser(name, { extension: false });
  let script = '';
  beforeAll(async () => {
    script = await bundleForPage('PG', {
      insertIntroduction: ['src/content/insert.ts', 'insertIntroduction'],
      watchCaret: ['src/content/insert.ts', 'watchCaret'],
      generic: ['src/sites/generic.ts', 'generic'],
    });
    for (const e of ['ckeditor5', 'lexical', 'prosemirror'] as const) b.route(`${ORIGIN}/${e}`, { html: await editorPage(e) });
  }, 120000);
  const TEXTS = { intro: 'Je vous contacte au sujet de vos bureaux.\nVos coordonnées viennent de votre site.', unsubscribe: 'Répondez STOP pour ne plus rien recevoir.' };

  async function typed(e: EditorName): Promise<{ tab: Tab; before: string[] }> {
    const tab = await b.open(`${ORIGIN}/${e}`);
    await tab.waitFor(() => window.__editorReady === true, undefined, { timeout: 20000 });
    await tab.addScript(script);
    await tab.evaluate(() => (window as unknown as { PG: { watchCaret(d: Document): void } }).PG.watchCaret(document));
    await tab.click(EDITABLE[e]);
    for (const [i, l] of USER.entries()) {
      if (i) await tab.press('Enter');
      await tab.type(l);
    }
    await tab.press('ArrowUp');
    await tab.press('ArrowUp');
    await tab.press('End');
    return { tab, before: await tab.evaluate(() => window.__editorModel()) };
  }
  const insert = (tab: Tab, strategies: string[]) =>
    tab.evaluate(
      ([t, st]) => {
        const PG = (window as unknown as { PG: { generic: { findComposes(d: Document): unknown[] }; insertIntroduction(h: unknown, t: unknown, o: unknown): Promise<unknown> } }).PG;
        return PG.insertIntroduction(PG.generic.findComposes(document)[0], t, { strategies: st });
      },
      [TEXTS, strategies] as const,
    ) as Promise<{ ok: boolean; strategy?: string; reason?: string }>;
  const expected = [USER[0], ...TEXTS.intro.split('\n'), USER[1], USER[2], TEXTS.unsubscribe];

  it('CKEditor 5 reverts the browser commands: seen after its turn, taken back, then its beforeinput path works', async () => {
    const { tab, before } = await typed('ckeditor5');
    expect(await insert(tab, ['exec', 'beforeinput'])).toMatchObject({ ok: true, strategy: 'beforeinput' });
    expect(nonBlank(await tab.evaluate(() => window.__editorModel()))).toEqual(expected);
    await tab.press('Control+z');
    await tab.waitFor((want) => JSON.stringify(window.__editorModel()) === want, JSON.stringify(before), { timeout: 5000 });
  });

  it('CKEditor 5 with only the browser commands: "failed", and the model is what the user had', async () => {
    const { tab, before } = await typed('ckeditor5');
    expect(await insert(tab, ['exec'])).toEqual({ ok: false, reason: 'exec-failed' });
    expect(await tab.evaluate(() => window.__editorModel())).toEqual(before);
  });

  it('Lexical with the browser commands first: whatever they leave is checked by lines, and the result is right', async () => {
    const { tab, before } = await typed('lexical');
    const out = await insert(tab, ['exec', 'beforeinput']);
    expect(out.ok).toBe(true);
    const model = await tab.evaluate(() => window.__editorModel());
    expect(nonBlank(model)).toEqual(expected);
    expect(model.some((l) => l.includes('temps.Je vous'))).toBe(false);
    await tab.press('Control+z');
    await tab.waitFor((want) => JSON.stringify(window.__editorModel()) === want, JSON.stringify(before), { timeout: 5000 });
  });

  it('ProseMirror through the browser commands: one Ctrl+Z goes through ProseMirror’s own history', async () => {
    const { tab, before } = await typed('prosemirror');
    expect(await insert(tab, ['exec'])).toMatchObject({ ok: true, strategy: 'exec' });
    expect(nonBlank(await tab.evaluate(() => window.__editorModel()))).toEqual(expected);
    await tab.press('Control+z');
    await tab.waitFor((want) => JSON.stringify(window.__editorModel()) === want, JSON.stringify(before), { timeout: 5000 });
  });
});
