import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from './schema';
import { applyPolicy, isManagedItem, lockFor, managedEntries, parseManagedPolicy, stripLocked, unsubscribeValue, type ManagedPolicy } from './policy';

const RAW = {
  managedBy: 'Direction commerciale — Exemple SAS',
  identity: {
    company: 'Exemple SAS',
    activity: 'l’aménagement de bureaux pour les PME',
    activityTopic: 'none',
    contactSources: ['le salon Bureaux Expo 2026'],
    unsubscribe: { method: 'url', url: 'https://exemple-sas.fr/desinscription?email={email}' },
  },
  templates: [{ id: 'salon', name: 'Après le salon', lang: 'fr', text: 'Bonjour {firstName}', short: 'Bonjour' }],
  ownDomains: ['Exemple-SAS.fr'],
  suppressionList: ['opposé@exemple.fr', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  settings: { lang: 'fr', sites: ['https://webmail.exemple-sas.fr/roundcube/'] },
};

type Member = Settings;

function member(): Member {
  const s = defaultSettings() as Member;
  s.intro = { ...s.intro, senderName: 'Marie Martin', company: 'Ma boîte', activity: '', unsubscribe: 'https://moi.fr/stop' };
  s.ownDomains = ['moi.fr', 'exemple-sas.fr'];
  s.lang = 'en';
  s.contactSources = ['LinkedIn'];
  s.templates = [{ id: 'mine', name: 'Le mien', lang: 'fr', text: 'Bonjour' }];
  return s;
}

describe('parseManagedPolicy', () => {
  it('reads a complete policy, normalising domains and origins', () => {
    const { policy, problems } = parseManagedPolicy(RAW);
    expect(problems).toEqual([]);
    expect(policy.identity!.activityTopic).toBeNull();
    expect(policy.ownDomains).toEqual(['exemple-sas.fr']);
    expect(policy.settings!.sites).toEqual(['https://webmail.exemple-sas.fr']);
    expect(policy.suppressionList).toHaveLength(2);
    expect(policy.templates).toEqual([{ id: 'salon', name: 'Après le salon', lang: 'fr', text: 'Bonjour {firstName}', short: 'Bonjour' }]);
  });

  it('leaves out what it cannot use and says where and why, never throws', () => {
    const { policy, problems } = parseManagedPolicy({
      managedBy: 42,
      identity: { company: '  ', activityTopic: 'solar', unsubscribe: { method: 'url', url: 'javascript:alert(1)' }, colour: 'red' },
      templates: [{ id: 'a', name: 'A', lang: 'de', text: 'x' }, { id: 'b', name: 'B', lang: 'en', text: 'y' }, { id: 'b', name: 'B2', lang: 'en', text: 'z' }, 'nope'],
      ownDomains: ['ok.fr', 'pas un domaine', 7],
      settings: { lang: 'it', jurisdiction: 'France' },
      recommended: 'x',
      extra: true,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'extra', code: 'unknown-key' },
        { path: 'managedBy', code: 'wrong-type' },
        { path: 'identity.colour', code: 'unknown-key' },
        { path: 'identity.company', code: 'empty' },
        { path: 'identity.activityTopic', code: 'unknown-value' },
        { path: 'identity.unsubscribe.url', code: 'not-a-url' },
        { path: 'templates[0].lang', code: 'unknown-value' },
        { path: 'templates[2].id', code: 'duplicate' },
        { path: 'templates[3]', code: 'not-an-object' },
        { path: 'ownDomains[1]', code: 'not-a-domain' },
        { path: 'ownDomains[2]', code: 'wrong-type' },
        { path: 'settings.lang', code: 'unknown-value' },
        { path: 'settings.jurisdiction', code: 'unknown-value' },
        { path: 'recommended', code: 'not-an-object' },
      ]),
    );
    expect(policy).toEqual({ templates: [{ id: 'b', name: 'B', lang: 'en', text: 'y' }], ownDomains: ['ok.fr'] });
    for (const bad of [null, undefined]) expect(parseManagedPolicy(bad)).toEqual({ policy: {}, problems: [] });
    expect(parseManagedPolicy('x').problems).toEqual([{ path: '', code: 'not-an-object' }]);
  });

  it('reads the three unsubscribe methods', () => {
    const u = (x: unknown) => parseManagedPolicy({ identity: { unsubscribe: x } }).policy.identity?.unsubscribe;
    expect(u({ method: 'mailto', mailto: 'stop@exemple-sas.fr', subject: 'Désinscription' })).toEqual({ method: 'mailto', mailto: 'stop@exemple-sas.fr', subject: 'Désinscription' });
    expect(u({ method: 'reply' })).toEqual({ method: 'reply' });
    expect(u({ method: 'mailto', mailto: 'pas une adresse' })).toBeUndefined();
    expect(u({ method: 'fax' })).toBeUndefined();
    expect(unsubscribeValue({ method: 'mailto', mailto: 'stop@x.fr', subject: 'STOP & merci' })).toBe('mailto:stop@x.fr?subject=STOP%20%26%20merci');
    expect(unsubscribeValue({ method: 'reply' })).toBeNull();
  });
});

