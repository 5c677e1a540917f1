import { describe, expect, it } from 'vitest';
import { sourceRef } from '../citation';
import { INTRO_ELEMENTS } from '../intro';
import { reasonText } from '../reasons';
import { analyzeMessage, decideMessage, requiredElements, scanMessage } from './index';

const PITCH =
  'Bonjour,\n\nJe me permets de vous contacter : nous sommes une agence web spécialisée dans les sites pour artisans. ' +
  'Notre offre de lancement est à 900 € HT. Seriez-vous disponible pour un appel de 15 minutes ?\n\nCordialement,\nJean';

describe('prospecting: decided by cues, explained', () => {
  it('a cold pitch is prospecting; the reason names the cues with their text, in French and English', () => {
    const a = analyzeMessage({ body: PITCH, subject: 'Votre site' }, { audience: 'professional' });
    expect(a.prospecting).toBe(true);
    const ids = a.decidedBy.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['reach-out', 'offer', 'meeting-request', 'element-activity']));
    const r = a.reasons[0]!;
    expect(r.id).toBe('message-prospecting');
    expect(r.detail!.split(',')).toEqual(ids);
    expect(reasonText(r, 'fr')).toMatch(/^Message de prospection commerciale : .*« /);
    expect(reasonText(r, 'en')).toMatch(/^Commercial prospecting message: .*“/);
    for (const e of a.decidedBy) for (const h of e.hits) expect(PITCH.slice(h.start, h.end)).toBe(h.text);
  });

  it('the same pitch inside a reply thread is not prospecting: the thread decides', () => {
    const body = `${PITCH}\n\nLe lun. 9 nov. 2026 à 18:47, Paul <paul@client.fr> a écrit :\n> Pouvez-vous m'envoyer vos tarifs ?`;
    const a = analyzeMessage({ body, subject: 'Re: Tarifs' }, { audience: 'private' });
    expect(a.prospecting).toBe(false);
    expect(a.thread).toBe('reply');
    expect(a.decidedBy[0]!.id).toBe('reply-thread');
    expect(a.missing).toEqual([]);
    expect(reasonText(a.reasons[0]!, 'fr')).toMatch(/^Pas de prospection : réponse dans un fil/);
  });

  it('a forward is not prospecting, whatever it forwards', () => {
    const body = `Pour info.\n\n---------- Forwarded message ---------\n${PITCH}`;
    expect(analyzeMessage({ body, subject: 'Fwd: Votre site' }, { audience: 'professional' })).toMatchObject({ prospecting: false, thread: 'forward' });
    // Outlook's header block: the subject tells a forward from a reply
    const outlook = `Voir ci-dessous.\n\nDe : Jean <jean@agence.fr>\nEnvoyé : lundi\nÀ : Paul\nObjet : Votre site\n\n${PITCH}`;
    expect(analyzeMessage({ body: outlook, subject: 'TR : Votre site' }, { audience: 'professional' }).thread).toBe('forward');
    expect(analyzeMessage({ body: outlook, subject: 'RE : Votre site' }, { audience: 'professional' }).thread).toBe('reply');
  });

  it('a fake "RE:" on a cold pitch: the reply subject weighs, first-contact cues outweigh it', () => {
    const a = analyzeMessage({ body: PITCH, subject: 'RE: notre échange' }, { audience: 'professional' });
    expect(a.prospecting).toBe(true);
    expect(a.score.ordinary).toBeGreaterThan(0);
    const weak = analyzeMessage({ body: 'Notre offre de lancement, à partir de 900 € HT.', subject: 'RE: notre échange' }, { audience: 'professional' });
    expect(weak.prospecting).toBe(false);
  });

  it('the sender\u2019s own quoted message (a follow-up in their own thread) is no reply', () => {
    const body = `${PITCH}\n\nLe mar. 3 nov. 2026 à 10:00, Jean Martin <jean.martin@agence.fr> a écrit :\n> Bonjour, je me permets…`;
    const ctx = { audience: 'professional' as const, self: ['Jean.Martin@agence.fr'], alreadyContacted: true };
    const a = analyzeMessage({ body, subject: 'Re: Votre site' }, ctx);
    expect(a.thread).toBe('own-thread');
    expect(a.prospecting).toBe(true);
    expect(a.firstContact).toBe(false);
    expect(a.required).toEqual(['unsubscribe']);
    expect(a.reasons.map((r) => r.id)).toContain('message-already-contacted');
    // someone else's address: a reply
    expect(analyzeMessage({ body, subject: 'Re: Votre site' }, { ...ctx, self: ['autre@agence.fr'] }).thread).toBe('reply');
  });

  it('invoices, meeting follow-ups and personal messages say why they are not prospecting', () => {
    const inv = analyzeMessage({ body: 'Veuillez trouver ci-joint la facture n° 2026-12, montant 1 200 € TTC, échéance au 30.' }, { audience: 'organization' });
    expect(inv.prospecting).toBe(false);
    expect(inv.decidedBy.map((e) => e.id)).toContain('invoice');
    const none = analyzeMessage({ body: 'On se voit demain à la piscine ?' }, { audience: 'private' });
    expect(none.prospecting).toBe(false);
    expect(none.decidedBy).toEqual([]);
    expect(none.reasons[0]!.id).toBe('message-not-prospecting');
    const weak = analyzeMessage({ body: 'Le prix du pain a encore augmenté.' }, { audience: 'private' });
    expect(weak.prospecting).toBe(false);
    expect(reasonText(weak.reasons[0]!, 'en')).toMatch(/too few commercial cues/);
  });
});

