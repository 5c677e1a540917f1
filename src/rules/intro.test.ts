import { describe, expect, it } from 'vitest';
import { DEFAULT_INTRO_SETTINGS, DEFAULT_INTRO_SETTINGS_BY_LANG, INTRO_ELEMENTS, buildIntroduction, unsubscribeLink, type IntroSettings } from './intro.js';

const S: IntroSettings = {
  senderName: 'Claire Martin',
  company: 'Paie Facile SAS',
  activity: 'nous éditons un logiciel de paie pour les PME',
  contactSource: "l'annuaire des adhérents de la CCI de Lyon",
  unsubscribe: 'https://paiefacile.fr/desinscription',
};

describe('buildIntroduction', () => {
  it('French: the four elements are present', () => {
    const r = buildIntroduction(S, 'fr');
    expect(Object.keys(r.elements).sort()).toEqual([...INTRO_ELEMENTS].sort());
    expect(r.elements.activity).toBe('Je suis Claire Martin, de Paie Facile SAS. Notre activité : nous éditons un logiciel de paie pour les PME.');
    expect(r.elements['contact-source']).toBe("Vos coordonnées professionnelles proviennent de : l'annuaire des adhérents de la CCI de Lyon.");
    expect(r.elements['future-offers']).toContain('sauf si vous vous y opposez');
    expect(r.elements['future-offers']).toContain('offres');
    expect(r.intro).toContain('nous éditons un logiciel de paie pour les PME');
    expect(r.intro).toContain("l'annuaire des adhérents de la CCI de Lyon");
    expect(r.intro).toContain('à l\u2019avenir');
    expect(r.intro).not.toContain('https://');
    expect(r.unsubscribe).toBe('Pour vous y opposer et ne plus recevoir nos messages : https://paiefacile.fr/desinscription');
    expect(r.elements.unsubscribe).toBe(r.unsubscribe);
  });

  it('English: the four elements are present', () => {
    const r = buildIntroduction({ ...S, activity: 'we make payroll software for SMEs', contactSource: 'your company website' }, 'en');
    expect(r.elements.activity).toBe('I am Claire Martin, from Paie Facile SAS. Our business: we make payroll software for SMEs.');
    expect(r.intro).toContain('your company website');
    expect(r.intro).toContain('in the future, unless you object');
    expect(r.unsubscribe).toContain('https://paiefacile.fr/desinscription');
  });

  it('an email address becomes a mailto: link', () => {
    expect(buildIntroduction({ ...S, unsubscribe: 'stop@paiefacile.fr' }, 'fr').unsubscribe).toContain('mailto:stop@paiefacile.fr');
    expect(buildIntroduction({ ...S, unsubscribe: 'Stop@PaieFacile.fr' }, 'en').unsubscribe).toContain('mailto:stop@paiefacile.fr');
  });

  it('without a link, the way to object is to reply STOP', () => {
    expect(buildIntroduction({ ...S, unsubscribe: '' }, 'fr').unsubscribe).toContain('« STOP »');
    expect(buildIntroduction({ ...S, unsubscribe: 'not a link' }, 'en').unsubscribe).toContain('"STOP"');
  });

  it('without a sender name, speaks for the company', () => {
    expect(buildIntroduction({ ...S, senderName: '' }, 'fr').elements.activity).toMatch(/^Je vous contacte au nom de Paie Facile SAS\./);
    expect(buildIntroduction({ ...S, senderName: '  ' }, 'en').elements.activity).toMatch(/^I am writing on behalf of Paie Facile SAS\./);
  });

  it('defaults read as placeholders to change in the options', () => {
    expect(DEFAULT_INTRO_SETTINGS).toBe(DEFAULT_INTRO_SETTINGS_BY_LANG.fr);
    expect(DEFAULT_INTRO_SETTINGS.senderName).toBe('');
    expect(DEFAULT_INTRO_SETTINGS.company).toBe('notre société');
    const fr = buildIntroduction(DEFAULT_INTRO_SETTINGS, 'fr');
    expect(fr.intro).toContain('options');
    const en = buildIntroduction({}, 'en');
    expect(en.intro).toContain('our company');
    expect(en.intro).toContain('Prospect Guard options');
    for (const k of INTRO_ELEMENTS) expect(en.elements[k].length).toBeGreaterThan(10);
  });

  it('cleans fields: one line, no double period', () => {
    const r = buildIntroduction({ ...S, activity: 'line one\nline two.', company: '  ACME  ' }, 'fr');
    expect(r.elements.activity).toBe('Je suis Claire Martin, de ACME. Notre activité : line one line two.');
  });

  it('does not throw on junk', () => {
    expect(() => buildIntroduction(null, 'fr')).not.toThrow();
    expect(() => buildIntroduction({ activity: 42 as never }, 'xx' as never)).not.toThrow();
    expect(buildIntroduction(undefined, 'xx' as never).elements['future-offers']).toContain('sauf si');
  });
});

describe('unsubscribeLink', () => {
  it.each([
    ['https://acme.fr/stop', 'https://acme.fr/stop'],
    ['http://acme.fr/stop', 'http://acme.fr/stop'],
    ['mailto:stop@acme.fr', 'mailto:stop@acme.fr'],
    ['stop@acme.fr', 'mailto:stop@acme.fr'],
    ['stop@société.fr', 'mailto:stop@xn--socit-esab.fr'],
    ['acme.fr/desinscription', 'https://acme.fr/desinscription'],
    ['', null],
    ['https://', null],
    ['not a link', null],
    ['stop@', null],
    [42, null],
  ])('%j → %j', (input, out) => {
    expect(unsubscribeLink(input)).toBe(out);
  });
});
