/**
 * Fakes for the content-script tests: a tiny site adapter over a made-up compose layout, and a fake
 * classifier that answers like the rules engine would for a handful of domains.
 */
import type { ComposeHandle, ComposeRecipient, SiteAdapter } from '../sites/types';
import type { RecipientResult, Reason } from '../rules/types';
import type { ClassifyResponse, IntroductionText, Request, Response, Send } from '../background/protocol';
import type { ConsentMethod, Consents, IntroSetup, UiLang } from '../storage/schema';
import { messageWording, recipientWording } from '../rules/wording';
import { OVERLAY_CATALOGUES } from '../ui/overlay/catalogues';
import { formatEntry, type I18nApi } from '../ui/overlay/i18n';

/** browser.i18n as a content script sees it, speaking `lang` (from the extension's own catalogue). */
export function fakeI18n(lang: UiLang = 'fr'): I18nApi {
  return {
    getMessage: (key, subs) => formatEntry(OVERLAY_CATALOGUES[lang][key], subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]),
    getUILanguage: () => (lang === 'fr' ? 'fr-FR' : 'en-US'),
  };
}

/**
 * Layout: <div class="compose"> <div class="to"> <span class="chip" data-email="…"> … <input class="to-input">
 * </div> <div class="slot"></div> <div class="body" contenteditable> </div>.
 * A compose with class "broken" has no recipient area: readRecipients() returns null.
 */
export function makeCompose(doc: Document, emails: string[] = [], opts: { broken?: boolean } = {}): HTMLElement {
  const root = doc.createElement('div');
  root.className = opts.broken ? 'compose broken' : 'compose';
  if (!opts.broken) {
    const to = doc.createElement('div');
    to.className = 'to';
    for (const e of emails) to.appendChild(makeChip(doc, e));
    const input = doc.createElement('input');
    input.className = 'to-input';
    to.appendChild(input);
    root.appendChild(to);
  }
  const slot = doc.createElement('div');
  slot.className = 'slot';
  root.appendChild(slot);
  const body = doc.createElement('div');
  body.className = 'body';
  body.setAttribute('contenteditable', 'true');
  body.textContent = 'Bonjour,';
  root.appendChild(body);
  doc.body.appendChild(root);
  return root;
}

export function makeChip(doc: Document, email: string): HTMLElement {
  const chip = doc.createElement('span');
  chip.className = 'chip';
  chip.setAttribute('data-email', email);
  chip.textContent = email;
  return chip;
}

export function addChip(root: HTMLElement, email: string): void {
  const to = root.querySelector('.to')!;
  to.insertBefore(makeChip(root.ownerDocument, email), to.querySelector('input'));
}

export function removeChip(root: HTMLElement, email: string): void {
  root.querySelector(`.chip[data-email="${email}"]`)?.remove();
}

export function handleFor(root: HTMLElement): ComposeHandle {
  return {
    root,
    kind: 'popup',
    readRecipients(): ComposeRecipient[] | null {
      const to = root.querySelector('.to');
      if (!to) return null;
      const out: ComposeRecipient[] = [...to.querySelectorAll('.chip')].map((c) => ({ field: 'to', address: c.getAttribute('data-email') ?? '' }));
      const typed = (to.querySelector('input') as HTMLInputElement | null)?.value.trim() ?? '';
      if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(typed)) out.push({ field: 'to', address: typed, pending: true });
      return out;
    },
    readSubject: () => null,
    body: () => root.querySelector<HTMLElement>('.body'),
    signature: () => null,
    sendButton: () => null,
    overlaySlot: () => {
      const slot = root.querySelector<HTMLElement>('.slot');
      return slot ? { parent: slot, before: null } : null;
    },
    observeTargets: () => [root.querySelector('.to') ?? root],
  };
}

export function fakeAdapter(overrides: Partial<SiteAdapter> = {}): SiteAdapter {
  return {
    id: 'fake',
    selectors: {},
    composeHint: '.compose',
    findComposes: (doc) => [...doc.querySelectorAll<HTMLElement>('.compose')].map(handleFor),
    ...overrides,
  };
}

