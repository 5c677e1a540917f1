import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { createHandler, type HandlerDeps } from './handlers';
import { introductionFor } from './intro';
import { createMessageService, MAX_ANALYZERS, strictestAudience } from './message';
import { createWriter } from './writer';
import { classifyMany } from '../rules/index';
import { judgePersons } from '../rules/linkedin/person';
import { createHistoryStore } from '../storage/history';
import { defaultSettings, STORAGE_KEYS, validateSettings } from '../storage/schema';
import { readAll, type StorageArea } from '../storage/area';
import { OVERLAY_CATALOGUES } from '../ui/overlay/catalogues';
import type { PersonRequest, Responses } from './protocol';
import type { RecipientResult } from '../rules/types';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const fromContent = { id: ID, url: 'https://mail.google.com/mail/u/0/', frameId: 0, tab: { id: 3 } };
const fromOtherTab = { ...fromContent, tab: { id: 4 } };

const PITCH =
  'Bonjour,\n\nJe me permets de vous contacter pour vous présenter notre offre de logiciel de paie. ' +
  'Nous proposons une démonstration gratuite et un tarif préférentiel ce mois-ci.\n\nBien à vous,\nMarie';
const B2B =
  'Bonjour Monsieur Martin,\n\nJe suis Marie Martin, d’Exemple PME. Notre activité : nous éditons un logiciel de paie pour les PME. ' +
  'Vos coordonnées professionnelles proviennent du salon Vivatech. Je me permets de vous proposer une démonstration et nos tarifs. ' +
  'Nous pourrons vous adresser à l’avenir des offres en rapport avec votre activité professionnelle, sauf si vous vous y opposez.\n\n' +
  'Pour vous y opposer et ne plus recevoir nos messages, répondez simplement « STOP » à ce message.';
const REPLY = 'Bonjour Jean,\n\nVoici notre grille tarifaire, comme demandé.\n\nLe jeu. 27 nov. 2026 à 10:42, Jean Dupont <jean.dupont@gmail.com> a écrit :\n> Pourriez-vous m’envoyer vos tarifs ?';

function memoryArea(): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (keys) => {
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (k in data) out[k] = structuredClone(data[k]);
      return out;
    },
    set: async (items) => {
      Object.assign(data, structuredClone(items));
    },
  };
}

function setup(settings: Partial<ReturnType<typeof defaultSettings>> = {}) {
  const area = memoryArea();
  area.data[STORAGE_KEYS.settings] = validateSettings({ ...defaultSettings(), ...settings });
  const writer = createWriter(area, { now: () => new Date('2026-12-01T10:00:00') });
  const history = createHistoryStore({ indexedDB: new IDBFactory(), now: () => new Date('2026-12-01T10:00:00') });
  const message = createMessageService({ classifyMany, judgePersons, history });
  const deps: HandlerDeps = {
    runtimeId: ID,
    extensionUrl: `chrome-extension://${ID}/`,
    version: '0.1.0',
    uiLanguage: () => 'fr-FR',
    load: () => readAll(area),
    classifyMany,
    introduction: introductionFor,
    openOptions: async () => {},
    sites: { enable: async () => null, disable: async () => {}, status: async (o) => ({ origin: o, builtIn: false, enabled: false, granted: false, registered: false, site: null }), recognise: async () => null },
    isBuiltIn: (o) => o === 'https://mail.google.com' || o === 'https://www.linkedin.com',
    writer,
    message,
    messages: (l) => OVERLAY_CATALOGUES[l],
  };
  const h = createHandler(deps);
  const analyze = async (body: string, recipients: string[], subject = '', compose = 'c1', sender = fromContent) =>
    (await h({ type: 'analyzeMessage', compose, body, subject, links: [], recipients }, sender)) as Responses['analyzeMessage'];
  /** A LinkedIn composer's message: the members' keys as recipients, and what the page shows of each. */
  const analyzeMembers = async (body: string, persons: PersonRequest[], compose = 'li1') =>
    (await h({ type: 'analyzeMessage', compose, body, subject: '', links: [], recipients: persons.map((p) => p.key), persons }, fromLinkedIn)) as Responses['analyzeMessage'];
  return { h, area, history, message, analyze, analyzeMembers };
}

