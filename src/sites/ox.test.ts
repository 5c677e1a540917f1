// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ox, oxSite } from './ox';
import { DETECTORS } from './catalogue';
import { detectInPage } from './detect';
import { everySelectorHasASource, fixture } from './site-test-support';

const HTML = fixture('ox-compose.html');

/** TinyMCE's frame: happy-dom loads no frame, so a same-origin document stands in for it. */
function mountFrame(): Document {
  const frame = document.querySelector<HTMLIFrameElement>('.editor iframe')!;
  const doc = document.implementation.createHTMLDocument('');
  doc.body.id = 'tinymce';
  doc.body.innerHTML = (document.querySelector('#ox-tinymce') as HTMLTemplateElement).innerHTML;
  Object.defineProperty(frame, 'contentDocument', { value: doc });
  return doc;
}

beforeEach(() => {
  document.documentElement.innerHTML = HTML.replace(/^[\s\S]*?<html>/, '').replace(/<\/html>[\s\S]*$/, '');
});

describe('Orange Mail / OX App Suite', () => {
  it('every selector is data with a named public source; the fixture names its sources', () => {
    everySelectorHasASource(ox.selectors);
    for (const s of ['appsuite-frontend', 'tokenfield.js', 'mail01.orange.fr']) expect(HTML).toContain(s);
  });

  it('Orange’s hosts', () => {
    for (const hostname of ['mail.orange.fr', 'mail01.orange.fr']) expect(ox.matches!({ hostname, pathname: '/appsuite/' })).toBe(true);
    expect(oxSite.hosts).toEqual(['https://mail.orange.fr/*', 'https://mail01.orange.fr/*']);
  });

  it('reads the tokens by their title, the label as the name, and a complete "Name <email>" typed in Cc', () => {
    const [c, ...rest] = ox.findComposes(document);
    expect(rest).toEqual([]);
    expect(c!.kind).toBe('popup');
    expect(c!.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'luc.petit@orange.fr' },
      { field: 'cc', address: 'achats@acme-industrie.fr', name: 'Service achats', pending: true },
    ]);
  });

  it('a token with a name and no address anywhere is unreadable', () => {
    document.querySelector('.token')!.removeAttribute('title');
    expect(ox.findComposes(document)[0]!.readRecipients()).toBeNull();
  });

  it('TinyMCE body from the parent page, signature, quote, subject, Send (not Save, not Discard), slot above the editor', () => {
    const doc = mountFrame();
    const [c] = ox.findComposes(document);
    expect(c!.body()!.ownerDocument).toBe(doc);
    expect(c!.signature()!.className).toBe('io-ox-signature');
    expect(c!.quote!()!.tagName).toBe('BLOCKQUOTE');
    expect(c!.readSubject()).toBe('Votre demande de devis');
    expect(c!.sendButton()!.getAttribute('data-action')).toBe('send');
    expect((c!.overlaySlot()!.before as HTMLElement).className).toBe('editor');
  });

  it('plain-text mode: textarea.plain-text', () => {
    document.querySelector('.tox')!.remove();
    (document.querySelector('textarea.plain-text') as HTMLElement).style.display = '';
    expect(ox.findComposes(document)[0]!.body()!.className).toBe('plain-text');
  });

  it('a self-hosted App Suite is recognised by its shell', () => {
    expect(detectInPage(DETECTORS, document)).toBe('ox');
    document.body.innerHTML = '<div id="app">Autre</div>';
    expect(detectInPage(DETECTORS, document)).toBeNull();
  });
});
