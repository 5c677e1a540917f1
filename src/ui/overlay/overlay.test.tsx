// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createOverlay, removeStaleHosts, type OverlayController } from './mount';
import { OVERLAY_CSS } from './styles';
import { createT } from './i18n';
import { OVERLAY_CATALOGUES } from './catalogues';
import type { OverlayModel, InsertOutcome } from './model';
import { buildRecipientViews } from '../../content/session';
import { strictest } from '../../rules/verdict';
import { incompleteIntro, tick, userCheck, userClick, userKey, userSelect, userSubmit, userType } from '../../content/test-support';
import { defaultSettings, type Consents, type IntroSetup, type UiLang } from '../../storage/schema';
import { introductionFor } from '../../background/intro';
import type { Introduction } from './model';
import type { ComposeRecipient } from '../../sites/types';
import { classifyMany } from '../../rules/index';
import { messageWording, recipientWording } from '../../rules/wording';
import type { Topic } from '../../rules/types';
import { normalizeKey } from '../../content/client';
import { JURISDICTIONS, jurisdictionInfo } from '../../rules/jurisdictions';
import { RULES } from '../../rules/regime';
import { sourceText } from '../../rules/citation';
import { englishIn, frenchIn } from '../../rules/language-test-support';
import type { Jurisdiction } from '../../rules/types';

/** A salesperson's filled-in settings: the introductions the worker would offer. */
const SETTINGS = {
  ...defaultSettings(),
  intro: { senderName: 'Camille Martin', company: 'Exemple SAS', activity: 'nous aidons les PME', contactSource: 'le site de votre entreprise', unsubscribe: '' },
};
const INTRO = introductionFor(SETTINGS, 'fr', 'business') as Extract<Introduction, { complete: true }>;

/**
 * A ready model as the content script builds it, from the real rules engine and its wording policy: what the overlay
 * shows is what the rules say.
 */
function model(
  addresses: string[],
  opts: { consents?: Consents; lang?: UiLang; overrides?: Record<string, 'business' | 'private'>; topic?: Topic; introduction?: Introduction } = {},
): OverlayModel {
  const lang = opts.lang ?? 'fr';
  const recipients: ComposeRecipient[] = addresses.map((address) => ({ field: 'to', address }));
  const results = classifyMany(addresses, { ownDomains: ['moi.fr'], overrides: opts.overrides ?? {}, ...(opts.topic ? { topic: opts.topic } : {}) });
  const consentOf = (email: string | null) => (email && opts.consents?.[email]) || null;
  const entries = new Map(
    results.map((result, i) => [normalizeKey(addresses[i]), { result, consent: consentOf(result.email), wording: recipientWording(result, lang, consentOf(result.email)) }] as const),
  );
  const wording = messageWording(results.map((result) => ({ result, consent: consentOf(result.email) })), lang);
  const introduction = wording.introduction ? (opts.introduction ?? introductionFor(SETTINGS, lang, wording.introduction)) : null;
  const views = buildRecipientViews(recipients, { entries, message: { wording, introduction }, lang });
  return {
    state: 'ready',
    verdict: strictest(views.map((v) => v.verdict)),
    count: addresses.length,
    recipients: views,
    wording,
    introduction,
    lang,
  };
}

let overlay: OverlayController;
let actions: {
  recordConsent: Mock<(address: string, method: string, note?: string) => Promise<unknown>>;
  setOverride: Mock<(key: string, kind: 'business' | 'private') => Promise<unknown>>;
  saveIntro: Mock<(setup: IntroSetup) => Promise<unknown>>;
  insert: Mock<(intro: unknown) => Promise<InsertOutcome>>;
  openOptions: Mock<() => void>;
};

function mount(m: OverlayModel) {
  overlay = createOverlay({ doc: document, translator: (l) => createT(l, null, OVERLAY_CATALOGUES), actions });
  document.body.appendChild(overlay.host);
  overlay.update(m);
  return overlay;
}
const shadow = () => overlay.host.shadowRoot!;
const text = () => shadow().textContent ?? '';
const details = () => shadow().querySelector<HTMLElement>('#pg-details')!;
const visibleText = () => [...shadow().querySelectorAll('.bar')].map((b) => b.textContent).join(' ');
const button = (action: string, address?: string) =>
  shadow().querySelector<HTMLButtonElement>(
    address ? `[data-address="${address}"] button[data-action="${action}"]` : `button[data-action="${action}"]`,
  );