describe('applyPolicy', () => {
  const { policy } = parseManagedPolicy(RAW);

  it('managed values win and are locked with who manages them; the member’s other values stay', () => {
    const user = member();
    const { value, locks } = applyPolicy(user, policy);
    expect(value.intro).toEqual({
      senderName: 'Marie Martin',
      company: 'Exemple SAS',
      activity: 'l’aménagement de bureaux pour les PME',
      contactSource: '',
      unsubscribe: 'https://exemple-sas.fr/desinscription?email={email}',
    });
    expect(value.topic).toBeNull();
    expect(value.lang).toBe('fr');
    expect(lockFor(locks, 'intro.company')).toEqual({ path: 'intro.company', by: 'Direction commerciale — Exemple SAS' });
    expect(lockFor(locks, 'intro.senderName')).toBeNull();
    // Lists: the managed items first, then the member's own (a duplicate counted once).
    expect(value.ownDomains).toEqual(['exemple-sas.fr', 'moi.fr']);
    expect(value.contactSources).toEqual(['le salon Bureaux Expo 2026', 'LinkedIn']);
    expect(value.templates!.map((t) => t.id)).toEqual(['managed:salon', 'mine']);
    expect(value.enabledSites).toEqual(['https://webmail.exemple-sas.fr']);
    const domains = lockFor(locks, 'ownDomains');
    expect(isManagedItem(domains, 'exemple-sas.fr')).toBe(true);
    expect(isManagedItem(domains, 'moi.fr')).toBe(false);
    expect(isManagedItem(lockFor(locks, 'templates'), { id: 'managed:salon' })).toBe(true);
    expect(isManagedItem(lockFor(locks, 'templates'), { id: 'mine' })).toBe(false);
    // The member's stored settings are untouched: removing the policy gives them back.
    expect(user).toEqual(member());
  });

  it('recommended values fill only what is empty and are not locked', () => {
    const p: ManagedPolicy = { recommended: { company: 'Conseil SAS', activity: 'le conseil', lang: 'fr', ownDomains: ['conseil.fr'] } };
    const { value, locks } = applyPolicy(member(), p);
    expect(value.intro.company).toBe('Ma boîte');
    expect(value.intro.activity).toBe('le conseil');
    expect(value.lang).toBe('en');
    expect(value.ownDomains).toEqual(['moi.fr', 'exemple-sas.fr']);
    expect(locks).toEqual({});
    const blank = applyPolicy(defaultSettings(), p).value;
    expect(blank.ownDomains).toEqual(['conseil.fr']);
  });

  it('a “reply STOP” policy clears the member’s own link rather than keep it', () => {
    const { value, locks } = applyPolicy(member(), { identity: { unsubscribe: { method: 'reply' } } });
    expect(value.intro.unsubscribe).toBe('');
    expect((value as Member & { unsubscribe?: unknown }).unsubscribe).toEqual({ method: 'reply' });
    expect(lockFor(locks, 'intro.unsubscribe')).not.toBeNull();
  });

  it('no policy: the member’s settings as they are, nothing locked', () => {
    const m = member();
    expect(applyPolicy(m, {})).toEqual({ value: m, locks: {} });
    expect(managedEntries({})).toEqual([]);
  });
});

describe('stripLocked', () => {
  it('refuses writes to locked values and keeps only the member’s own list items', () => {
    const { locks } = applyPolicy(member(), parseManagedPolicy(RAW).policy);
    const { patch, refused } = stripLocked(
      { intro: { company: 'Autre', senderName: 'Marie M.' }, ownDomains: ['exemple-sas.fr', 'perso.fr'], lang: 'en', jurisdiction: 'FR' },
      locks,
    );
    expect(refused.sort()).toEqual(['intro.company', 'lang']);
    expect(patch).toEqual({ intro: { senderName: 'Marie M.' }, ownDomains: ['perso.fr'], jurisdiction: 'FR' });
  });
});
