// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createSendGuard, type SendGuard, type SendGuardDeps } from './send-guard';
import type { Analysis, Checklist, Snapshot } from './checklist';
import type { ComposeHandle } from '../sites/types';
import type { PersonRequest, Request } from '../background/protocol';
import type { GuardView } from '../ui/overlay/model';
import { readMessage } from './message-text';
import { trustedEvent, tick } from './test-support';

function analysis(prospecting: boolean, ask: boolean, guardOn = true): Analysis {
  return {
    ok: true,
    lang: 'fr',
    guard: guardOn,
    analysis: { prospecting, ordinary: !prospecting, firstContact: prospecting, status: 'first-contact', required: [], present: [], missing: [], where: {}, banned: [], reasons: ['Message de prospection commerciale : offre.'] },
    check: { ask, banned: false, who: ask ? [{ address: 'jean@gmail.com', label: 'particulier — consentement requis', verdict: 'opt-in' }] : [] },
  };
}

let root: HTMLElement;
let button: HTMLElement;
let pageSends: number;
let pageHonoursScripts: boolean;
let views: Array<GuardView | null>;
let notices: string[];
let calls: Request[];
let last: Analysis | null;
/** Whether the guard is on, as the worker last said (the checklist's guardOn()). */
let heard: boolean | null;
let checkAnswer: () => Promise<Analysis>;
/** What the compose shows at Send (the site's readRecipients). */
let shown: Array<{ field: string; address: string; pending?: boolean }>;
/** The snapshots the guard asked the worker about. */
let checked: Snapshot[];

/** The guard of the last setup(): it listens on the document, so the one before is destroyed first. */
let current: SendGuard | null = null;

function setup(extra: Partial<SendGuardDeps> = {}) {
  current?.destroy();
  document.body.innerHTML = '<div class="compose"><div class="body" contenteditable="true">Bonjour</div><div role="button" class="send">Envoyer</div></div>';
  root = document.querySelector<HTMLElement>('.compose')!;
  button = root.querySelector<HTMLElement>('.send')!;
  pageSends = 0;
  pageHonoursScripts = true;
  button.addEventListener('click', (e) => {
    if (e.isTrusted || pageHonoursScripts) pageSends++;
  });
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.ctrlKey) pageSends++;
  });
  views = [];
  notices = [];
  calls = [];
  last = null;
  heard = null;
  shown = [{ field: 'to', address: 'Jean@gmail.com' }];
  checked = [];
  checkAnswer = async () => analysis(true, false);
  const handle = {
    root,
    readRecipients: () => shown,
    sendButton: () => button,
    body: () => root.querySelector<HTMLElement>('.body'),
  } as unknown as ComposeHandle;
  const checklist: Checklist = {
    dirty() {},
    snapshot: (rs?: string[], ps?: PersonRequest[] | null): Snapshot => ({ text: 'Bonjour', links: [], subject: '', recipients: rs ?? [], persons: ps ?? null, sig: `x${(rs ?? []).join()}` }),
    fresh: (s) => (last && s.sig === 'xjean@gmail.com' ? last : null),
    check: (snap: Snapshot) => {
      checked.push(snap);
      return checkAnswer();
    },
    stale() {},
    guardOn: () => heard ?? last?.guard ?? null,
    destroy() {},
  };
  current = createSendGuard({
    handle,
    checklist,
    send: (async (m: Request) => {
      calls.push(m);
      return { ok: true, recorded: 1, records: [] };
    }) as unknown as SendGuardDeps['send'],
    show: (v) => views.push(v),
    notice: (k) => notices.push(k),
    focusBody: () => {},
    timeoutMs: 100,
    ...extra,
  });
  return current;
}

const userClick = (el: Element) => el.dispatchEvent(trustedEvent(new MouseEvent('click', { bubbles: true, cancelable: true })));
const ctrlEnter = (el: Element) => el.dispatchEvent(trustedEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true })));
const recorded = () => calls.filter((c) => c.type === 'recordSend');

