// @vitest-environment happy-dom
/**
 * The content script on LinkedIn's fixture pages, end to end in the DOM: the real site file, watcher, session,
 * client and overlay, talking to the real worker handler and rules (a stored-settings fake stands in for storage).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { URL as NodeURL } from 'node:url';
import { startApp, type App, type AppEnv } from './app';
import { fakeI18n, tick, userClick } from './test-support';
import { linkedin } from '../sites/linkedin';
import { mountLinkedIn, type LinkedInMode } from '../sites/fixtures/linkedin/linkedin-mount';
import { createHandler, type HandlerDeps } from '../background/handlers';
import { introductionFor } from '../background/intro';
import { defaultSettings, type Overrides, type Settings } from '../storage/schema';
import type { Request, Send } from '../background/protocol';

const fixture = (name: string) => readFileSync(new NodeURL(`../sites/fixtures/linkedin/${name}.html`, import.meta.url), 'utf8');
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const SENDER = { id: ID, url: 'https://www.linkedin.com/feed/', frameId: 0, tab: { id: 1 } };

let settings: Settings;
let overrides: Overrides;
let calls: Request[];
let app: App | null = null;
let scope: ParentNode;

const handler = () =>
  createHandler({
    runtimeId: ID,
    extensionUrl: `chrome-extension://${ID}/`,
    version: '0.1.0',
    uiLanguage: () => 'fr-FR',
    load: async () => ({ settings, overrides, consents: {} }),
    classifyMany: () => [],
    introduction: introductionFor,
    openOptions: async () => {},
    sites: {} as HandlerDeps['sites'],
    isBuiltIn: (o) => o === 'https://www.linkedin.com',
    messages: () => ({}),
    message: { analyze: async () => ({}) as never, recordSend: async () => 0 },
    writer: {
      setOverride: async (key: string, kind: 'business' | 'private' | null) => {
        if (kind) overrides[key] = kind;
        return overrides;
      },
    } as unknown as HandlerDeps['writer'],
  });

function start(name: string, mode: LinkedInMode, extra: Partial<AppEnv> = {}): App {
  document.body.innerHTML = fixture(name);
  scope = mountLinkedIn(document, mode);
  const h = handler();
  const send = (async (m: Request) => {
    calls.push(m);
    return h(m, SENDER);
  }) as Send;
  app = startApp({
    doc: document,
    adapter: linkedin,
    send,
    i18n: fakeI18n('fr'),
    lang: 'fr',
    insert: vi.fn(async () => ({ ok: true as const })),
    onStorageChange: () => () => {},
    debounceMs: 5,
    scanDebounceMs: 5,
    timeoutMs: 500,
    ...extra,
  });
  return app;
}

const hosts = () => [...scope.querySelectorAll<HTMLElement>('[data-prospect-guard]')];
const verdicts = () => hosts().map((h) => h.getAttribute('data-verdict'));
const inOverlay = <T extends Element = HTMLElement>(css: string, nth = 0) => hosts()[nth]?.shadowRoot?.querySelector<T>(css) ?? null;

async function until(fn: () => boolean, ms = 2000): Promise<void> {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out (verdicts: ${verdicts().join(', ')})`);
    await tick(5);
  }
}

beforeEach(() => {
  settings = { ...defaultSettings(), intro: { ...defaultSettings().intro, company: 'Exemple PME', activity: 'nous éditons un logiciel de paie pour les PME' } };
  overrides = {};
  calls = [];
});
afterEach(() => {
  app?.stop();
  app = null;
});

describe.each(['light', 'shadow'] as const)('LinkedIn in the %s DOM', (mode) => {
  it('two bubbles: the student opt-in, the buyer opt-out with the LinkedIn introduction; the overlay above each form', async () => {
    start('bubble', mode);
    await until(() => verdicts().join() === 'opt-in,opt-out');
    expect(calls.filter((c) => c.type === 'judgePersons')).toHaveLength(2);
    expect(calls.some((c) => c.type === 'classify')).toBe(false);
    // Each overlay sits right before its compose's form, in the same tree.
    for (const h of hosts()) expect(h.nextElementSibling?.matches('form.msg-form')).toBe(true);
    // The buyer's overlay: the headline, and the introduction whose source is LinkedIn.
    userClick(inOverlay('button[data-action="toggle"]', 1));
    await tick(0);
    const text = hosts()[1]!.shadowRoot!.textContent!;
    expect(text).toContain('Marc Leroy');
    expect(text).toContain('Titre LinkedIn : Head of Procurement chez Schneider Electric');
    expect(text).toContain('Le message doit porter sur ce rôle.');
    expect(inOverlay('[data-testid="intro"]', 1)!.textContent).toContain('Vos coordonnées professionnelles proviennent de votre profil LinkedIn.');
  });

  it('a headline loaded after the bubble opened is read again, and "this is a business" is kept for the person', async () => {
    start('bubble', mode);
    await until(() => verdicts().join() === 'opt-in,opt-out');
    // The student's card is replaced by a headline that names no organisation.
    const card = scope.querySelector('.msg-s-profile-card div[title]')!;
    card.setAttribute('title', 'Directrice commerciale');
    card.textContent = 'Directrice commerciale';
    await until(() => verdicts()[0] === 'unknown');
    userClick(inOverlay('button[data-action="toggle"]'));
    await tick(0);
    // A member is named, never called an address, in what a screen reader says.
    expect(inOverlay('button[data-action="business"]')!.getAttribute('aria-label')).toBe('C’est une entreprise — Léa Martin est un contact professionnel');
    userClick(inOverlay('button[data-action="business"]'));
    await until(() => overrides['linkedin:in/lea-martin-8b2c1'] === 'business');
    app!.client.invalidate();
    app!.watcher!.refreshAll(true);
    await until(() => verdicts()[0] === 'opt-out');
  });

  it('the new-message composer and InMail are read from their pills and lockup', async () => {
    start('new-message', mode);
    await until(() => verdicts()[0] === 'opt-out');
    app!.stop();
    calls = [];
    start('inmail', mode);
    // "Head of Procurement" with the company Airbus shown in the lockup: a professional.
    await until(() => verdicts()[0] === 'opt-out');
    expect(calls.find((c) => c.type === 'judgePersons')).toMatchObject({ persons: [{ name: 'Claire Moreau', company: 'Airbus' }] });
  });

  it('the invitation note: a retired person is opt-in; for a buyer the short variant that fits, with the count, is what Insert gives', async () => {
    const insert = vi.fn(async (..._args: unknown[]) => ({ ok: true as const }));
    start('note', mode, { insert });
    await until(() => verdicts()[0] === 'opt-in');
    expect(calls.find((c) => c.type === 'judgePersons')).toMatchObject({ note: 200 });
    app!.stop();

    document.body.innerHTML = '';
    start('note', mode, { insert });
    document.querySelector('.pv-text-details__left-panel .text-body-medium')!.textContent = 'Head of Procurement chez Schneider Electric';
    app!.watcher!.refreshAll(true);
    await until(() => verdicts()[0] === 'opt-out');
    userClick(inOverlay('button[data-action="toggle"]'));
    await tick(0);
    const shown = inOverlay('[data-testid="intro"]')!.textContent!;
    expect(shown.length).toBeLessThanOrEqual(200);
    expect(inOverlay('[data-testid="note-count"]')!.textContent).toBe(`Version courte pour la note : ${shown.length} caractères ; il en restera ${200 - shown.length} sur 200.`);
    userClick(inOverlay('button[data-action="insert"]'));
    await until(() => insert.mock.calls.length === 1);
    expect(insert.mock.calls[0]![1]).toEqual({ intro: shown, unsubscribe: '' });

    // The user typed most of the note: the overlay (once the field is left) and Insert both say there is no room.
    const field = scope.querySelector<HTMLTextAreaElement>('textarea')!;
    field.value = 'x'.repeat(150);
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => inOverlay('[data-testid="note-count"]')!.textContent!.startsWith('Plus assez de place'));
    expect(inOverlay<HTMLButtonElement>('button[data-action="insert"]')!.disabled).toBe(true);
  });
});
