import { describe, expect, it } from 'vitest';
import { checkTemplate, companyFromDomain, LINKEDIN_NOTE_MAX, recipientNames, renderIntroTemplate, renderTemplate, templateFor, templateNoteVariants } from './templates';

describe('templates', () => {
  const T = 'Bonjour {firstName|Madame, Monsieur} {lastName},\n\nJe suis {sender}, de {senderCompany} : {activity}. Vos coordonnées proviennent de {source}. {unsubscribe}';

  it('fill every variable, with fallbacks for what is unknown', () => {
    const full = renderTemplate(T, {
      firstName: 'Jean',
      lastName: 'Dupont',
      sender: 'Marie Martin',
      senderCompany: 'Exemple PME',
      activity: 'l’aménagement de bureaux',
      source: 'le salon Bureaux Expo 2026',
      unsubscribe: 'Désinscription : https://exemple-pme.fr/stop',
    });
    expect(full).toBe(
      'Bonjour Jean Dupont,\n\nJe suis Marie Martin, d’Exemple PME : l’aménagement de bureaux. Vos coordonnées proviennent du salon Bureaux Expo 2026. Désinscription : https://exemple-pme.fr/stop',
    );
    expect(renderTemplate(T, { sender: 'Marie' }).split('\n')[0]).toBe('Bonjour Madame, Monsieur,');
  });

  it('report unknown variables and keep them visible; check lengths', () => {
    const c = checkTemplate('Bonjour {prenom}, {firstName} {company}');
    expect(c.unknown).toEqual([{ name: 'prenom', at: 8 }]);
    expect(c.used).toEqual(['firstName', 'company']);
    expect(renderTemplate('Bonjour {prenom|toi}', {})).toBe('Bonjour {prenom|toi}');
    expect(checkTemplate('x'.repeat(LINKEDIN_NOTE_MAX + 1), { linkedin: true }).tooLongForLinkedIn).toBe(true);
    expect(checkTemplate('x'.repeat(LINKEDIN_NOTE_MAX), { linkedin: true }).tooLongForLinkedIn).toBe(false);
  });

  it('read names from a display name or from the address', () => {
    expect(recipientNames('j.dupont@acme.fr', 'Jean Dupont')).toEqual({ firstName: 'Jean', lastName: 'Dupont' });
    expect(recipientNames('j.dupont@acme.fr', '"Dupont, Jean"')).toEqual({ firstName: 'Jean', lastName: 'Dupont' });
    expect(recipientNames('x@acme.fr', 'DUPONT Jean-Pierre')).toEqual({ firstName: 'Jean-Pierre', lastName: 'Dupont' });
    expect(recipientNames('jean.dupont@acme.fr')).toEqual({ firstName: 'Jean', lastName: 'Dupont' });
    expect(recipientNames('HELENE_MARTIN@acme.fr')).toEqual({ firstName: 'Helene', lastName: 'Martin' });
    expect(recipientNames('contact@acme.fr')).toEqual({});
    expect(recipientNames('jdupont@acme.fr')).toEqual({});
    expect(companyFromDomain('acme-industrie.fr')).toBe('Acme Industrie');
    expect(companyFromDomain(null)).toBeUndefined();
  });
});

describe('template values', () => {
  it('come from the sender’s settings and the recipient', async () => {
    const { templateValues } = await import('./templates');
    expect(
      templateValues({
        sender: { name: 'Marie Martin', company: 'Exemple PME', activity: 'le mobilier' },
        source: 'le salon',
        unsubscribeLine: 'Désinscription : https://x.fr/stop?email=jean.dupont%40acme-industrie.fr',
        recipient: { address: 'jean.dupont@acme-industrie.fr', domain: 'acme-industrie.fr' },
      }),
    ).toEqual({
      sender: 'Marie Martin',
      senderCompany: 'Exemple PME',
      activity: 'le mobilier',
      source: 'le salon',
      unsubscribe: 'Désinscription : https://x.fr/stop?email=jean.dupont%40acme-industrie.fr',
      firstName: 'Jean',
      lastName: 'Dupont',
      company: 'Acme Industrie',
    });
  });
});

