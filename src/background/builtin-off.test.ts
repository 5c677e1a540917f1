import { describe, expect, it, vi } from 'vitest';
import { createHandler, type HandlerDeps } from './handlers';
import { introductionFor } from './intro';
import { classifyMany } from '../rules/index';
import { createWriter } from './writer';
import { readAll, type StorageArea } from '../storage/area';
import { OVERLAY_CATALOGUES } from '../ui/overlay/catalogues';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT = `chrome-extension://${ID}/`;
const gmailTab = { id: ID, url: 'https://mail.google.com/mail/u/0/', frameId: 0, tab: { id: 3 } };
const options = { id: ID, url: `${EXT}src/ui/options/index.html` };

function memory(): StorageArea {
  const data: Record<string, unknown> = {};
  return {
    get: async (keys) => Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

describe('a built-in site switched off', () => {
  it('the options or the popup switch Gmail off: its script is told to stay inert and may ask nothing else; on again', async () => {
    const area = memory();
    const writer = createWriter(area);
    const sites = { enable: vi.fn(async (): Promise<string | null> => null), disable: vi.fn(async () => {}), status: vi.fn(async (o: string) => ({ origin: o, builtIn: true, enabled: false, granted: true, registered: false, site: null })), recognise: vi.fn(async () => null) };
    const deps: HandlerDeps = {
      runtimeId: ID,
      extensionUrl: EXT,
      version: '1',
      uiLanguage: () => 'fr',
      load: () => readAll(area),
      classifyMany,
      introduction: introductionFor,
      openOptions: async () => {},
      sites,
      isBuiltIn: (o) => o === 'https://mail.google.com',
      messages: (l) => OVERLAY_CATALOGUES[l],
      writer: writer as unknown as HandlerDeps['writer'],
      message: { analyze: async () => ({}) as never, recordSend: async () => 0 },
    };
    const h = createHandler(deps);
    const classify = { type: 'classify', recipients: ['paul@acme-industrie.fr'] };
    expect(await h({ type: 'hello' }, gmailTab)).toEqual({ ok: true, lang: 'fr', version: '1' });
    expect(await h({ type: 'siteStatus', origin: 'https://mail.google.com' }, options)).toMatchObject({ builtIn: true, enabled: true });

    expect(await h({ type: 'disableSite', origin: 'https://mail.google.com/' }, options)).toEqual({ ok: true });
    expect(sites.disable).not.toHaveBeenCalled(); // nothing to unregister, no permission removed
    expect((await readAll(area)).settings.disabledSites).toEqual(['https://mail.google.com']);
    expect(await h({ type: 'hello' }, gmailTab)).toEqual({ ok: true, lang: 'fr', version: '1', off: true });
    expect(await h(classify, gmailTab)).toEqual({ ok: false, error: 'not allowed' });
    expect(await h({ type: 'siteStatus', origin: 'https://mail.google.com' }, options)).toMatchObject({ builtIn: true, enabled: false });

    expect(await h({ type: 'enableSite', origin: 'https://mail.google.com' }, options)).toEqual({ ok: true });
    expect(sites.enable).not.toHaveBeenCalled();
    expect(await h({ type: 'hello' }, gmailTab)).toEqual({ ok: true, lang: 'fr', version: '1' });
    expect(await h(classify, gmailTab)).toMatchObject({ ok: true });
    // Another origin, or none, still goes to the sites' registrations (which refuse an invalid one).
    sites.enable.mockRejectedValueOnce(new Error('invalid origin'));
    expect(await h({ type: 'enableSite', origin: 'javascript:alert(1)' }, options)).toEqual({ ok: false, error: 'invalid origin' });
    expect(sites.enable).toHaveBeenCalledWith('javascript:alert(1)', undefined);
  });
});
