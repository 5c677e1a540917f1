import { describe, expect, it } from 'vitest';
import { INTRO_ELEMENTS, buildIntroduction, frenchDe, unsubscribeLink, type IntroSettings } from './intro.js';

const S: IntroSettings = {
  senderName: 'Claire Martin',
  company: 'Paie Facile SAS',
  activity: 'nous éditons un logiciel de paie pour les PME',
  contactSource: "l'annuaire des adhérents de la CCI de Lyon",
  unsubscribe: 'https://paiefacile.fr/desinscription',
};

describe('buildIntroduction', () => {
  it('French: the four elements are present and filled', () => {
    const r = buildIntroduction(S, 'fr');
    expect(Object.keys(r.elements).sort()).toEqual([...INTRO_ELEMENTS].sort());
    expect(r.ready).toBe(true);
    expect(r.missing).toEqual([]);
    for (const id of INTRO_ELEMENTS) expect(r.filled[id]).toBe(true);
    expect(r.elements.activity).toBe('Je suis Claire Martin, de Paie Facile SAS. Notre activité : nous éditons un logiciel de paie pour les PME.');
    expect(r.elements['contact-source']).toBe('Vos coordonnées professionnelles proviennent de l\u2019annuaire des adhérents de la CCI de Lyon.');
    expect(r.elements['future-offers']).toContain('sauf si vous vous y opposez');
    expect(r.intro).toContain('nous éditons un logiciel de paie pour les PME');
    expect(r.intro).toContain('à l\u2019avenir');
    expect(r.intro).not.toContain('https://');
    expect(r.unsubscribe).toBe('Pour vous y opposer et ne plus recevoir nos messages : https://paiefacile.fr/desinscription');
    expect(r.elements.unsubscribe).toBe(r.unsubscribe);
  });

  it('English: the four elements are present', () => {
    const r = buildIntroduction({ ...S, activity: 'we make payroll software for SMEs', contactSource: 'your company website' }, 'en');
    expect(r.elements.activity).toBe('I am Claire Martin, from Paie Facile SAS. Our business: we make payroll software for SMEs.');
    expect(r.elements['contact-source']).toBe('Your business contact details come from your company website.');
    expect(r.intro).toContain('in the future, unless you object');
    expect(r.unsubscribe).toContain('https://paiefacile.fr/desinscription');
  });

  it('an email address becomes a mailto: link', () => {
    expect(buildIntroduction({ ...S, unsubscribe: 'stop@paiefacile.fr' }, 'fr').unsubscribe).toContain('mailto:stop@paiefacile.fr');
    expect(buildIntroduction({ ...S, unsubscribe: 'Stop@PaieFacile.fr' }, 'en').unsubscribe).toContain('mailto:stop@paiefacile.fr');
  });

  it('without a link, the way to object is to reply STOP (the element is filled)', () => {
    const r = buildIntroduction({ ...S, unsubscribe: '' }, 'fr');
    expect(r.unsubscribe).toContain('« STOP »');
    expect(r.filled.unsubscribe).toBe(true);
    expect(buildIntroduction({ ...S, unsubscribe: 'not a link' }, 'en').unsubscribe).toContain('"STOP"');
  });

  it('without a sender name, speaks for the company', () => {
    expect(buildIntroduction({ ...S, senderName: '' }, 'fr').elements.activity).toMatch(/^Je vous écris au nom de Paie Facile SAS\./);
    expect(buildIntroduction({ ...S, senderName: '', company: 'Exemple PME' }, 'fr').elements.activity).toMatch(/^Je vous écris au nom d\u2019Exemple PME\./);
    expect(buildIntroduction({ ...S, company: 'Hôtel du Port' }, 'fr').elements.activity).toMatch(/^Je suis Claire Martin \(Hôtel du Port\)\./);
    expect(buildIntroduction({ ...S, senderName: '  ' }, 'en').elements.activity).toMatch(/^I am writing on behalf of Paie Facile SAS\./);
  });

  it('nothing unfinished: until the activity and the contact source are set, no insertable text and no placeholder', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const settings of [{}, null, { activity: 'x' }, { contactSource: 'y' }, { activity: '  ', contactSource: '\n' }]) {
        const r = buildIntroduction(settings, lang);
        expect(r.ready).toBe(false);
        expect(r.intro).toBe('');
        expect(r.missing.length).toBeGreaterThan(0);
        for (const id of r.missing) {
          expect(r.filled[id]).toBe(false);
          expect(r.elements[id]).toBeNull();
        }
        const text = JSON.stringify(r);
        expect(text).not.toMatch(/préciser|to be (described|stated)|options|notre société|our company/);
      }
    }
    expect(buildIntroduction({ activity: 'x' }, 'fr').missing).toEqual(['contact-source']);
    expect(buildIntroduction({ contactSource: 'y' }, 'fr').missing).toEqual(['activity']);
    expect(buildIntroduction({ activity: 'x', contactSource: 'y' }, 'fr').ready).toBe(true);
  });

  it('a private recipient who gave consent gets consumer wording, never "professional details"', () => {
    for (const lang of ['fr', 'en'] as const) {
      const r = buildIntroduction({ ...S, contactSource: '' }, lang, 'consumer');
      expect(r.ready).toBe(true);
      expect(r.intro).not.toMatch(/professionnel|business contact|your work/i);
      expect(r.elements['contact-source']).toMatch(lang === 'fr' ? /accepté de recevoir/ : /agreed to receive/);
    }
  });

  it('cleans fields: one line, no double period', () => {
    const r = buildIntroduction({ ...S, activity: 'line one\nline two.', company: '  ACME  ' }, 'fr');
    expect(r.elements.activity).toBe('Je suis Claire Martin, d\u2019ACME. Notre activité : line one line two.');
    expect(buildIntroduction({ ...S, activity: 'tout pour la paie !' }, 'fr').elements.activity).toMatch(/la paie !$/);
  });

  it('does not throw on junk', () => {
    expect(() => buildIntroduction(null, 'fr')).not.toThrow();
    expect(() => buildIntroduction({ activity: 42 as never }, 'xx' as never)).not.toThrow();
    expect(buildIntroduction(undefined, 'xx' as never).elements['future-offers']).toContain('sauf si');
  });
});

