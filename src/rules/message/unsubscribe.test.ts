import { describe, expect, it } from 'vitest';
import { analyzeMessage } from './index';
import { linkPath } from './means';
import { scanMessage } from './scan';

const unsub = (body: string, links?: { href: string; start: number; end: number }[]) => {
  const f = scanMessage(links ? { body, links } : { body });
  return { hits: f.elements.unsubscribe.map((h) => [h.cue, h.text]), without: f.unsubscribeWithoutMeans.map((h) => h.text) };
};

describe('unsubscribe: present only with its means, and where it is', () => {
  it('a link whose path says it, alone', () => {
    const body = 'Bonjour.\n\nhttps://acme.fr/newsletter/desabonnement?u=1';
    const f = scanMessage({ body });
    expect(f.elements.unsubscribe).toHaveLength(1);
    const h = f.elements.unsubscribe[0]!;
    expect(h.cue).toBe('unsubscribe-link');
    expect(body.slice(h.start, h.end)).toBe('https://acme.fr/newsletter/desabonnement?u=1');
  });

  it('a plain link or an address next to the wording', () => {
    expect(unsub('Pour ne plus recevoir nos messages : https://acme.fr/p/x12.').hits).toEqual([['unsubscribe-link', 'https://acme.fr/p/x12']]);
    expect(unsub('Si vous ne souhaitez plus être contacté, écrivez à jean@acme.fr.').hits).toEqual([['unsubscribe-address', 'jean@acme.fr']]);
    expect(unsub('Pour vous désinscrire, cliquez sur le lien ci-dessous :\n\nwww.acme.fr/m/8841').hits).toEqual([['unsubscribe-link', 'www.acme.fr/m/8841']]);
    expect(unsub('To unsubscribe, email optout@acme.example').hits).toEqual([['unsubscribe-address', 'optout@acme.example']]);
  });

  it('"reply STOP" in French and English', () => {
    expect(unsub('Pour vous y opposer, répondez simplement « STOP » à ce message.').hits).toEqual([['reply-stop', 'répondez simplement « STOP']]);
    expect(unsub('Reply STOP to opt out.').hits).toEqual([['reply-stop', 'Reply STOP']]);
    expect(unsub('Reply STOP to opt out.').without).toEqual([]);
  });

  it('the wording without a means is reported as such, not as present', () => {
    const r = unsub('Pour vous désinscrire, cliquez ici.');
    expect(r.hits).toEqual([]);
    expect(r.without).toEqual(['désinscrire']);
    const a = analyzeMessage({ body: 'Je me permets de vous contacter : notre offre de lancement, une démo de 15 minutes ? Pour vous désinscrire, cliquez ici.' }, { audience: 'professional' });
    expect(a.missing).toContain('unsubscribe');
    expect(a.reasons.map((r) => r.id)).toContain('message-unsubscribe-without-means');
  });

  it('a link the editor holds behind a text ("Se désinscrire") counts, given with its offsets', () => {
    const body = 'Bonjour.\n\nSe désinscrire';
    const start = body.indexOf('Se');
    const r = unsub(body, [{ href: 'https://acme.fr/u?id=3', start, end: body.length }]);
    expect(r.hits).toEqual([['unsubscribe-link', 'Se désinscrire']]);
    const other = unsub('Bonjour.\n\nNotre site', [{ href: 'https://acme.fr/', start: 10, end: 19 }]);
    expect(other.hits).toEqual([]);
  });

  it('a host name that happens to contain the words is not a means; reset or signup links are not either', () => {
    expect(linkPath('https://stop-pub.fr')).toBe('');
    expect(linkPath('https://a.fr/x?y=1')).toBe('/x?y=1');
    expect(unsub('Visitez https://stop-pub.fr et https://app.example/reset?token=1').hits).toEqual([]);
    expect(unsub('Inscrivez-vous : https://facturo.fr/webinaire-2027').hits).toEqual([]);
  });

  it('a means in the quoted thread does not count for the new message', () => {
    const body = 'Regarde cette offre.\n\n-------- Message transféré --------\nPour vous désinscrire : https://x.fr/desinscription';
    expect(unsub(body).hits).toEqual([]);
  });
});
