import { describe, expect, it } from 'vitest';
import { unsubscribeFor, unsubscribeProblem } from './unsubscribe';

describe('unsubscribe methods', () => {
  it('put the recipient’s address in the URL, encoded', () => {
    const u = { method: 'url' as const, url: 'https://exemple-pme.fr/stop?email={email}' };
    expect(unsubscribeFor(u, 'jean+promo@acme.fr')).toBe('https://exemple-pme.fr/stop?email=jean%2Bpromo%40acme.fr');
    expect(unsubscribeFor(u)).toBe('https://exemple-pme.fr/stop');
    expect(unsubscribeFor({ method: 'url', url: 'https://x.fr/stop?email={email}&l=fr' })).toBe('https://x.fr/stop?l=fr');
    expect(unsubscribeFor({ method: 'url', url: 'https://x.fr/stop?l=fr&email={email}' })).toBe('https://x.fr/stop?l=fr');
    expect(unsubscribeFor({ method: 'url', url: 'https://x.fr/stop' }, 'a@b.fr', { addParameter: true })).toBe('https://x.fr/stop?email=a%40b.fr');
    expect(unsubscribeFor({ method: 'url', url: 'https://x.fr/stop' }, 'a@b.fr')).toBe('https://x.fr/stop');
  });

  it('give a mailto with its subject, and nothing for reply STOP', () => {
    expect(unsubscribeFor({ method: 'mailto', mailto: 'stop@x.fr', subject: 'Désinscription' })).toBe('mailto:stop@x.fr?subject=D%C3%A9sinscription');
    expect(unsubscribeFor({ method: 'reply' })).toBeNull();
  });

  it('say what is wrong with what was typed', () => {
    expect(unsubscribeProblem({ method: 'url', url: '' })).toBe('empty');
    expect(unsubscribeProblem({ method: 'url', url: 'exemple.fr/stop' })).toBe('not-a-url');
    expect(unsubscribeProblem({ method: 'url', url: 'http://exemple.fr/stop' })).toBe('not-https');
    expect(unsubscribeProblem({ method: 'url', url: 'javascript:alert(1)' })).toBe('not-a-url');
    expect(unsubscribeProblem({ method: 'url', url: 'https://exemple.fr/stop?e={email}' })).toBeNull();
    expect(unsubscribeProblem({ method: 'mailto', mailto: 'stop' })).toBe('not-an-address');
    expect(unsubscribeProblem({ method: 'mailto', mailto: 'stop@exemple.fr' })).toBeNull();
    expect(unsubscribeProblem({ method: 'reply' })).toBeNull();
  });
});