describe('French that reads right whatever the user types', () => {
  it.each([
    ['Exemple PME', 'd\u2019Exemple PME'],
    ['le salon Vivatech 2026', 'du salon Vivatech 2026'],
    ['Le Bon Coin', 'du Bon Coin'],
    ['les Galeries Lafayette', 'des Galeries Lafayette'],
    ['la CCI de Lyon', 'de la CCI de Lyon'],
    ['La Poste', 'de La Poste'],
    ["l'annuaire de la CCI", 'de l\u2019annuaire de la CCI'],
    ['l\u2019annuaire', 'de l\u2019annuaire'],
    ["L'Oréal", 'de L\u2019Oréal'],
    ['un salon professionnel', 'd\u2019un salon professionnel'],
    ['des salons professionnels', 'de salons professionnels'],
    ['Internet', 'd\u2019Internet'],
    ['Yves Rocher', 'd\u2019Yves Rocher'],
    ['LinkedIn', 'de LinkedIn'],
    ['votre site web', 'de votre site web'],
    ['sur LinkedIn', null],
    ['lors du salon Vivatech', null],
    ["d'un annuaire", null],
    ['Hôtel du Port', null],
    ['Hachette', null],
  ])('de + %j → %j', (input, out) => {
    expect(frenchDe(input)).toBe(out);
  });

  it.each([
    ['le salon Vivatech 2026', 'Vos coordonnées professionnelles proviennent du salon Vivatech 2026.'],
    ['sur LinkedIn', 'Nous avons obtenu vos coordonnées professionnelles sur LinkedIn.'],
    ['lors du salon Vivatech', 'Nous avons obtenu vos coordonnées professionnelles lors du salon Vivatech.'],
    ['auprès de la CCI de Lyon', 'Nous avons obtenu vos coordonnées professionnelles auprès de la CCI de Lyon.'],
    ['votre site internet.', 'Vos coordonnées professionnelles proviennent de votre site internet.'],
    ['Hachette Annuaires', 'Source de vos coordonnées professionnelles : Hachette Annuaires.'],
  ])('contact source %j', (source, sentence) => {
    expect(buildIntroduction({ ...S, contactSource: source }, 'fr').elements['contact-source']).toBe(sentence);
  });

  it.each([
    ['on LinkedIn', 'We obtained your business contact details on LinkedIn.'],
    ['at the Vivatech fair', 'We obtained your business contact details at the Vivatech fair.'],
    ['the Vivatech fair', 'Your business contact details come from the Vivatech fair.'],
  ])('English contact source %j', (source, sentence) => {
    expect(buildIntroduction({ ...S, contactSource: source }, 'en').elements['contact-source']).toBe(sentence);
  });

  it('never produces "de" before a vowel, "de le", "de les" or "de :"', () => {
    const companies = ['Exemple PME', 'Acme', 'Le Petit Atelier', 'les Artisans Réunis', 'Orange', 'Ulule', 'Hôtel du Port', 'Éditions Dupont'];
    const sources = ['le salon Vivatech', 'les Échos', 'un annuaire', 'Internet', 'sur LinkedIn', 'l\u2019annuaire de la CCI', 'votre site', 'Apec'];
    for (const company of companies) {
      for (const contactSource of sources) {
        const r = buildIntroduction({ ...S, company, contactSource }, 'fr');
        expect(r.intro, `${company} / ${contactSource}`).not.toMatch(/\bde [haeiouyàâéèêîôûHAEIOUYÀÂÉÈÊÎÔÛ]|\bde (le|les) |\bde :|\bà (le|les) /);
      }
    }
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
