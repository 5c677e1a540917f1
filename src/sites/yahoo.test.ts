// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { yahoo } from './yahoo';
import { everySelectorHasASource, fixture } from './site-test-support';

const HTML = fixture('yahoo-compose.html');
beforeEach(() => {
  document.body.innerHTML = HTML;
});

describe('Yahoo Mail', () => {
  it('every selector is data with a named public source; the fixture names its sources', () => {
    everySelectorHasASource(yahoo.selectors);
    for (const s of ['Mailvelope', 'E-anon']) expect(HTML).toContain(s);
  });

  it('its host only', () => {
    expect(yahoo.matches!({ hostname: 'mail.yahoo.com', pathname: '/d/compose/1' })).toBe(true);
    expect(yahoo.matches!({ hostname: 'mail.yahoo.com.example', pathname: '/' })).toBe(false);
  });

  it('reads the pills by their title ("Name <email>" or the address), a complete address being typed, Cc; not an unfinished one', () => {
    const [c, ...rest] = yahoo.findComposes(document);
    expect(rest).toEqual([]);
    expect(c!.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'sophie.leroy@free.fr' },
      { field: 'to', address: 'direction@exemple-sas.fr', pending: true },
      { field: 'cc', address: 'bob@exemple.co.uk', name: 'Bob' },
    ]);
  });

  it('a pill that shows a name and has no address is unreadable', () => {
    document.querySelector('[data-test-id=pill]')!.removeAttribute('title');
    expect(yahoo.findComposes(document)[0]!.readRecipients()).toBeNull();
  });

  it('subject, body, signature, quote, the send button (not Delete), the slot between the headers and the editor', () => {
    const [c] = yahoo.findComposes(document);
    expect(c!.readSubject()).toBe('Rencontre au salon');
    expect(c!.body()!.getAttribute('data-test-id')).toBe('rte');
    expect(c!.signature()!.className).toBe('signature');
    expect(c!.quote!()!.className).toBe('yahoo_quoted');
    expect(c!.sendButton()!.textContent).toBe('Envoyer');
    const slot = c!.overlaySlot()!;
    expect(slot.parent.matches('[data-test-id=compose]')).toBe(true);
    expect((slot.before as HTMLElement).id).toBe('editor-container');
  });

  it('no compose without an editor (the inbox)', () => {
    document.querySelector('#editor-container')!.remove();
    expect(yahoo.findComposes(document)).toEqual([]);
  });
});
