import { describe, expect, it } from 'vitest';
import { checkTemplate, companyFromDomain, LINKEDIN_NOTE_MAX, recipientNames, renderTemplate } from './templates';

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
      'Bonjour Jean Dupont,\n\nJe suis Marie Martin, de Exemple PME : l’aménagement de bureaux. Vos coordonnées proviennent de le salon Bureaux Expo 2026. Désinscription : https://exemple-pme.fr/stop',
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
