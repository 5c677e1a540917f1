import { describe, expect, it } from 'vitest';
import { findThreadStart, subjectShape } from './structure';

describe('subjectShape', () => {
  it.each([
    ['Re: Tarifs', 'reply', ['Re']],
    ['RE : Demande de devis', 'reply', ['RE']],
    ['Ré : votre message', 'reply', ['Ré']],
    ['AW: Angebot', 'reply', ['AW']],
    ['Antw: offerte', 'reply', ['Antw']],
    ['TR: Proposition', 'forward', ['TR']],
    ['Tr\u00a0: Proposition', 'forward', ['Tr']],
    ['Fwd: Packages', 'forward', ['Fwd']],
    ['FW: Pricing', 'forward', ['FW']],
    ['WG: Angebot', 'forward', ['WG']],
    ['[EXT] RE: Contrat', 'reply', ['RE']],
    ['Re[2]: point', 'reply', ['Re']],
    ['RE(3): point', 'reply', ['RE']],
    ['Re: Fwd: Offre', 'reply', ['Re', 'Fwd']],
    ['TR: RE: Offre', 'forward', ['TR', 'RE']],
  ])('%s → %s', (subject, kind, prefixes) => {
    expect(subjectShape(subject)).toMatchObject({ kind, prefixes });
  });

  it.each(['Rebooking your demo', 'Regarding: your order', 'Offre : -20 %', 'Réunion: jeudi', 'Trafic: +20 %', '', 'Fwding'])('%s has no prefix', (s) => {
    expect(subjectShape(s)).toBeNull();
  });

  it('gives the offsets of the outermost prefix', () => {
    const s = '  RE : TR: x';
    const r = subjectShape(s)!;
    expect(s.slice(r.start, r.end)).toBe('RE :');
  });
});

describe('findThreadStart', () => {
  const own = 'Bonjour,\n\nVoici les tarifs.\n\nCordialement,\nJean\n\n';
  it.each([
    ['Le lun. 9 nov. 2026 à 18:47, Linh Nguyen <linh.nguyen@gmail.com> a écrit :\n> Bonjour', 'attribution-fr', 'linh.nguyen@gmail.com'],
    ['Le lun. 9 nov. 2026 à 18:47, Linh Nguyen <linh.nguyen@gmail.com> a\nécrit :\n> Bonjour', 'attribution-fr', 'linh.nguyen@gmail.com'],
    ['On Mon, Nov 9, 2026 at 4:15 PM Peter Novak <p.novak@novak-bau.de> wrote:\n> Hi', 'attribution-en', 'p.novak@novak-bau.de'],
    ['Am 09.11.2026 um 16:15 schrieb Klaus Schmidt <k.schmidt@example.de>:\n> Hallo', 'attribution-de', 'k.schmidt@example.de'],
    ['-----Original Message-----\nFrom: A', 'original-message', undefined],
    ["-----Message d'origine-----\nDe : A", 'original-message', undefined],
    ['-----Ursprüngliche Nachricht-----\nVon: A', 'original-message', undefined],
    ['---------- Forwarded message ---------\nFrom: A', 'forward-separator', undefined],
    ['-------- Message transféré --------\nSujet : x', 'forward-separator', undefined],
    ['Begin forwarded message:\n\nFrom: A', 'forward-begin', undefined],
    ['Début du message réexpédié :\n\nDe : A', 'forward-begin', undefined],
    ['De : Sophie Marchand <s.marchand@groupe-ardent.fr>\nEnvoyé : mardi 14 octobre 2026 09:42\nÀ : Julien\nObjet : Tarifs', 'header-block', 's.marchand@groupe-ardent.fr'],
    ['From: Rebecca Moore <rebecca.moore@cloudsuite.example>\nSent: Friday\nTo: Alan\nSubject: x', 'header-block', 'rebecca.moore@cloudsuite.example'],
    ['> Bonjour,\n> merci', 'quote-lines', undefined],
  ])('finds %j', (thread, marker, author) => {
    const r = findThreadStart(own + thread)!;
    expect(r).not.toBeNull();
    expect(r.marker).toBe(marker);
    expect(r.start).toBe(own.length);
    expect(r.author).toBe(author);
  });

  it.each([
    'Le produit a été livré.\nDe plus : tout va bien.',
    'On se voit demain ?\nAm Montag geht es nicht.',
    'Les tarifs — voir ci-dessous.\n-- \nJean Dupont',
    'From our side: all good.\nTo be confirmed.',
    'Le client a écrit un avis très positif sur notre produit, merci à tous.',
  ])('finds nothing in %j', (body) => {
    expect(findThreadStart(body)).toBeNull();
  });

  it('takes a single quoted line at the end as a quote', () => {
    expect(findThreadStart('Oui.\n> Êtes-vous dispo ?')).toMatchObject({ marker: 'quote-lines', start: 5 });
  });
});