beforeEach(() => {
  document.body.innerHTML = '';
  actions = {
    recordConsent: vi.fn(async () => undefined),
    setOverride: vi.fn(async () => undefined),
    saveIntro: vi.fn(async () => undefined),
    insert: vi.fn(async (): Promise<InsertOutcome> => ({ ok: true })),
    openOptions: vi.fn(),
  };
});
afterEach(() => overlay?.destroy());

describe('overlay per verdict', () => {
  it('opt-in: one line (verdict, main action); the reasons, the recipient and the actions one click away', async () => {
    mount(model(['jean.dupont@gmail.com']));
    const host = overlay.host;
    expect(host.getAttribute('data-verdict')).toBe('opt-in');
    expect(host.getAttribute('data-recipients')).toBe('1');
    expect(host.hidden).toBe(false);
    // The headline is the rules' wording: audience, verdict and the rule's source.
    expect(shadow().querySelector('[data-testid="headline"]')!.textContent).toBe('Particulier — consentement requis (CPCE art. L34-5)');
    expect(details().hidden).toBe(true);
    expect(button('consent-main')!.textContent).toBe('J’ai son consentement');
    userClick(button('toggle'));
    await tick();
    expect(details().hidden).toBe(false);
    expect(text()).toContain('« Si je n’ai pas dit oui, c’est non »');
    expect(text()).toContain('jean.dupont@gmail.com');
    expect(text()).toContain('CPCE art. L34-5');
    // gmail.com is a consumer provider: no "whole domain is a business" action.
    expect(button('business-domain', 'jean.dupont@gmail.com')).toBeNull();
    expect(shadow().querySelector('[data-testid="suggestion"]')).toBeNull();

    userClick(button('business', 'jean.dupont@gmail.com'));
    await tick();
    expect(actions.setOverride).toHaveBeenCalledWith('jean.dupont@gmail.com', 'business');
    userClick(button('private', 'jean.dupont@gmail.com'));
    await tick();
    expect(actions.setOverride).toHaveBeenCalledWith('jean.dupont@gmail.com', 'private');
  });

  it('"I have their consent" asks how it was obtained (required) and an optional proof, then records it', async () => {
    mount(model(['jean.dupont@gmail.com']));
    userClick(button('consent-main'));
    await tick();
    expect(details().hidden).toBe(false);
    const form = shadow().querySelector('[data-testid="consent-form"]')!;
    expect(form.textContent).toContain('Comment avez-vous obtenu le consentement de jean.dupont@gmail.com ?');
    const save = button('consent-save')!;
    expect(save.disabled).toBe(true);
    userSubmit(form);
    await tick();
    expect(actions.recordConsent).not.toHaveBeenCalled();
    userSelect(form.querySelector('select[name="method"]'), 'written');
    await tick();
    expect(button('consent-save')!.disabled).toBe(false);
    (form.querySelector('input[name="note"]') as HTMLInputElement).value = ' e-mail du 3 mars ';
    userSubmit(form);
    await tick(5);
    expect(actions.recordConsent).toHaveBeenCalledWith('jean.dupont@gmail.com', 'written', 'e-mail du 3 mars');
    expect(shadow().querySelector('[data-testid="consent-form"]')).toBeNull();
    // Cancel closes it without recording.
    userClick(button('consent', 'jean.dupont@gmail.com'));
    await tick();
    userClick(button('consent-cancel'));
    await tick();
    expect(shadow().querySelector('[data-testid="consent-form"]')).toBeNull();
    expect(actions.recordConsent).toHaveBeenCalledTimes(1);
  });

  it('opt-in leads even with a corporate recipient, and lists both', () => {
    mount(model(['paul@acme-industrie.fr', 'marie@orange.fr']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('opt-in');
    const listed = [...shadow().querySelectorAll('[data-address]')].map((e) => e.getAttribute('data-address'));
    expect(listed).toEqual(['marie@orange.fr', 'paul@acme-industrie.fr']);
  });

  it('opt-out: Insert is the main action; the preview and a checklist of what is really filled are in the details', async () => {
    mount(model(['paul@acme-industrie.fr']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('opt-out');
    expect(shadow().querySelector('[data-testid="headline"]')!.textContent).toBe('Entreprise française — prospection permise — droit d’opposition (doctrine B2B de la CNIL)');
    expect(text()).toContain('entreprise française — prospection permise — droit d’opposition');
    expect(details().hidden).toBe(true);
    expect(shadow().querySelector('[data-testid="intro"]')!.textContent).toBe(INTRO.intro);
    expect(shadow().querySelector('[data-testid="unsubscribe"]')!.textContent).toBe(INTRO.unsubscribe);
    for (const el of ['activity', 'contact-source', 'future-offers', 'unsubscribe'])
      expect(shadow().querySelector(`[data-element="${el}"]`)!.className).toBe('yes');
    userClick(button('insert'));
    await tick(5);
    expect(actions.insert).toHaveBeenCalledWith(INTRO);
    expect(shadow().querySelector('[data-testid="insert-feedback"]')!.textContent).toBe('Insérée — Ctrl+Z pour annuler');
  });

  it('opt-out, fresh install: ✗ for what is missing; Insert opens the inline setup and inserts nothing', async () => {
    mount(model(['paul@acme-industrie.fr'], { introduction: incompleteIntro() }));
    expect(shadow().querySelector('[data-testid="intro"]')).toBeNull();
    expect(shadow().querySelector('[data-element="activity"]')!.className).toBe('no');
    expect(shadow().querySelector('[data-element="contact-source"]')!.className).toBe('no');
    expect(shadow().querySelector('[data-element="unsubscribe"]')!.className).toBe('yes');
    userClick(button('insert'));
    await tick();
    expect(actions.insert).not.toHaveBeenCalled();
    expect(details().hidden).toBe(false);
    const setup = shadow().querySelector('[data-testid="setup"]')!;
    expect(setup).not.toBeNull();
    // Unsubscribe defaults to "reply STOP".
    expect((setup.querySelector('input[value="stop"]') as HTMLInputElement).checked).toBe(true);
    userSubmit(setup);
    await tick();
    expect(setup.querySelector('[role="alert"]')!.textContent).toBe('Indiquez votre activité et la source du contact.');
    userType(setup.querySelector('input[name="activity"]'), '  nous éditons un logiciel de paie ');
    userType(setup.querySelector('input[name="contactSource"]'), 'le salon Solutions RH');
    await tick();
    userSubmit(setup);
    await tick(5);
    expect(actions.saveIntro).toHaveBeenCalledWith({ activity: 'nous éditons un logiciel de paie', contactSource: 'le salon Solutions RH', unsubscribe: '' });
    expect(actions.insert).not.toHaveBeenCalled();
    // The worker's answer (a complete introduction) brings the preview and Insert.
    overlay.update(model(['paul@acme-industrie.fr']));
    await tick();
    expect(shadow().querySelector('[data-testid="setup"]')).toBeNull();
    expect(shadow().querySelector('[data-testid="intro"]')!.textContent).toBe(INTRO.intro);
  });

  it('inline setup: an unsubscribe link must be one; what the user had typed is kept', async () => {
    mount(model(['paul@acme-industrie.fr'], { introduction: incompleteIntro({ activity: 'Conseil RH', contactSource: '', unsubscribe: '' }) }));
    expect(shadow().querySelector('[data-element="activity"]')!.className).toBe('yes');
    userClick(button('insert'));
    await tick();
    const setup = shadow().querySelector('[data-testid="setup"]')!;
    expect((setup.querySelector('input[name="activity"]') as HTMLInputElement).value).toBe('Conseil RH');
    userType(setup.querySelector('input[name="contactSource"]'), 'LinkedIn');
    userCheck(setup.querySelector('input[value="link"]'));
    await tick();
    userType(setup.querySelector('input[name="unsubscribe"]'), 'pas un lien');
    await tick();
    userSubmit(setup);
    await tick();
    expect(setup.querySelector('[role="alert"]')!.textContent).toContain('Lien ou adresse non reconnu');
    expect(actions.saveIntro).not.toHaveBeenCalled();
    userType(setup.querySelector('input[name="unsubscribe"]'), 'https://exemple.fr/stop');
    await tick();
    userSubmit(setup);
    await tick(5);
    expect(actions.saveIntro).toHaveBeenCalledWith({ activity: 'Conseil RH', contactSource: 'LinkedIn', unsubscribe: 'https://exemple.fr/stop' });
  });

  it('opt-out: a failed insertion shows its reason', async () => {
    actions.insert.mockResolvedValueOnce({ ok: false, reason: 'no-body' });
    mount(model(['paul@acme-industrie.fr']));
    userClick(button('insert'));
    await tick(5);
    expect(shadow().querySelector('[data-testid="insert-feedback"]')!.textContent).toBe('Insertion impossible : le corps du message est introuvable');
  });

  it('organization: the suggestion plus the note on generic addresses', () => {
    mount(model(['contact@acme-industrie.fr']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('organization');
    expect(text()).toContain('adresse générique d’une entreprise française');
    expect(text()).toContain('« dans tous les cas »');
    expect(shadow().querySelector('[data-testid="suggestion"]')).not.toBeNull();
  });

  it('internal only: nothing visible, data-verdict=internal', () => {
    mount(model(['collegue@moi.fr']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('internal');
    expect(overlay.host.hidden).toBe(true);
    expect(overlay.host.style.getPropertyValue('display')).toBe('none');
  });

  it('none: nothing visible, data-verdict=none', () => {
    mount(model([]));
    expect(overlay.host.getAttribute('data-verdict')).toBe('none');
    expect(overlay.host.getAttribute('data-recipients')).toBe('0');
    expect(overlay.host.hidden).toBe(true);
  });

  it('unknown: "cannot tell" with the mark-as actions, including the whole domain', async () => {
    mount(model(['x@bizarre.unknown']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('unknown');
    expect(text()).toContain('destinataire indéterminé — consentement requis par prudence');
    userClick(button('business-domain', 'x@bizarre.unknown'));
    await tick();
    expect(actions.setOverride).toHaveBeenCalledWith('bizarre.unknown', 'business');
    expect(button('consent', 'x@bizarre.unknown')).not.toBeNull();
    expect(button('private', 'x@bizarre.unknown')).not.toBeNull();
  });

  it('banned: the ban, no suggestion', () => {
    mount(model(['jean@gmail.com', 'b@acme-industrie.fr'], { topic: 'energy-renovation' }));
    expect(overlay.host.getAttribute('data-verdict')).toBe('banned');
    expect(shadow().querySelector('[data-testid="headline"]')!.textContent).toBe('Particulier — prospection interdite (C. conso L223-1 al. 5)');
    expect(shadow().querySelector('[data-testid="suggestion"]')).toBeNull();
    expect(button('insert')).toBeNull();
  });

  it('consent recorded: satisfied, shows the date and the suggestion', () => {
    mount(model(['jean@gmail.com'], { consents: { 'jean@gmail.com': { address: 'jean@gmail.com', date: '2026-11-20', method: 'form' } } }));
    expect(overlay.host.getAttribute('data-verdict')).toBe('consent');
    expect(text()).toContain('Consentement enregistré le 2026-11-20');
    expect(shadow().querySelector('[data-testid="suggestion"]')).not.toBeNull();
  });

  it('unreadable: a quiet one-line state, never silence', () => {
    mount({ state: 'unreadable', verdict: 'unknown', count: 0, recipients: [], wording: null, introduction: null, lang: 'fr' });
    expect(overlay.host.getAttribute('data-verdict')).toBe('unreadable');
    expect(overlay.host.hidden).toBe(false);
    expect(shadow().querySelector('[data-testid="headline"]')!.textContent).toBe('Prospect Guard ne peut pas lire les destinataires ici');
    // Collapsed by default: the explanation is one click away.
    expect(details().hidden).toBe(true);
  });

  it('unavailable: says it cannot check (data-verdict=unknown, data-state=unavailable)', () => {
    mount({ state: 'unavailable', verdict: 'unknown', count: 2, recipients: [], wording: null, introduction: null, lang: 'fr' });
    expect(overlay.host.getAttribute('data-verdict')).toBe('unknown');
    expect(overlay.host.getAttribute('data-state')).toBe('unavailable');
    expect(text()).toContain('Vérification impossible');
  });

  it('English when the model says so, reasons in English', () => {
    mount(model(['jean@gmail.com'], { lang: 'en' }));
    expect(shadow().querySelector('[data-testid="headline"]')!.textContent).toBe('Private individual — consent required (CPCE art. L34-5)');
    expect(text()).toContain('French rules applied');
    expect(text()).not.toContain('Règles françaises');
  });

  it('a complete introduction offers to edit it in the options', async () => {
    mount(model(['paul@acme-industrie.fr']));
    userClick(button('options'));
    expect(actions.openOptions).toHaveBeenCalled();
  });
});

describe('the page cannot drive the overlay', () => {
  it('scripted clicks, key presses and submits (not isTrusted) record nothing and change nothing', async () => {
    mount(model(['jean.dupont@gmail.com', 'x@bizarre.unknown', 'paul@acme-industrie.fr']));
    // Open everything the user could open, then let a "page script" try every control.
    userClick(button('toggle'));
    await tick();
    userClick(button('consent', 'jean.dupont@gmail.com'));
    await tick();
    userSelect(shadow().querySelector('select[name="method"]'), 'form');
    await tick();
    const all = [...shadow().querySelectorAll<HTMLButtonElement>('button')];
    expect(all.length).toBeGreaterThan(5);
    for (const b of all) {
      b.click();
      b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }
    for (const f of shadow().querySelectorAll('form')) {
      f.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    }
    shadow().querySelector('section')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await tick(5);
    expect(actions.recordConsent).not.toHaveBeenCalled();
    expect(actions.setOverride).not.toHaveBeenCalled();
    expect(actions.insert).not.toHaveBeenCalled();
    expect(actions.openOptions).not.toHaveBeenCalled();
    expect(overlay.dismissed).toBe(false);
    expect(details().hidden).toBe(false);
    // The same form, submitted by the user, records.
    userSubmit(shadow().querySelector('[data-testid="consent-form"]'));
    await tick(5);
    expect(actions.recordConsent).toHaveBeenCalledWith('jean.dupont@gmail.com', 'form', undefined);
  });

  it('a scripted Insert neither inserts nor opens the setup', async () => {
    mount(model(['paul@acme-industrie.fr'], { introduction: incompleteIntro() }));
    button('insert')!.click();
    await tick();
    expect(shadow().querySelector('[data-testid="setup"]')).toBeNull();
    overlay.update(model(['paul@acme-industrie.fr']));
    button('insert')!.click();
    await tick(5);
    expect(actions.insert).not.toHaveBeenCalled();
  });
});

describe('overlay safety and accessibility', () => {
  it('renders page data as text only', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const m = model(['paul@acme-industrie.fr']);
    m.recipients[0].name = evil;
    m.introduction = { ...INTRO, intro: `<b>${evil}</b>` };
    mount(m);
    expect(shadow().querySelector('img')).toBeNull();
    expect(shadow().querySelector('b')).toBeNull();
    expect(text()).toContain(evil);
  });

  it('styles live in the shadow root; the host resets inherited styles', () => {
    mount(model(['jean@gmail.com']));
    expect(shadow().querySelector('style')!.textContent).toContain(':host');
    expect(overlay.host.getAttribute('style')).toContain('all: initial');
    expect(document.head.querySelector('style')).toBeNull();
  });

  it('has a labelled region, a polite status, buttons only, and a toggle with aria-expanded', async () => {
    mount(model(['jean@gmail.com']));
    const region = shadow().querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('Prospect Guard — vérification des destinataires');
    const status = shadow().querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    const toggle = button('toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    userClick(toggle);
    await tick();
    expect(button('toggle')!.getAttribute('aria-expanded')).toBe('true');
    expect(details().hidden).toBe(false);
    userClick(button('consent-main'));
    await tick();
    for (const b of shadow().querySelectorAll('button')) {
      // Submit buttons only inside our own forms (whose submit never navigates).
      expect(b.getAttribute('type') === 'button' || (b.getAttribute('type') === 'submit' && !!b.closest('form'))).toBe(true);
      expect((b.getAttribute('aria-label') ?? b.textContent ?? '').length).toBeGreaterThan(0);
    }
  });

  it('buttons of the same kind look the same: one main action, the recipient actions all alike', async () => {
    mount(model(['x@bizarre.unknown', 'paul@acme-industrie.fr']));
    userClick(button('toggle'));
    await tick();
    const kinds = new Map<string, Set<string>>();
    for (const b of shadow().querySelectorAll<HTMLButtonElement>('.recipient button')) {
      const set = kinds.get('recipient') ?? new Set();
      set.add(b.className);
      kinds.set('recipient', set);
    }
    expect([...kinds.get('recipient')!]).toEqual(['secondary']);
    expect(shadow().querySelectorAll('.bar button.primary').length).toBeLessThanOrEqual(1);
  });

  it('Esc hides it and stops the key from reaching the webmail; updates still land on the host', () => {
    mount(model(['jean@gmail.com']));
    const seen = vi.fn();
    document.addEventListener('keydown', seen);
    userKey(button('toggle'), 'Escape');
    document.removeEventListener('keydown', seen);
    expect(seen).not.toHaveBeenCalled();
    expect(overlay.dismissed).toBe(true);
    expect(overlay.host.hidden).toBe(true);
    overlay.update(model(['paul@acme-industrie.fr']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('opt-out');
    expect(overlay.host.hidden).toBe(true);
  });
});

describe('production shape (no test hooks)', () => {
  it('gives the page a closed shadow root and no attribute to read', () => {
    const prod = createOverlay({ doc: document, translator: (l) => createT(l, null, OVERLAY_CATALOGUES), actions, testHooks: false });
    try {
      document.body.appendChild(prod.host);
      prod.update(model(['jean.dupont@gmail.com']));
      expect(prod.host.shadowRoot).toBeNull();
      const names = prod.host.getAttributeNames();
      expect(names.filter((n) => n.startsWith('data-'))).toEqual([]);
      expect(names.filter((n) => n !== 'style' && n !== 'hidden')).toEqual([]);
      expect(document.body.textContent).not.toContain('gmail.com');
    } finally {
      prod.destroy();
    }
  });

  it('test builds mark the host and open the shadow root', () => {
    mount(model(['jean.dupont@gmail.com']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('opt-in');
    expect(overlay.host.shadowRoot).not.toBeNull();
  });
});

describe('after an update or a reload', () => {
  it('removes the overlays an unloaded earlier instance left, recognised through their shadow root; nothing else', () => {
    // An old instance's host: the page's DOM keeps it, our WeakSet does not know it (a new instance has a new one).
    const old = document.createElement('div');
    old.setAttribute('style', 'all: initial; display: block; position: relative; z-index: 1;');
    const oldRoot = old.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    oldRoot.appendChild(style);
    // A page element that looks alike but is not ours, and our own current overlay.
    const lookalike = document.createElement('div');
    lookalike.setAttribute('style', 'all: initial');
    lookalike.attachShadow({ mode: 'open' }).appendChild(document.createElement('style'));
    const plain = document.createElement('div');
    plain.setAttribute('style', 'color: red');
    document.body.append(old, lookalike, plain);
    mount(model(['jean@gmail.com']));
    expect(removeStaleHosts(document, (el) => el.shadowRoot)).toBe(1);
    expect(old.isConnected).toBe(false);
    expect(lookalike.isConnected && plain.isConnected && overlay.host.isConnected).toBe(true);
  });
});

describe('what the overlay says is what the rules say', () => {
  /** A domain under each jurisdiction's first ccTLD (Sweden for the EU baseline, co.uk for the UK). */
  const domainOf = (j: Jurisdiction) => `exemple-firma.${j === 'EU' ? 'se' : j === 'GB' ? 'co.uk' : jurisdictionInfo(j).ccTLDs[0]}`;

  it.each(['fr', 'en'] as const)('every jurisdiction × audience (and a recorded consent): headline, label, reason and the rule’s source, in %s', async (lang) => {
    let checked = 0;
    for (const j of JURISDICTIONS) {
      const d = domainOf(j);
      const cases: Array<[string, Parameters<typeof model>[1]]> = [
        [`jean.dupont@${d}`, { overrides: { [d]: 'private' } }],
        [`jean.dupont@${d}`, { overrides: { [d]: 'private' }, consents: { [`jean.dupont@${d}`]: { address: `jean.dupont@${d}`, date: '2026-03-12', method: 'form' } } }],
        [`jean.dupont@${d}`, {}],
        [`contact@${d}`, {}],
      ];
      for (const [address, opts] of cases) {
        const m = model([address], { ...opts, lang });
        mount(m);
        const r = m.recipients[0];
        const w = r.wording;
        const ctx = `${j} ${address} ${JSON.stringify(opts)}`;
        // The headline is the message wording's, which for one recipient is that recipient's title.
        expect(shadow().querySelector('[data-testid="headline"]')!.textContent, ctx).toBe(m.wording!.headline);
        expect(m.wording!.headline.toLowerCase(), ctx).toBe(w.title.toLowerCase());
        const row = shadow().querySelector(`[data-address="${r.address}"]`)!;
        expect(row.querySelector('.label')!.textContent, ctx).toContain(`${w.audienceLabel} — ${w.verdictLabel}`);
        const reason = row.querySelector('[data-reason="rule"]')!.textContent!;
        expect(reason, ctx).toContain(w.reason);
        // The rule's own source, cited as the rules cite it, in the overlay's language.
        const rule = RULES.find((x) => x.id === r.result.ruleId)!;
        expect(reason, ctx).toContain(sourceText(rule.source, lang));
        const cited = reason.replace(w.reason, '');
        expect(lang === 'fr' ? englishIn(cited) : frenchIn(cited), ctx).toEqual([]);
        if (j !== 'FR' && r.verdict !== 'internal') expect(`${m.wording!.headline} ${reason}`, ctx).not.toMatch(/CPCE|CNIL|L34-5/);
        if (r.verdict === 'consent') expect(shadow().textContent, ctx).not.toMatch(/coordonnées professionnelles|business contact details/);
        overlay.destroy();
        checked++;
      }
    }
    expect(checked).toBe(JURISDICTIONS.length * 4);
  });

  it.each(['fr', 'en'] as const)('every source line is in the overlay’s language (%s): the rule’s, the notes’, a reason’s own', async (lang) => {
    // A sole trader at a webmail address: the note cites CPCE L34-5 with its reading, not confirmed.
    const m = model(['jean.dupont@gmail.com', 'paul.martin@acme-industrie.fr'], { lang });
    // A reason whose text does not cite its source: the overlay adds the source line itself.
    const gmail = m.recipients[0]!;
    const soleTrader = gmail.result.reasons.find((x) => x.id === 'sole-trader-webmail')!;
    gmail.result = { ...gmail.result, reasons: [{ ...soleTrader, id: 'bare', fr: 'Texte sans citation.', en: 'Text without a citation.' }, ...gmail.result.reasons] };
    mount(m);
    userClick(button('toggle'));
    await tick();
    const own = shadow().querySelector('[data-reason="bare"] .source')!.textContent!;
    expect(own).toBe(
      lang === 'fr'
        ? ' (Source : CPCE art. L34-5 (la CNIL ne s’est pas prononcée sur les entrepreneurs individuels à une adresse de messagerie grand public) — non confirmé)'
        : ' (Source: CPCE art. L34-5 (no CNIL position on sole traders at a consumer webmail address) — not confirmed)',
    );
    const lines = [...shadow().querySelectorAll('.source, .note-line')].map((e) => e.textContent!);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    // The citations (a note's text is the rules' own wording: only its citation is checked).
    const cited = lines.map((l) => (l.includes('(source') ? l.slice(l.lastIndexOf('(source')) : l));
    for (const c of cited) {
      expect(lang === 'fr' ? englishIn(c) : frenchIn(c), c).toEqual([]);
      expect(c).not.toMatch(lang === 'fr' ? /any natural person|no CNIL position/ : /toute personne physique|ne s’est pas prononcée|doctrine B2B de la CNIL/);
    }
    expect(text()).toContain(lang === 'fr' ? 'doctrine B2B de la CNIL — sources secondaires' : 'CNIL B2B doctrine — secondary sources');
    overlay.destroy();
  });

  it('the issue’s cases: a German company, a Belgian ISP mailbox', () => {
    const said = () =>
      [...shadow().querySelectorAll('[data-testid="headline"], .body, .recipient .label, .reasons')].map((e) => e.textContent).join(' ');
    mount(model(['e.weber@weber-gmbh.de']));
    expect(shadow().querySelector('[data-testid="headline"]')!.textContent).toBe('Entreprise allemande — consentement requis (UWG §7)');
    expect(said()).toContain('Droit allemand');
    expect(said()).not.toMatch(/CNIL|particulier/);
    overlay.destroy();
    mount(model(['jean@skynet.be']));
    expect(shadow().querySelector('[data-testid="headline"]')!.textContent).toBe('Particulier belge — consentement requis (CDE XII.13)');
    expect(said()).toContain('Droit belge');
    expect(said()).not.toMatch(/CPCE|L34-5|« Si je n’ai pas dit oui/);
  });
});

describe('the confirm before send', () => {
  const ask = (who: Array<{ address: string; verdict: 'opt-in' | 'banned' | 'suppressed' }>, lang: UiLang = 'fr'): OverlayModel => ({
    ...model(who.map((w) => w.address), { lang }),
    guard: { kind: 'ask', who: who.map((w) => ({ ...w, label: 'Particulier' })), banned: false, reason: '' },
  });
  const body = () => shadow().querySelector('[data-testid="guard"] .body')!.textContent;

  it('speaks of one person in the singular, of several in the plural', () => {
    mount(ask([{ address: 'jean.dupont@gmail.com', verdict: 'opt-in' }]));
    expect(body()).toBe('Ce message ressemble à de la prospection, et ce destinataire ne l’a pas accepté :');
    expect(button('guard-consent')!.textContent).toBe('J’ai son consentement');
    expect(button('guard-consent')!.title).toContain('« J’ai son consentement »');
    // The same words as the overlay's own consent action for one person.
    expect(button('guard-consent')!.textContent).toBe(OVERLAY_CATALOGUES.fr.ovActionConsent.message);

    overlay.update(ask([{ address: 'jean.dupont@gmail.com', verdict: 'opt-in' }, { address: 'marie.durand@orange.fr', verdict: 'opt-in' }]));
    expect(body()).toBe('Ce message ressemble à de la prospection, et ces destinataires ne l’ont pas accepté :');
    expect(button('guard-consent')!.textContent).toBe('J’ai leur consentement');

    // Two people, one of them on the suppression list: consent is asked for one only.
    overlay.update(ask([{ address: 'jean.dupont@gmail.com', verdict: 'opt-in' }, { address: 'marie.durand@orange.fr', verdict: 'suppressed' }]));
    expect(body()).toBe('Ce message ressemble à de la prospection, et ces destinataires ne l’ont pas accepté :');
    expect(button('guard-consent')!.textContent).toBe('J’ai son consentement');
  });

  it('in English too', () => {
    mount(ask([{ address: 'jean.dupont@gmail.com', verdict: 'opt-in' }], 'en'));
    expect(body()).toBe('This message looks like prospecting, and this recipient has not agreed to it:');
    expect(button('guard-consent')!.textContent).toBe('I have their consent');
  });
});