describe('template grammar (as src/rules/intro.ts)', () => {
  const r = (t: string, v: Record<string, string>, lang: 'fr' | 'en' = 'fr') => renderTemplate(t, v, lang);
  it('elides and contracts "de" and "à" before a value', () => {
    expect(r('Je travaille chez {senderCompany}, au service de {source}.', { senderCompany: 'Exemple PME', source: 'les Galeries Lafayette' })).toBe(
      'Je travaille chez Exemple PME, au service des Galeries Lafayette.',
    );
    expect(r('Vos coordonnées proviennent de {source}.', { source: 'l’annuaire de la CCI' })).toBe('Vos coordonnées proviennent de l’annuaire de la CCI.');
    expect(r('Vos coordonnées proviennent de {source}.', { source: 'sur LinkedIn' })).toBe('Vos coordonnées proviennent sur LinkedIn.');
    expect(r('Je suis {sender} de {senderCompany}.', { sender: 'Marie', senderCompany: 'Orange Business' })).toBe('Je suis Marie d’Orange Business.');
    expect(r("Je suis Marie d'{senderCompany}.", { senderCompany: 'Exemple PME' })).toBe('Je suis Marie d’Exemple PME.');
    expect(r('Je suis Marie, de {senderCompany}.', { senderCompany: 'Hachette' })).toBe('Je suis Marie, de Hachette.');
    expect(r('Nous nous sommes vus à {source}.', { source: 'le salon Vivatech' })).toBe('Nous nous sommes vus au salon Vivatech.');
    expect(r('Nous nous sommes vus à {source}.', { source: 'les Rencontres RH' })).toBe('Nous nous sommes vus aux Rencontres RH.');
    // English: no French contraction.
    expect(r('Your details come from {source}.', { source: 'le salon' }, 'en')).toBe('Your details come from le salon.');
  });
  it('capitalises a value that starts a sentence, and never doubles a period', () => {
    expect(r('{activity}. Merci.', { activity: 'nous éditons un logiciel de paie.' })).toBe('Nous éditons un logiciel de paie. Merci.');
    expect(r('Bonjour. {activity}', { activity: 'nous éditons…' })).toBe('Bonjour. Nous éditons…');
    expect(r('Notre métier : {activity}.', { activity: 'nous éditons' })).toBe('Notre métier : nous éditons.');
  });
  it('leaves out a name it does not know, without a stray comma or space', () => {
    expect(r('Bonjour {firstName} {lastName},\nMerci.', {})).toBe('Bonjour,\nMerci.');
    expect(r('{firstName}, bonjour.', {})).toBe('Bonjour.');
  });
});

describe('renderIntroTemplate: what the overlay inserts', () => {
  const settings = {
    senderName: 'Marie Martin',
    company: 'Exemple PME',
    activity: 'nous aménageons des bureaux pour les PME',
    contactSource: 'le salon Bureaux Expo 2026',
    unsubscribe: 'https://exemple-pme.fr/stop?email=jean.dupont%40acme-industrie.fr',
  };
  const recipient = { address: 'jean.dupont@acme-industrie.fr', domain: 'acme-industrie.fr' };
  const FULL = {
    lang: 'fr' as const,
    text: 'Bonjour {firstName},\n\nJe suis {sender}, de {senderCompany} : {activity}. Vos coordonnées professionnelles proviennent de {source}. Nous pourrons vous adresser d’autres offres en rapport avec votre activité, sauf si vous vous y opposez.',
  };

  it('fills every variable with the recipient and the sender, and carries the four elements', () => {
    const t = renderIntroTemplate(FULL, { settings, recipient });
    expect(t.ready).toBe(true);
    expect(t.missingVariables).toEqual([]);
    expect(t.completed).toEqual([]);
    expect(t.filled).toEqual({ activity: true, 'contact-source': true, 'future-offers': true, unsubscribe: true });
    expect(t.intro).toBe(
      'Bonjour Jean,\nJe suis Marie Martin, d’Exemple PME : nous aménageons des bureaux pour les PME. Vos coordonnées professionnelles proviennent du salon Bureaux Expo 2026. Nous pourrons vous adresser d’autres offres en rapport avec votre activité, sauf si vous vous y opposez.',
    );
    expect(t.unsubscribe).toBe('Pour vous y opposer et ne plus recevoir nos messages : https://exemple-pme.fr/stop?email=jean.dupont%40acme-industrie.fr');
    expect(t.intro).not.toMatch(/[{}]/);
  });

  it('completes the legal elements a template lacks with the rules’ sentences', () => {
    const t = renderIntroTemplate({ lang: 'fr', text: 'Bonjour {firstName|Madame, Monsieur},\nJe me permets de vous écrire.' }, { settings });
    expect(t.ready).toBe(true);
    expect(t.completed).toEqual(['activity', 'contact-source', 'future-offers']);
    expect(t.intro.split('\n')[0]).toBe('Bonjour Madame, Monsieur,');
    expect(t.intro).toContain('Notre activité : nous aménageons des bureaux pour les PME.');
    expect(t.intro).toContain('proviennent du salon Bureaux Expo 2026.');
    expect(t.intro).toContain('sauf si vous vous y opposez.');
    expect(t.intro).not.toContain('Marie Martin'); // the template speaks for the sender, the rules do not add "Je suis"
  });

  it('carries the unsubscribe line itself when it uses {unsubscribe}', () => {
    const t = renderIntroTemplate({ lang: 'fr', text: `${FULL.text}\n{unsubscribe}` }, { settings, recipient });
    expect(t.ready).toBe(true);
    expect(t.unsubscribe).toBe('');
    expect(t.intro.split('\n').at(-1)).toBe('Pour vous y opposer et ne plus recevoir nos messages : https://exemple-pme.fr/stop?email=jean.dupont%40acme-industrie.fr');
  });

  it('is not ready while the activity or the source is missing: nothing to insert, the setup asks for them', () => {
    const t = renderIntroTemplate(FULL, { settings: { ...settings, activity: '', contactSource: '' }, recipient });
    expect(t.ready).toBe(false);
    expect(t.intro).toBe('');
    expect(t.missing).toEqual(['activity', 'contact-source']);
    expect(t.filled.activity).toBe(false);
    expect(t.filled['contact-source']).toBe(false);
  });

  it('is not ready with an unknown variable, a missing sender name or an unknown company, and says which', () => {
    expect(renderIntroTemplate({ lang: 'fr', text: 'Bonjour {prenom}, {activity}' }, { settings }).missingVariables).toEqual(['{prenom}']);
    const noName = renderIntroTemplate(FULL, { settings: { ...settings, senderName: '' }, recipient });
    expect(noName.ready).toBe(false);
    expect(noName.missingVariables).toEqual(['sender']);
    expect(noName.intro).toBe('');
    // A message to several: no company to name, unless the template gives a fallback.
    expect(renderIntroTemplate({ lang: 'fr', text: 'Chez {company}, {activity}.' }, { settings }).missingVariables).toEqual(['company']);
    expect(renderIntroTemplate({ lang: 'fr', text: 'Chez {company|vous}, {activity}.' }, { settings }).ready).toBe(true);
  });

  it('English templates in English, without French grammar', () => {
    const t = renderIntroTemplate({ lang: 'en', text: 'Hello {firstName|there}, I am {sender} from {senderCompany}. {activity}.' }, { settings: { ...settings, activity: 'we design offices', contactSource: 'the Office Expo fair' } });
    expect(t.ready).toBe(true);
    expect(t.intro.startsWith('Hello there, I am Marie Martin from Exemple PME. We design offices.')).toBe(true);
    expect(t.intro).toContain('Your business contact details come from the Office Expo fair.');
    expect(t.unsubscribe).toMatch(/^To object and stop receiving our messages: https:/);
  });
});