describe('confirm before send', () => {
  beforeEach(() => {
    document.documentElement.removeAttribute('data-pg-test-guard-throw');
  });

  it('nothing to ask (the last analysis was for this very message): the click goes on untouched; a prospecting one is recorded', async () => {
    setup();
    last = analysis(true, false);
    userClick(button);
    expect(pageSends).toBe(1);
    expect(views).toEqual([]);
    await tick();
    expect(recorded()).toEqual([{ type: 'recordSend', recipients: ['jean@gmail.com'] }]);
  });

  it('something to ask: the click is stopped, the overlay asks, "send anyway" presses Send once', async () => {
    const g = setup();
    last = analysis(true, true);
    userClick(button);
    expect(pageSends).toBe(0);
    expect(views.at(-1)).toMatchObject({ kind: 'ask', who: [{ address: 'jean@gmail.com' }] });
    userClick(button); // pressed again while asking: nothing
    ctrlEnter(root);
    expect(pageSends).toBe(0);
    g.answer('send');
    expect(pageSends).toBe(1);
    expect(views.at(-1)).toBeNull();
    await tick();
    expect(recorded()).toHaveLength(1);
  });

  it('a compose inside an open shadow root (LinkedIn\'s #interop-outlet, retargeted in browsers: e2e/guard-linkedin.e2e.ts): the click is stopped, the members go to the worker with their headline', async () => {
    const g = setup();
    const outlet = document.createElement('div');
    document.body.appendChild(outlet);
    outlet.attachShadow({ mode: 'open' }).appendChild(root);
    const member = { name: 'Léa Martin', headline: 'Étudiante en Master 2 Marketing' };
    shown = [{ field: 'to', address: 'linkedin:in/lea-martin', person: member } as (typeof shown)[number]];
    checkAnswer = async () => analysis(true, true);
    const composedClick = () => button.dispatchEvent(trustedEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
    composedClick();
    expect(pageSends).toBe(0);
    expect(checked.at(-1)).toMatchObject({ recipients: ['linkedin:in/lea-martin'], persons: [{ key: 'linkedin:in/lea-martin', ...member }] });
    await tick(5);
    expect(views.at(-1)).toMatchObject({ kind: 'ask' });
    g.answer('send');
    expect(pageSends).toBe(1);
  });

  it('"cancel" sends nothing; "I have their consent" records it, then sends once', async () => {
    const g = setup();
    last = analysis(true, true);
    userClick(button);
    g.answer('cancel');
    expect(pageSends).toBe(0);
    userClick(button);
    g.answer('consent');
    await tick(5);
    expect(calls.find((c) => c.type === 'consentAtSend')).toEqual({ type: 'consentAtSend', addresses: ['jean@gmail.com'] });
    expect(pageSends).toBe(1);
  });

  it('a page that ignores scripted clicks: after "send anyway" the user’s next click goes through without a second question', () => {
    const g = setup();
    pageHonoursScripts = false;
    last = analysis(true, true);
    userClick(button);
    g.answer('send');
    expect(pageSends).toBe(0);
    userClick(button);
    expect(pageSends).toBe(1);
    expect(views.filter((v) => v?.kind === 'ask')).toHaveLength(1);
  });

  it('not analysed yet (Ctrl+Enter right after typing): stopped, checked now, then sent once', async () => {
    setup();
    ctrlEnter(root.querySelector('.body')!);
    expect(pageSends).toBe(0);
    expect(views.at(-1)).toEqual({ kind: 'checking' });
    await tick(5);
    expect(pageSends).toBe(1); // our press of the Send button (the page's click handler)
  });

  it('fails open: the worker does not answer in time → sent once, and the page says the check did not run', async () => {
    setup();
    checkAnswer = () => new Promise(() => {});
    userClick(button);
    expect(pageSends).toBe(0);
    await tick(150);
    expect(pageSends).toBe(1);
    expect(notices).toEqual(['ovGuardNotRun']);
  });

  it('fails open when the guard throws, before or after it stopped the event: exactly one send', () => {
    for (const step of ['before', 'after']) {
      setup();
      last = analysis(true, true);
      document.documentElement.setAttribute('data-pg-test-guard-throw', step);
      userClick(button);
      expect(pageSends).toBe(1);
      expect(notices).toEqual(step === 'after' ? ['ovGuardNotRun'] : []);
    }
  });

  it('ignores what the user did not do (a script’s click), and stays off when the setting says so', () => {
    setup();
    last = analysis(true, true);
    button.click();
    expect(pageSends).toBe(1);
    expect(views).toEqual([]);
    setup();
    last = analysis(true, true, false);
    userClick(button);
    expect(pageSends).toBe(1);
  });

  it('turned off, nothing is stopped even before an answer (Ctrl+Enter right after typing); turned on again, Send is checked', async () => {
    setup();
    heard = false;
    ctrlEnter(root.querySelector('.body')!);
    expect(pageSends).toBe(1);
    expect(views).toEqual([]);
    // Turned on again in the options while the compose is open: the worker's next answer says so.
    heard = true;
    checkAnswer = async () => analysis(true, true);
    userClick(button);
    expect(pageSends).toBe(1);
    await tick(5);
    expect(views.at(-1)).toMatchObject({ kind: 'ask' });
    expect(pageSends).toBe(1);
  });

  it('Enter or Space on the Send button is checked like its click (the keyup of a stopped Space too)', async () => {
    const key = (type: string, k: string) => trustedEvent(new KeyboardEvent(type, { key: k, bubbles: true, cancelable: true }));
    for (const k of ['Enter', ' ']) {
      const g = setup();
      last = analysis(true, true);
      const down = key('keydown', k);
      button.dispatchEvent(down);
      expect(down.defaultPrevented).toBe(true);
      const up = key('keyup', k);
      button.dispatchEvent(up);
      expect(up.defaultPrevented).toBe(k === ' ');
      expect(views.at(-1)).toMatchObject({ kind: 'ask' });
      g.answer('send');
      expect(pageSends).toBe(1);
      // Nothing to ask: the key goes on untouched.
      setup();
      last = analysis(true, false);
      const ok = key('keydown', k);
      button.dispatchEvent(ok);
      expect(ok.defaultPrevented).toBe(false);
    }
  });

  it('re-reads the recipients at Send: an address typed without confirming the autocomplete counts', async () => {
    setup();
    last = analysis(true, false); // judged for jean@gmail.com alone
    shown = [
      { field: 'to', address: 'Jean@gmail.com' },
      { field: 'cc', address: 'Paul.Durand@orange.fr', pending: true },
    ];
    checkAnswer = async () => analysis(true, true);
    userClick(button);
    expect(pageSends).toBe(0); // not fresh for these recipients: stopped, asked now
    await tick(5);
    expect(checked.map((c) => c.recipients)).toEqual([['jean@gmail.com', 'paul.durand@orange.fr']]);
    expect(views.at(-1)).toMatchObject({ kind: 'ask' });
  });

  it('a Send button beside the compose (not inside its root) is watched too; Enter and Space typed in the message look nothing up', () => {
    setup();
    const outside = document.createElement('button');
    outside.textContent = 'Envoyer';
    document.body.appendChild(outside);
    outside.addEventListener('click', (e) => {
      if (e.isTrusted) pageSends++;
    });
    let lookups = 0;
    const g = setup({
      handle: {
        root,
        readRecipients: () => shown,
        sendButton: () => (lookups++, outside),
        body: () => root.querySelector<HTMLElement>('.body'),
      } as unknown as ComposeHandle,
    });
    document.body.appendChild(outside);
    last = analysis(true, true);
    const body = root.querySelector<HTMLElement>('.body')!;
    for (const k of [' ', 'Enter']) body.dispatchEvent(trustedEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));
    expect(lookups).toBe(0);
    userClick(outside);
    expect(pageSends).toBe(0);
    expect(views.at(-1)).toMatchObject({ kind: 'ask' });
    g.destroy();
  });

  it('Ctrl+Enter in an iframe editor’s own document (TinyMCE): stopped and asked; "send anyway" presses Send once; once destroyed, left alone', async () => {
    const g = setup();
    // The editor's document, as a same-origin iframe's: the site's own shortcut listens there.
    const frameDoc = document.implementation.createHTMLDocument('editor');
    frameDoc.body.contentEditable = 'true';
    let shortcutSends = 0;
    frameDoc.body.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && e.ctrlKey) shortcutSends++;
    });
    g.watchFrame(frameDoc.body);
    g.watchFrame(frameDoc.body); // once per document
    last = analysis(true, true);
    // Plain Enter in the editor is text.
    frameDoc.body.dispatchEvent(trustedEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    expect(shortcutSends).toBe(0);
    expect(views).toEqual([]);
    ctrlEnter(frameDoc.body);
    expect(shortcutSends).toBe(0);
    expect(views.at(-1)).toMatchObject({ kind: 'ask' });
    g.answer('send');
    expect(pageSends).toBe(1);
    await tick();
    // A script's Ctrl+Enter is not the user's: left alone.
    frameDoc.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(shortcutSends).toBe(1);
    g.destroy();
    ctrlEnter(frameDoc.body);
    expect(shortcutSends).toBe(2);
    expect(pageSends).toBe(1);
  });

  it('stops listening once destroyed', () => {
    const g = setup();
    last = analysis(true, true);
    g.destroy();
    userClick(button);
    expect(pageSends).toBe(1);
  });
});

describe('readMessage', () => {
  it('lines from blocks and <br>, blank lines kept, links whose text hides the target', () => {
    const b = document.createElement('div');
    b.innerHTML = '<div>Bonjour,</div><div><br></div><div>Notre offre&nbsp;: <b>démo</b></div><div><a href="https://ex.fr/desinscription">Se désinscrire</a></div>';
    const m = readMessage(b);
    expect(m.text).toBe('Bonjour,\n\nNotre offre : démo\nSe désinscrire\n');
    expect(m.links).toEqual([{ href: 'https://ex.fr/desinscription', start: m.text.indexOf('Se'), end: m.text.indexOf('Se') + 'Se désinscrire'.length }]);
  });

  it('a textarea’s value as it is', () => {
    const t = document.createElement('textarea');
    t.value = 'a\n\nb';
    expect(readMessage(t)).toEqual({ text: 'a\n\nb', links: [] });
  });
});

