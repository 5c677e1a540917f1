// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createOverlay, type OverlayController } from './mount';
import { createT } from './i18n';
import type { OverlayModel, InsertOutcome } from './model';
import { buildRecipientViews } from '../../content/session';
import { strictest } from '../../rules/verdict';
import { fakeClassify, tick } from '../../content/test-support';
import type { Consents, UiLang } from '../../storage/schema';
import type { ComposeRecipient } from '../../sites/types';

const INTRO = {
  intro: 'Je suis Camille, de Exemple SAS. Notre activité : logiciels de paie. Vos coordonnées proviennent de : annuaire CCI. Nous pourrons vous adresser des offres, sauf si vous vous y opposez.',
  unsubscribe: 'Pour vous y opposer : https://exemple.fr/stop',
  elements: { activity: 'a', 'contact-source': 'b', 'future-offers': 'c', unsubscribe: 'd' },
};

function model(addresses: string[], opts: { consents?: Consents; lang?: UiLang; overrides?: Record<string, 'business' | 'private'> } = {}): OverlayModel {
  const recipients: ComposeRecipient[] = addresses.map((address) => ({ field: 'to', address }));
  const entries = new Map(
    addresses.map((a) => {
      const result = fakeClassify(a, opts.overrides);
      return [a.toLowerCase(), { result, consent: (result.email && opts.consents?.[result.email]) || null }] as const;
    }),
  );
  const views = buildRecipientViews(recipients, { entries, introduction: INTRO, introIsDefault: false, lang: opts.lang ?? 'fr' });
  return {
    state: 'ready',
    verdict: strictest(views.map((v) => v.verdict)),
    count: addresses.length,
    recipients: views,
    introduction: INTRO,
    introIsDefault: false,
    lang: opts.lang ?? 'fr',
  };
}

let overlay: OverlayController;
let actions: {
  recordConsent: Mock<(address: string) => Promise<unknown>>;
  setOverride: Mock<(key: string, kind: 'business' | 'private') => Promise<unknown>>;
  insert: Mock<(intro: unknown) => Promise<InsertOutcome>>;
  openOptions: Mock<() => void>;
};

function mount(m: OverlayModel) {
  overlay = createOverlay({ doc: document, translator: (l) => createT(l, null), actions });
  document.body.appendChild(overlay.host);
  overlay.update(m);
  return overlay;
}
const shadow = () => overlay.host.shadowRoot!;
const text = () => shadow().textContent ?? '';
const button = (action: string, address?: string) =>
  shadow().querySelector<HTMLButtonElement>(
    address ? `[data-address="${address}"] button[data-action="${action}"]` : `button[data-action="${action}"]`,
  );

beforeEach(() => {
  document.body.innerHTML = '';
  actions = {
    recordConsent: vi.fn(async () => undefined),
    setOverride: vi.fn(async () => undefined),
    insert: vi.fn(async (): Promise<InsertOutcome> => ({ ok: true })),
    openOptions: vi.fn(),
  };
});
afterEach(() => overlay?.destroy());

