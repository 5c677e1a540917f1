// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { zimbra } from './zimbra';
import { DETECTORS } from './catalogue';
import { detectInPage } from './detect';
import { everySelectorHasASource, fixture } from './site-test-support';

const HTML = fixture('zimbra-compose.html');

/** TinyMCE's frame in HTML mode: happy-dom loads no frame, so a same-origin document stands in for it. */
function mountFrame(): Document {
  const frame = document.querySelector<HTMLIFrameElement>('#ZmHtmlEditor1_body_ifr')!;
  const doc = document.implementation.createHTMLDocument('');
  doc.body.id = 'tinymce';
  doc.body.innerHTML = (document.querySelector('#zimbra-tinymce') as HTMLTemplateElement).innerHTML;
  Object.defineProperty(frame, 'contentDocument', { value: doc });
  return doc;
}

beforeEach(() => {
  document.documentElement.innerHTML = HTML.replace(/^[\s\S]*?<html>/, '').replace(/<\/html>[\s\S]*$/, '');
});

describe('Zimbra', () => {
  it('every selector is data with a named public source; the fixture names its sources', () => {
    everySelectorHasASource(zimbra.selectors);
    for (const s of ['zm-web-client', 'zm-selenium', 'ZmAddressInputField.js']) expect(HTML).toContain(s);
  });

  it('the compose view (not its parts, not the hidden mail list), its bubbles (text only) and a complete address typed in Cc', () => {
    const [c, ...rest] = zimbra.findComposes(document);
    expect(rest).toEqual([]);
    expect(c!.root.id).toBe('zv__COMPOSE-1');
    expect(c!.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'sophie.leroy@free.fr' },
      { field: 'cc', address: 'achats@acme-industrie.fr', pending: true },
    ]);
  });

  it('a bubble that shows only a name (the short-address setting) is unreadable: the overlay says so', () => {
    document.querySelector('.addrBubble')!.textContent = 'Jean Dupont';
    expect(zimbra.findComposes(document)[0]!.readRecipients()).toBeNull();
  });

  it('HTML mode: TinyMCE body from the parent page, signature and quote; the toolbar’s own Send (not Cancel, not Save)', () => {
    const doc = mountFrame();
    const [c] = zimbra.findComposes(document);
    expect(c!.body()!.ownerDocument).toBe(doc);
    expect(c!.signature()!.getAttribute('data-marker')).toBe('__SIG_PRE__');
    expect(c!.quote!()!.getAttribute('data-marker')).toBe('__QUOTED_TEXT__');
    expect(c!.readSubject()).toBe('Suite à notre appel');
    expect(c!.sendButton()!.id).toBe('zb__COMPOSE-1__SEND');
    const slot = c!.overlaySlot()!;
    expect((slot.before as HTMLElement).id).toBe('zv__COMPOSE-1_body');
  });

  it('plain-text mode: the textarea', () => {
    document.querySelector('.mce-tinymce')!.remove();
    (document.querySelector('#ZmHtmlEditor1_body') as HTMLElement).style.display = '';
    const [c] = zimbra.findComposes(document);
    expect(c!.body()!.id).toBe('ZmHtmlEditor1_body');
    expect(c!.signature()).toBeNull();
  });

  it('a Zimbra page on any domain is recognised by its page markers (the message bundles, the views)', () => {
    expect(detectInPage(DETECTORS, document)).toBe('zimbra');
    document.head.innerHTML = '';
    expect(detectInPage(DETECTORS, document)).toBe('zimbra');
    document.body.innerHTML = '<div id="main">Autre webmail</div>';
    expect(detectInPage(DETECTORS, document)).toBeNull();
  });
});