const r = (id: string, fr: string, en: string, ref?: string): Reason => ({
  id,
  fr: ref ? `${fr} (source : ${ref})` : fr,
  en: ref ? `${en} (source: ${ref})` : en,
  ...(ref ? { source: { ref, confidence: 'P' as const } } : {}),
});

const CONSUMER = new Set(['gmail.com', 'orange.fr', 'wanadoo.fr', 'laposte.net', 'free.fr']);

/** A stand-in for the rules engine: enough domains to drive every verdict. */
export function fakeClassify(input: string, overrides: Record<string, 'business' | 'private'> = {}, own: string[] = ['moi.fr']): RecipientResult {
  const email = input.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at < 1) {
    return { input, email: null, domain: null, audience: 'invalid', regime: null, jurisdiction: 'FR', flags: [], reasons: [r('invalid', 'Adresse invalide', 'Invalid address')] };
  }
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const base = { input, email, domain, jurisdiction: 'FR' as const };
  const ov = overrides[email] ?? overrides[domain];
  if (ov === 'business') return { ...base, audience: 'professional', regime: 'opt-out', flags: ['override'], reasons: [r('b2b', 'Adresse professionnelle', 'Business address', 'CNIL doctrine B2B')] };
  if (ov === 'private') return { ...base, audience: 'private', regime: 'opt-in', flags: ['override'], reasons: [r('b2c', 'Particulier', 'Private individual', 'CPCE art. L34-5')] };
  if (own.includes(domain)) return { ...base, audience: 'internal', regime: 'internal', flags: [], reasons: [r('internal', 'Vos domaines', 'Your domains')] };
  if (CONSUMER.has(domain))
    return { ...base, audience: 'private', regime: 'opt-in', flags: ['free-mail'], reasons: [r('free-mail', 'Messagerie grand public : particulier', 'Consumer mailbox: private individual', 'CPCE art. L34-5')] };
  if (domain.endsWith('.renov')) return { ...base, audience: 'private', regime: 'banned', flags: [], reasons: [r('ban', 'Démarchage interdit', 'Canvassing banned', 'C. conso L223-1 al. 5')] };
  if (domain.endsWith('.unknown')) return { ...base, audience: 'unknown', regime: 'opt-in', flags: [], reasons: [r('unknown', 'Domaine inconnu', 'Unknown domain')] };
  if (['contact', 'info'].includes(local)) return { ...base, audience: 'organization', regime: 'opt-out', flags: ['role'], reasons: [r('role', 'Adresse générique', 'Generic address', 'CNIL doctrine')] };
  return { ...base, audience: 'professional', regime: 'opt-out', flags: [], reasons: [r('b2b', 'Adresse professionnelle', 'Business address', 'CNIL doctrine B2B')] };
}

/** What the fake worker's settings say about the introduction (complete by default). */
export const COMPLETE_INTRO: IntroductionText = {
  complete: true,
  intro: 'Je suis Camille Martin, d’Exemple SAS : nous aidons les PME. Vos coordonnées professionnelles proviennent du site de votre entreprise. Nous pourrons vous adresser nos offres, sauf si vous vous y opposez.',
  unsubscribe: 'Pour ne plus recevoir de messages, répondez STOP.',
  filled: { activity: true, 'contact-source': true, 'future-offers': true, unsubscribe: true },
};

export function incompleteIntro(setup: IntroSetup = { activity: '', contactSource: '', unsubscribe: '' }): IntroductionText {
  return {
    complete: false,
    filled: { activity: !!setup.activity, 'contact-source': !!setup.contactSource, 'future-offers': true, unsubscribe: true },
    setup,
  };
}

export interface FakeWorker {
  send: Send;
  calls: Request[];
  consents: Consents;
  overrides: Record<string, 'business' | 'private'>;
  introduction: IntroductionText;
  /** When set, the worker never answers (the client should time out). */
  silent: boolean;
  /** When set, the worker answers with an error. */
  failing: boolean;
  /** When set, the site is a built-in one the user switched off (hello says `off`). */
  off?: boolean;
}

