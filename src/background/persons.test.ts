import { describe, expect, it, vi } from 'vitest';
import { createHandler, type HandlerDeps } from './handlers';
import { introductionFor } from './intro';
import { parseRequest, type Responses } from './protocol';
import { classifyMany } from '../rules/index';
import { defaultSettings, validateConsents, validateOverrides, type Settings } from '../storage/schema';
import type { Stored } from '../storage/area';
import { createWriter } from './writer';
import { OVERLAY_CATALOGUES } from '../ui/overlay/catalogues';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${ID}/`;
const fromLinkedIn = { id: ID, url: 'https://www.linkedin.com/messaging/thread/2-abc/', frameId: 0, tab: { id: 3 } };
const fromElsewhere = { id: ID, url: 'https://evil.example/', frameId: 0, tab: { id: 4 } };

function deps(stored: Partial<Stored> = {}): HandlerDeps {
  const full: Stored = { settings: defaultSettings(), overrides: {}, consents: {}, ...stored };
  return {
    runtimeId: ID,
    extensionUrl: EXT,
    version: '0.1.0',
    uiLanguage: () => 'fr-FR',
    load: async () => full,
    classifyMany,
    introduction: introductionFor,
    openOptions: vi.fn(async () => {}),
    sites: { enable: vi.fn(), disable: vi.fn(), status: vi.fn() } as unknown as HandlerDeps['sites'],
    isBuiltIn: (origin) => origin === 'https://www.linkedin.com',
    messages: (lang) => OVERLAY_CATALOGUES[lang],
    message: { analyze: async () => ({}) as never, recordSend: async () => 0 },
    writer: { recordConsent: vi.fn(), removeConsent: vi.fn(), setOverride: vi.fn(), saveSettings: vi.fn() } as unknown as HandlerDeps['writer'],
  };
}

const settings = (intro: Partial<Settings['intro']>): Settings => ({ ...defaultSettings(), intro: { ...defaultSettings().intro, ...intro } });
const STUDENT = { key: 'linkedin:in/lea-martin', name: 'Léa Martin', headline: 'Étudiante en Master 2 Marketing à l’ESSEC' };
const BUYER = { key: 'linkedin:in/jean-dupont', name: 'Jean Dupont', headline: 'Head of Procurement chez Schneider Electric' };

describe('the worker judges LinkedIn members', () => {
  it('checks the request exactly: keys, types, lengths, the note limit', () => {
    expect(parseRequest({ type: 'judgePersons', persons: [BUYER] })).toEqual({ ok: true, request: { type: 'judgePersons', persons: [BUYER] } });
    expect(parseRequest({ type: 'judgePersons', persons: [{ ...BUYER, openToWork: true, company: 'SE' }], note: 200 })?.ok).toBe(true);
    for (const bad of [
      { type: 'judgePersons' },
      { type: 'judgePersons', persons: 'x' },
      { type: 'judgePersons', persons: [{ ...BUYER, extra: 1 }] },
      { type: 'judgePersons', persons: [{ ...BUYER, headline: 5 }] },
      { type: 'judgePersons', persons: [{ ...BUYER, key: '' }] },
      { type: 'judgePersons', persons: [{ ...BUYER, headline: 'x'.repeat(501) }] },
      { type: 'judgePersons', persons: [{ ...BUYER, openToWork: 'yes' }] },
      { type: 'judgePersons', persons: [BUYER], note: 2.5 },
      { type: 'judgePersons', persons: [BUYER], note: 0 },
      { type: 'judgePersons', persons: Array.from({ length: 101 }, () => BUYER) },
      { type: 'judgePersons', persons: [BUYER], more: true },
    ]) {
      expect(parseRequest(bad), JSON.stringify(bad).slice(0, 80)).toMatchObject({ ok: false });
    }
  });

  it('a student is opt-in, a buyer opt-out with the LinkedIn introduction; only from a content script on LinkedIn', async () => {
    const h = createHandler(deps({ settings: settings({ company: 'Exemple PME', activity: 'nous éditons un logiciel de paie pour les PME' }) }));
    const one = (await h({ type: 'judgePersons', persons: [STUDENT] }, fromLinkedIn)) as Responses['judgePersons'];
    expect(one.results[0]).toMatchObject({ audience: 'private', regime: 'opt-in', input: STUDENT.key });
    expect(one.wordings[0]!.verdict).toBe('opt-in');
    expect(one.message.wording.verdict).toBe('opt-in');
    expect(one.message.introduction).toBeNull();

    const two = (await h({ type: 'judgePersons', persons: [BUYER] }, fromLinkedIn)) as Responses['judgePersons'];
    expect(two.results[0]).toMatchObject({ audience: 'professional', regime: 'opt-out' });
    const intro = two.message.introduction!;
    expect(intro.complete).toBe(true);
    if (intro.complete) {
      // The contact's source defaults to LinkedIn on this site: only the activity had to be set.
      expect(intro.intro).toContain('Vos coordonnées professionnelles proviennent de votre profil LinkedIn.');
      expect(intro.note).toBeUndefined();
    }
    expect(await h({ type: 'judgePersons', persons: [BUYER] }, fromElsewhere)).toEqual({ ok: false, error: 'not allowed' });
  });

  it('an invitation note gets the short variants', async () => {
    const h = createHandler(deps({ settings: settings({ company: 'Exemple PME', activity: 'nous éditons un logiciel de paie pour les PME' }) }));
    const res = (await h({ type: 'judgePersons', persons: [BUYER], note: 200 }, fromLinkedIn)) as Responses['judgePersons'];
    const intro = res.message.introduction!;
    expect(intro.complete && intro.note!.length).toBeGreaterThanOrEqual(3);
    if (intro.complete) expect(Math.min(...intro.note!.map((v) => v.length))).toBeLessThanOrEqual(200);
  });

  it('uses the user’s choice and consent recorded for the person', async () => {
    const h = createHandler(
      deps({
        overrides: { [STUDENT.key]: 'business' },
        consents: { [BUYER.key]: { address: BUYER.key, date: '2026-11-30', method: 'written' } },
      }),
    );
    const res = (await h({ type: 'judgePersons', persons: [STUDENT, { ...BUYER, headline: 'Retraité' }] }, fromLinkedIn)) as Responses['judgePersons'];
    expect(res.results[0]).toMatchObject({ audience: 'professional', flags: ['override'] });
    expect(res.wordings[1]!.verdict).toBe('consent');
    expect(res.consents).toEqual({ [BUYER.key]: { address: BUYER.key, date: '2026-11-30', method: 'written' } });
  });

  it('the writer and the stored records accept person keys (and refuse what is neither an address nor a person)', async () => {
    const data: Record<string, unknown> = {};
    const area = { get: async () => ({ ...data }), set: async (items: Record<string, unknown>) => void Object.assign(data, items) };
    const w = createWriter(area, { now: () => new Date('2026-12-01T10:00:00') });
    await w.setOverride('LinkedIn:in/Lea-Martin', 'business');
    expect(data.overrides).toEqual({ 'linkedin:in/lea-martin': 'business' });
    expect((await w.recordConsent('linkedin:in/jean-dupont', 'written')).address).toBe('linkedin:in/jean-dupont');
    await expect(w.recordConsent('linkedin:nope/x', 'written')).rejects.toThrow('invalid address');
    expect(validateOverrides({ 'linkedin:in/a': 'private', 'linkedin:bad': 'private' })).toEqual({ 'linkedin:in/a': 'private' });
    expect(Object.keys(validateConsents({ 'linkedin:name/jean dupont|acme': { date: '2026-12-01' } }))).toEqual(['linkedin:name/jean dupont|acme']);
  });
});