describe('templateNoteVariants: the short LinkedIn note', () => {
  const settings = { senderName: 'Marie', company: 'Exemple PME', activity: 'bureaux pour PME', contactSource: 'LinkedIn', unsubscribe: '' };
  it('renders the short variant, within the limit, or gives nothing', () => {
    const tpl = { lang: 'fr' as const, text: 'x', short: 'Bonjour {firstName|}, je suis {sender} de {senderCompany} ({activity}). Répondez STOP pour ne plus être contacté.' };
    expect(templateNoteVariants(tpl, { settings, recipient: { address: 'jean.dupont@acme.fr' } })).toEqual([
      'Bonjour Jean, je suis Marie d’Exemple PME (bureaux pour PME). Répondez STOP pour ne plus être contacté.',
    ]);
    expect(templateNoteVariants({ ...tpl, short: '' }, { settings })).toEqual([]);
    expect(templateNoteVariants({ ...tpl, short: '{activity} '.repeat(40) }, { settings })).toEqual([]);
    expect(templateNoteVariants(tpl, { settings: { ...settings, senderName: '' } })).toEqual([]);
  });
  it('the template for a language is the first one in it', () => {
    const list = [{ id: 'a', lang: 'en' }, { id: 'b', lang: 'fr' }, { id: 'c', lang: 'fr' }];
    expect(templateFor(list, 'fr')?.id).toBe('b');
    expect(templateFor(list, 'en')?.id).toBe('a');
    expect(templateFor([], 'fr')).toBeNull();
  });
});

describe('the inserted block', () => {
  it('keeps the template’s lines, one per paragraph, without blank lines inside', () => {
    const t = renderIntroTemplate(
      { lang: 'fr', text: 'Bonjour {firstName},\n\n\nJe suis {sender} : {activity}.\n \nVos coordonnées proviennent de {source}.' },
      { settings: { senderName: 'Marie', activity: 'des bureaux', contactSource: 'le salon', unsubscribe: '' }, recipient: { address: 'jean.dupont@acme.fr' } },
    );
    expect(t.intro.split('\n')).toEqual([
      'Bonjour Jean,',
      'Je suis Marie : des bureaux.',
      'Vos coordonnées proviennent du salon.',
      'Nous pourrons vous adresser à l’avenir des offres en rapport avec votre activité professionnelle, sauf si vous vous y opposez.',
    ]);
  });
});