const fromLinkedIn = { id: ID, url: 'https://www.linkedin.com/feed/', frameId: 0, tab: { id: 5 } };
const STUDENT: PersonRequest = { key: 'linkedin:in/lea-martin-8b2c1', name: 'Léa Martin', headline: 'Étudiante en Master 2 Marketing à l’ESSEC' };
const BUYER: PersonRequest = { key: 'linkedin:in/marc-leroy', name: 'Marc Leroy', headline: 'Head of Procurement chez Schneider Electric' };
const LI_PITCH = 'Bonjour Léa, je me permets de vous contacter pour vous présenter notre offre : une démonstration gratuite et un tarif préférentiel ce mois-ci.';

describe('message analysis in the worker', () => {
  it('a cold pitch to a private address: prospecting, first contact, the send check asks', async () => {
    const { analyze } = setup();
    const r = await analyze(PITCH, ['jean.dupont@gmail.com'], 'Votre paie simplifiée');
    expect(r.ok).toBe(true);
    expect(r.guard).toBe(true);
    expect(r.analysis).toMatchObject({ prospecting: true, ordinary: false, firstContact: true, status: 'first-contact', required: ['unsubscribe'] });
    expect(r.analysis.reasons[0]).toMatch(/^Message de prospection commerciale/);
    expect(r.check).toEqual({ ask: true, banned: false, who: [{ address: 'jean.dupont@gmail.com', verdict: 'opt-in', label: 'particulier — consentement requis (CPCE art. L34-5)' }] });
  });

  it('a reply in a thread to the same private address is ordinary: no check, the overlay stays quiet', async () => {
    const { analyze } = setup();
    const r = await analyze(REPLY, ['jean.dupont@gmail.com'], 'RE: Votre demande de devis');
    expect(r.analysis).toMatchObject({ prospecting: false, ordinary: true });
    expect(r.check.ask).toBe(false);
    expect(r.check.who).toEqual([]);
  });

  it('an empty draft is not judged ordinary (nothing says so yet)', async () => {
    const { analyze } = setup();
    const r = await analyze('', ['jean.dupont@gmail.com']);
    expect(r.analysis).toMatchObject({ prospecting: false, ordinary: false });
  });

  it('a B2B draft: the four elements present, and where', async () => {
    const { analyze } = setup();
    const start = await analyze('Bonjour Monsieur Martin,\n\nJe me permets de vous proposer une démonstration de notre offre et nos tarifs.', ['c.martin@acme-industrie.fr']);
    expect(start.analysis.required).toEqual(['activity', 'contact-source', 'future-offers', 'unsubscribe']);
    expect(start.analysis.missing).toEqual(['activity', 'contact-source', 'future-offers', 'unsubscribe']);
    const full = await analyze(B2B, ['c.martin@acme-industrie.fr']);
    expect(full.analysis.missing).toEqual([]);
    expect(full.analysis.present).toEqual(['activity', 'contact-source', 'future-offers', 'unsubscribe']);
    expect(full.analysis.where['contact-source']).toMatch(/salon|proviennent/);
    expect(full.check.ask).toBe(false); // a business: opt-out, nothing to confirm
  });

  it('a follow-up to an address already prospected is not a first contact (the history is hashed, per install)', async () => {
    const { h, analyze, history } = setup();
    expect((await analyze(B2B, ['c.martin@acme-industrie.fr'])).analysis.firstContact).toBe(true);
    expect(await h({ type: 'recordSend', recipients: ['C.Martin@acme-industrie.fr'] }, fromContent)).toEqual({ ok: true, recorded: 1 });
    const again = await analyze('Bonjour,\n\nJe reviens vers vous au sujet de notre offre : une démonstration et nos tarifs vous intéressent-ils ?', ['c.martin@acme-industrie.fr'], '', 'c2');
    expect(again.analysis).toMatchObject({ prospecting: true, firstContact: false, status: 'already-contacted', required: ['unsubscribe'], since: '2026-12-01' });
    // One newcomer makes it a first contact again.
    const mixed = await analyze(B2B, ['c.martin@acme-industrie.fr', 'p.durand@acme-industrie.fr'], '', 'c3');
    expect(mixed.analysis.firstContact).toBe(true);
    expect(await history.count()).toBe(1);
  });

  it('the consumer ban from the text: energy renovation to a private address is banned, consent cannot lift it', async () => {
    const { analyze } = setup();
    const r = await analyze(
      'Bonjour, je me permets de vous contacter : notre offre d’isolation à 1 euro et de pompe à chaleur, avec un devis gratuit pour votre rénovation énergétique.',
      ['jean.dupont@gmail.com'],
    );
    expect(r.analysis.banned).toContain('energy-renovation');
    expect(r.check.ask).toBe(true);
    expect(r.check.banned).toBe(true);
    expect(r.check.who[0].verdict).toBe('banned');
  });

  it('a recorded consent (also one given at send) lets the send through without asking', async () => {
    const { h, analyze, area } = setup();
    const res = (await h({ type: 'consentAtSend', addresses: ['Jean.Dupont@gmail.com'] }, fromContent)) as Responses['consentAtSend'];
    expect(res.records).toEqual([{ address: 'jean.dupont@gmail.com', date: '2026-12-01', method: 'at-send' }]);
    expect((await readAll(area)).consents['jean.dupont@gmail.com'].method).toBe('at-send');
    const r = await analyze(PITCH, ['jean.dupont@gmail.com']);
    expect(r.check.ask).toBe(false);
  });

  it('a suppressed recipient counts like opt-in', async () => {
    const message = createMessageService({ classifyMany, judgePersons, history: null, suppressed: async (emails) => emails.map((e) => e === 'c.martin@acme-industrie.fr') });
    const r = await message.analyze({ settings: defaultSettings(), overrides: {}, consents: {} }, 'fr', { key: 'k', body: PITCH, subject: '', links: [], recipients: ['c.martin@acme-industrie.fr'] });
    expect(r.check).toMatchObject({ ask: true, who: [{ address: 'c.martin@acme-industrie.fr', verdict: 'suppressed' }] });
    // Without a history the first contact is unknown, and taken as a first contact.
    expect(r.analysis).toMatchObject({ status: 'history-unknown', firstContact: true });
  });

  it('the setting turns the guard off', async () => {
    const { analyze } = setup({ sendGuard: false });
    expect((await analyze(PITCH, ['jean.dupont@gmail.com'])).guard).toBe(false);
  });

  it('one analyzer per compose and tab, the least recently used dropped', async () => {
    const { analyze, message } = setup();
    for (let i = 0; i < MAX_ANALYZERS + 5; i++) await analyze(PITCH, [], '', `c${i}`, i % 2 ? fromContent : fromOtherTab);
    expect(message.size).toBe(MAX_ANALYZERS);
  });

  it('refuses what is not a well-formed request', async () => {
    const { h } = setup();
    const bad = [
      { type: 'analyzeMessage', compose: 'c', body: 1, subject: '', links: [], recipients: [] },
      { type: 'analyzeMessage', compose: 'c', body: '', subject: '', links: [{ href: 'x', start: 5, end: 2 }], recipients: [] },
      { type: 'analyzeMessage', compose: 'c'.repeat(65), body: '', subject: '', links: [], recipients: [] },
      { type: 'analyzeMessage', compose: 'c', body: '', subject: '', links: [], recipients: [], extra: 1 },
      { type: 'recordSend', recipients: 'a@b.fr' },
      { type: 'consentAtSend', addresses: [1] },
    ];
    for (const m of bad) expect(await h(m, fromContent)).toMatchObject({ ok: false });
    // From a page that is not ours: refused.
    expect(await h({ type: 'recordSend', recipients: ['a@b.fr'] }, { ...fromContent, url: 'https://evil.example/', origin: 'https://evil.example' })).toEqual({ ok: false, error: 'not allowed' });
  });
});