export function fakeWorker(): FakeWorker {
  const answer = async (msg: Request): Promise<Response> => {
      w.calls.push(msg);
      if (w.silent) return new Promise(() => {});
      if (w.failing) return { ok: false, error: 'boom' };
      if (msg.type === 'hello') {
        if (w.off) return { ok: true, lang: 'fr', version: '0.0.0', off: true };
        return msg.has !== undefined && msg.has !== 'fr'
          ? { ok: true, lang: 'fr', version: '0.0.0', messages: OVERLAY_CATALOGUES.fr }
          : { ok: true, lang: 'fr', version: '0.0.0' };
      }
      if (msg.type === 'recordConsent') {
        const record = { address: msg.address.toLowerCase(), date: '2026-11-28', method: msg.method as ConsentMethod, ...(msg.note ? { note: msg.note } : {}) };
        w.consents[record.address] = record;
        return { ok: true, record };
      }
      if (msg.type === 'setOverride') {
        w.overrides[msg.key.toLowerCase()] = msg.kind;
        return { ok: true };
      }
      if (msg.type === 'saveIntro') {
        w.introduction = msg.intro.activity && msg.intro.contactSource ? COMPLETE_INTRO : incompleteIntro(msg.intro);
        return { ok: true };
      }
      if (msg.type === 'classify') {
        const consentOf = (r: RecipientResult) => (r.email ? (w.consents[r.email] ?? null) : null);
        const results = msg.recipients.map((a) => fakeClassify(a, w.overrides));
        const consents: Consents = {};
        for (const res of results) if (res.email && w.consents[res.email]) consents[res.email] = w.consents[res.email];
        // The real wording policy, on the stand-in results.
        const answer: ClassifyResponse = { ok: true, lang: 'fr', results, wordings: results.map((r) => recipientWording(r, 'fr', consentOf(r))), consents };
        if (msg.message) {
          const wording = messageWording(
            msg.message.map((a) => fakeClassify(a, w.overrides)).map((result) => ({ result, consent: consentOf(result) })),
            'fr',
          );
          answer.message = { wording, introduction: wording.introduction ? w.introduction : null };
        }
        return answer;
      }
      return { ok: true };
  };
  const w: FakeWorker = {
    calls: [],
    consents: {},
    overrides: {},
    introduction: COMPLETE_INTRO,
    silent: false,
    failing: false,
    send: ((msg: Request) => answer(msg)) as Send,
  };
  return w;
}

/**
 * Real user input as the browser marks it. happy-dom has no `isTrusted`; the overlay acts only on trusted events,
 * so tests of the user's clicks mark theirs, and a plain `.click()` / `dispatchEvent` stands for a page script.
 */
export function trustedEvent<E extends Event>(ev: E): E {
  Object.defineProperty(ev, 'isTrusted', { value: true });
  return ev;
}

export function userClick(el: Element | null | undefined): void {
  if (!el) throw new Error('userClick: no element');
  el.dispatchEvent(trustedEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
}

/** Types a whole value into a field (one trusted input event). */
export function userType(el: Element | null | undefined, value: string): void {
  if (!el) throw new Error('userType: no element');
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(trustedEvent(new Event('input', { bubbles: true, composed: true })));
}

export function userSelect(el: Element | null | undefined, value: string): void {
  if (!el) throw new Error('userSelect: no element');
  (el as HTMLSelectElement).value = value;
  el.dispatchEvent(trustedEvent(new Event('change', { bubbles: true, composed: true })));
}

/** Checks a radio button or a checkbox, as a click would (one trusted change event). */
export function userCheck(el: Element | null | undefined): void {
  if (!el) throw new Error('userCheck: no element');
  (el as HTMLInputElement).checked = true;
  el.dispatchEvent(trustedEvent(new Event('change', { bubbles: true, composed: true })));
}

export function userSubmit(form: Element | null | undefined): void {
  if (!form) throw new Error('userSubmit: no form');
  form.dispatchEvent(trustedEvent(new Event('submit', { bubbles: true, cancelable: true })));
}

export function userKey(el: Element | null | undefined, key: string): void {
  if (!el) throw new Error('userKey: no element');
  el.dispatchEvent(trustedEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true })));
}

export const tick = (ms = 0) => new Promise((res) => setTimeout(res, ms));