describe('overlay per verdict', () => {
  it('opt-in: warns, names the recipient, cites the source, offers the three actions', async () => {
    mount(model(['jean.dupont@gmail.com']));
    const host = overlay.host;
    expect(host.getAttribute('data-verdict')).toBe('opt-in');
    expect(host.getAttribute('data-recipients')).toBe('1');
    expect(host.hidden).toBe(false);
    expect(text()).toContain('Consentement requis avant de prospecter');
    expect(text()).toContain('« Si je n’ai pas dit oui, c’est non »');
    expect(text()).toContain('jean.dupont@gmail.com');
    expect(text()).toContain('CPCE art. L34-5');
    // gmail.com is a consumer provider: no "whole domain is a business" action.
    expect(button('business-domain', 'jean.dupont@gmail.com')).toBeNull();
    expect(shadow().querySelector('[data-testid="suggestion"]')).toBeNull();

    button('consent', 'jean.dupont@gmail.com')!.click();
    await tick();
    expect(actions.recordConsent).toHaveBeenCalledWith('jean.dupont@gmail.com');
    button('business', 'jean.dupont@gmail.com')!.click();
    await tick();
    expect(actions.setOverride).toHaveBeenCalledWith('jean.dupont@gmail.com', 'business');
    button('private', 'jean.dupont@gmail.com')!.click();
    await tick();
    expect(actions.setOverride).toHaveBeenCalledWith('jean.dupont@gmail.com', 'private');
  });

  it('opt-in leads even with a corporate recipient, and lists both', () => {
    mount(model(['paul@acme-industrie.fr', 'marie@orange.fr']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('opt-in');
    const listed = [...shadow().querySelectorAll('[data-address]')].map((e) => e.getAttribute('data-address'));
    expect(listed).toEqual(['marie@orange.fr', 'paul@acme-industrie.fr']);
  });

  it('opt-out: shows the introduction and unsubscribe line, Insert calls insert and reports success', async () => {
    mount(model(['paul@acme-industrie.fr']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('opt-out');
    expect(text()).toContain('Destinataire professionnel');
    expect(shadow().querySelector('[data-testid="intro"]')!.textContent).toBe(INTRO.intro);
    expect(shadow().querySelector('[data-testid="unsubscribe"]')!.textContent).toBe(INTRO.unsubscribe);
    for (const el of ['activity', 'contact-source', 'future-offers', 'unsubscribe'])
      expect(shadow().querySelector(`[data-element="${el}"]`)!.className).toBe('yes');
    button('insert')!.click();
    await tick(5);
    expect(actions.insert).toHaveBeenCalledWith(INTRO);
    expect(shadow().querySelector('[data-testid="insert-feedback"]')!.textContent).toBe('Insérée — Ctrl+Z pour annuler');
  });

  it('opt-out: a failed insertion shows its reason', async () => {
    actions.insert.mockResolvedValueOnce({ ok: false, reason: 'no-body' });
    mount(model(['paul@acme-industrie.fr']));
    button('insert')!.click();
    await tick(5);
    expect(shadow().querySelector('[data-testid="insert-feedback"]')!.textContent).toBe('Insertion impossible : le corps du message est introuvable');
  });

  it('organization: the suggestion plus the note on generic addresses', () => {
    mount(model(['contact@acme-industrie.fr']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('organization');
    expect(text()).toContain('Adresse générique d’entreprise');
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
    expect(text()).toContain('Impossible de déterminer');
    button('business-domain', 'x@bizarre.unknown')!.click();
    await tick();
    expect(actions.setOverride).toHaveBeenCalledWith('bizarre.unknown', 'business');
    expect(button('consent', 'x@bizarre.unknown')).not.toBeNull();
    expect(button('private', 'x@bizarre.unknown')).not.toBeNull();
  });

  it('banned: the ban, no suggestion', () => {
    mount(model(['a@maison.renov', 'b@acme-industrie.fr']));
    expect(overlay.host.getAttribute('data-verdict')).toBe('banned');
    expect(text()).toContain('Prospection interdite');
    expect(shadow().querySelector('[data-testid="suggestion"]')).toBeNull();
  });

  it('consent recorded: satisfied, shows the date and the suggestion', () => {
    mount(model(['jean@gmail.com'], { consents: { 'jean@gmail.com': { date: '2026-11-20' } } }));
    expect(overlay.host.getAttribute('data-verdict')).toBe('consent');
    expect(text()).toContain('Consentement enregistré le 2026-11-20');
    expect(shadow().querySelector('[data-testid="suggestion"]')).not.toBeNull();
  });

  it('unreadable: a quiet one-line state, never silence', () => {
    mount({ state: 'unreadable', verdict: 'unknown', count: 0, recipients: [], introduction: null, introIsDefault: false, lang: 'fr' });
    expect(overlay.host.getAttribute('data-verdict')).toBe('unreadable');
    expect(overlay.host.hidden).toBe(false);
    expect(shadow().querySelector('[data-testid="headline"]')!.textContent).toBe('Prospect Guard ne peut pas lire les destinataires ici');
    // Collapsed by default: the explanation is one click away.
    expect(shadow().querySelector<HTMLElement>('#pg-details')!.hidden).toBe(true);
  });

  it('unavailable: says it cannot check (data-verdict=unknown, data-state=unavailable)', () => {
    mount({ state: 'unavailable', verdict: 'unknown', count: 2, recipients: [], introduction: null, introIsDefault: false, lang: 'fr' });
    expect(overlay.host.getAttribute('data-verdict')).toBe('unknown');
    expect(overlay.host.getAttribute('data-state')).toBe('unavailable');
    expect(text()).toContain('Vérification impossible');
  });

  it('English when the model says so, reasons in English', () => {
    mount(model(['jean@gmail.com'], { lang: 'en' }));
    expect(text()).toContain('Consent required before prospecting');
    expect(text()).toContain('Consumer mailbox: private individual');
    expect(text()).not.toContain('Messagerie grand public');
  });

  it('default intro wording: offers to open the options', () => {
    const m = model(['paul@acme-industrie.fr']);
    mount({ ...m, introIsDefault: true });
    button('options')!.click();
    expect(actions.openOptions).toHaveBeenCalled();
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

  it('has a labelled region, a polite status, buttons only, and a toggle with aria-expanded', () => {
    mount(model(['jean@gmail.com']));
    const region = shadow().querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('Prospect Guard — vérification des destinataires');
    const status = shadow().querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    const toggle = button('toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    return tick().then(() => {
      expect(button('toggle')!.getAttribute('aria-expanded')).toBe('false');
      expect(shadow().querySelector<HTMLElement>('#pg-details')!.hidden).toBe(true);
      for (const b of shadow().querySelectorAll('button')) expect(b.getAttribute('type')).toBe('button');
      for (const b of shadow().querySelectorAll('button')) expect((b.getAttribute('aria-label') ?? b.textContent ?? '').length).toBeGreaterThan(0);
    });
  });

  it('Esc hides it and stops the key from reaching the webmail; updates still land on the host', () => {
    mount(model(['jean@gmail.com']));
    const seen = vi.fn();
    document.addEventListener('keydown', seen);
    const ev = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    button('toggle')!.dispatchEvent(ev);
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
    const prod = createOverlay({ doc: document, translator: (l) => createT(l, null), actions, testHooks: false });
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