describe('message analysis for LinkedIn members (person keys, judged from their headline)', () => {
  it('a cold pitch to a student: opt-in from the headline, the send check asks and names the member', async () => {
    const { analyzeMembers } = setup();
    const r = await analyzeMembers(LI_PITCH, [STUDENT]);
    expect(r.analysis).toMatchObject({ prospecting: true, firstContact: true, status: 'first-contact' });
    expect(r.check.ask).toBe(true);
    expect(r.check.who).toEqual([{ address: STUDENT.key, name: 'Léa Martin', verdict: 'opt-in', label: expect.stringMatching(/consentement/) }]);
  });

  it('the same pitch to a professional (a current role at an organisation) is not stopped; a reply-like message to the student is not either', async () => {
    const { analyzeMembers } = setup();
    const pro = await analyzeMembers(LI_PITCH, [BUYER]);
    expect(pro.analysis.prospecting).toBe(true);
    expect(pro.check).toEqual({ ask: false, who: [], banned: false });
    const reply = await analyzeMembers('Merci Léa pour votre message, je vous envoie le document comme convenu. Bonne journée !', [STUDENT], 'li2');
    expect(reply.analysis.prospecting).toBe(false);
    expect(reply.check.ask).toBe(false);
  });

  it('"I have their consent" at send is recorded under the person key, and the next pitch to them goes without asking', async () => {
    const { h, area, analyzeMembers } = setup();
    const res = (await h({ type: 'consentAtSend', addresses: [STUDENT.key] }, fromLinkedIn)) as Responses['consentAtSend'];
    expect(res.records).toEqual([{ address: STUDENT.key, date: '2026-12-01', method: 'at-send' }]);
    expect((await readAll(area)).consents[STUDENT.key]).toMatchObject({ method: 'at-send', date: '2026-12-01' });
    const r = await analyzeMembers(LI_PITCH, [STUDENT]);
    expect(r.check.ask).toBe(false);
  });

  it('first contact: a member a prospecting message was sent to is a follow-up next time (history keyed by person key)', async () => {
    const { h, analyzeMembers } = setup();
    expect((await analyzeMembers(LI_PITCH, [BUYER])).analysis.firstContact).toBe(true);
    expect(await h({ type: 'recordSend', recipients: [BUYER.key] }, fromLinkedIn)).toEqual({ ok: true, recorded: 1 });
    const again = await analyzeMembers('Bonjour Marc, je reviens vers vous au sujet de notre offre : une démonstration et nos tarifs vous intéressent-ils ?', [BUYER], 'li3');
    expect(again.analysis).toMatchObject({ prospecting: true, firstContact: false, status: 'already-contacted', since: '2026-12-01' });
    // Someone else on LinkedIn is still a first contact.
    expect((await analyzeMembers(LI_PITCH, [{ ...BUYER, key: 'linkedin:in/paul-girard', name: 'Paul Girard' }], 'li4')).analysis.firstContact).toBe(true);
  });

  it('refuses malformed members', async () => {
    const { h } = setup();
    const base = { type: 'analyzeMessage', compose: 'c', body: '', subject: '', links: [], recipients: [STUDENT.key] };
    for (const persons of ['x', [{ ...STUDENT, extra: 1 }], [{ ...STUDENT, headline: 5 }], Array.from({ length: 101 }, () => STUDENT)])
      expect(await h({ ...base, persons }, fromLinkedIn)).toMatchObject({ ok: false });
    expect(await h({ ...base, persons: [STUDENT] }, fromLinkedIn)).toMatchObject({ ok: true });
  });
});

describe('strictestAudience', () => {
  const r = (audience: RecipientResult['audience']) => ({ audience }) as RecipientResult;
  it('private first, then unknown, professional, organization, internal, invalid', () => {
    expect(strictestAudience([r('organization'), r('private'), r('professional')])).toBe('private');
    expect(strictestAudience([r('organization'), r('professional')])).toBe('professional');
    expect(strictestAudience([r('invalid'), r('organization')])).toBe('organization');
    expect(strictestAudience([r('internal')])).toBe('internal');
  });
});