describe('elements required, present and missing', () => {
  it('requiredElements: the four on a first contact with a business, the way to object otherwise', () => {
    expect(requiredElements(true, true, 'professional')).toEqual([...INTRO_ELEMENTS]);
    expect(requiredElements(true, true, 'organization')).toEqual([...INTRO_ELEMENTS]);
    expect(requiredElements(true, true, 'unknown')).toEqual([...INTRO_ELEMENTS]);
    expect(requiredElements(true, false, 'professional')).toEqual(['unsubscribe']);
    expect(requiredElements(true, true, 'private')).toEqual(['unsubscribe']);
    expect(requiredElements(false, true, 'professional')).toEqual([]);
    expect(requiredElements(true, true, 'internal')).toEqual([]);
  });

  it('missing elements each get a reason citing its source', () => {
    const a = analyzeMessage({ body: PITCH }, { audience: 'professional', alreadyContacted: false });
    expect(a.present).toEqual(['activity']);
    expect(a.missing).toEqual(['contact-source', 'future-offers', 'unsubscribe']);
    const missing = a.reasons.filter((r) => r.id === 'message-element-missing');
    expect(missing.map((r) => r.detail)).toEqual(a.missing);
    const contactSource = missing.find((r) => r.detail === 'contact-source')!.source!;
    expect(sourceRef(contactSource, 'fr')).toBe('RGPD art. 14(2)(f), 14(3)(b)');
    expect(sourceRef(contactSource, 'en')).toBe('GDPR art. 14(2)(f), 14(3)(b)');
    expect(missing.find((r) => r.detail === 'unsubscribe')!.source!.ref).toBe('CPCE art. L34-5');
    expect(a.reasons.map((r) => r.id)).toContain('message-first-contact');
  });

  it('a private recipient: consent reason, and only the way to object is owed by the text', () => {
    const a = analyzeMessage({ body: PITCH }, { audience: 'private' });
    expect(a.required).toEqual(['unsubscribe']);
    expect(a.reasons.map((r) => r.id)).toEqual(expect.arrayContaining(['message-consent-required', 'message-history-unknown']));
  });
});

describe('consumer bans (C. conso L223-1 al. 5)', () => {
  const ENERGY = 'Bonjour, profitez de MaPrimeRénov\u2019 pour isoler vos combles : devis gratuit, seriez-vous disponible pour une visite ?';

  it('from the text, for a private recipient of a prospecting message', () => {
    const a = analyzeMessage({ body: ENERGY }, { audience: 'private' });
    expect(a.prospecting).toBe(true);
    expect(a.banned).toEqual(['energy-renovation']);
    const r = a.reasons.find((x) => x.id === 'banned-energy-renovation')!;
    expect(r.source!.ref).toMatch(/^C\. conso L223-1 al\. 5/);
    expect(r.detail).toBe('text');
    expect(reasonText(r, 'fr')).toMatch(/Démarchage interdit .*rénovation énergétique.*sauf contrat en cours.*« /);
    expect(reasonText(r, 'en')).toMatch(/Canvassing banned/);
    expect(a.topics[0]!.hits.length).toBeGreaterThan(0);
  });

  it('from the declared topic alone, or both', () => {
    const body = 'Bonjour, nous proposons un audit gratuit de votre maison. Seriez-vous disponible la semaine prochaine ?';
    const a = analyzeMessage({ body }, { audience: 'private', topic: 'home-adaptation' });
    expect(a.banned).toEqual(['home-adaptation']);
    expect(a.reasons.find((x) => x.id === 'banned-home-adaptation')!.detail).toBe('topic');
    expect(analyzeMessage({ body: ENERGY }, { audience: 'private', topic: 'energy-renovation' }).reasons.find((x) => x.id === 'banned-energy-renovation')!.detail).toBe('text+topic');
  });

  it('not for a business, an internal address, or a message that is not prospecting — the topic is still reported', () => {
    const pro = analyzeMessage({ body: ENERGY }, { audience: 'professional' });
    expect(pro.banned).toEqual([]);
    expect(pro.topics.map((t) => t.id)).toEqual(['energy-renovation']);
    expect(analyzeMessage({ body: ENERGY }, { audience: 'unknown' }).banned).toEqual(['energy-renovation']);
    const reply = analyzeMessage({ body: `${ENERGY}\n\nOn Mon, 9 Nov 2026, A <a@b.fr> wrote:\n> Hello`, subject: 'Re: devis' }, { audience: 'private', topic: 'energy-renovation' });
    expect(reply.banned).toEqual([]);
  });
});

describe('decideMessage is the cheap half', () => {
  it('decides again from the same scan for other recipients, without reading the text', () => {
    const facts = scanMessage({ body: PITCH });
    expect(decideMessage(facts, { audience: 'professional' }).missing).toHaveLength(3);
    expect(decideMessage(facts, { audience: 'private' }).missing).toEqual(['unsubscribe']);
    expect(decideMessage(facts, null as never).required).toEqual([...INTRO_ELEMENTS]); // unknown audience: strictest
  });
});
