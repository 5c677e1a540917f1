// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { roundcube, roundcubeSite } from './roundcube';
import { detectInPage, detectorsOf } from './detect';
import { DETECTORS } from './catalogue';
import { everySelectorHasASource, fixture } from './site-test-support';

const HTML = fixture('roundcube-compose.html');

beforeEach(() => {
  document.documentElement.innerHTML = HTML.replace(/^[\s\S]*?<html>/, '').replace(/<\/html>[\s\S]*$/, '');
});

/** Roundcube's HTML mode: TinyMCE hides the textarea and edits an iframe#composebody_ifr after it. */
function htmlMode(bodyHtml: string): HTMLIFrameElement {
  const text = document.querySelector<HTMLTextAreaElement>('#composebody')!;
  text.style.display = 'none';
  (document.querySelector('input[name=_is_html]') as HTMLInputElement).value = '1';
  const tox = document.createElement('div');
  tox.className = 'tox tox-tinymce';
  tox.innerHTML = '<div class="tox-editor-container"><div class="tox-toolbar">B I U</div><div class="tox-edit-area"><iframe id="composebody_ifr" title="Zone de texte riche"></iframe></div></div>';
  text.after(tox);
  const frame = tox.querySelector('iframe')!;
  // happy-dom loads no frame: the frame's same-origin document stands in (the live test runs the real TinyMCE frame).
  const doc = document.implementation.createHTMLDocument('');
  Object.defineProperty(frame, 'contentDocument', { value: doc });
  doc.body.id = 'tinymce';
  doc.body.setAttribute('contenteditable', 'true');
  doc.body.innerHTML = bodyHtml;
  return frame;
}

describe('Roundcube (Elastic)', () => {
  it('every selector is data with a named public source; the fixture names its sources', () => {
    everySelectorHasASource(roundcube.selectors);
    for (const s of ['skins/elastic/ui.js recipient_input()', 'compose.html', 'program/js/app.js']) expect(HTML).toContain(s);
  });

  it('one compose, the page kind, a stable handle', () => {
    const [c, ...rest] = roundcube.findComposes(document);
    expect(rest).toEqual([]);
    expect(c!.root.id).toBe('compose-content');
    expect(c!.kind).toBe('page');
    expect(roundcube.findComposes(document)[0]).toBe(c);
  });

  it('reads the chips (title "Name <email>", or the address alone), the address being typed, and Cc', () => {
    expect(roundcube.findComposes(document)[0]!.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'claire.bernard@gmail.com' },
      { field: 'to', address: 'rh@acme-industrie.fr', pending: true },
      { field: 'cc', address: 'compta@acme-industrie.fr' },
    ]);
  });

  it('a chip that shows a name and gives no address is unreadable: the overlay says so', () => {
    const chip = document.querySelector('li.recipient[title]')!;
    chip.removeAttribute('title');
    chip.querySelector('.email')!.textContent = ',';
    expect(roundcube.findComposes(document)[0]!.readRecipients()).toBeNull();
  });

  it('older skins (no chip list): the recipient field as the user typed it', () => {
    for (const ul of document.querySelectorAll('ul.recipient-input')) ul.remove();
    const to = document.querySelector<HTMLTextAreaElement>('#_to')!;
    to.value = 'Jean Dupont <jean.dupont@acme-industrie.fr>; paul@free.fr';
    expect(roundcube.findComposes(document)[0]!.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'paul@free.fr' },
      { field: 'cc', address: 'compta@acme-industrie.fr' },
    ]);
  });

  it('plain-text mode: subject, the textarea body (no signature element), the send button, the slot above the body', () => {
    const [c] = roundcube.findComposes(document);
    expect(c!.readSubject()).toBe('Aménagement de vos bureaux');
    expect(c!.body()!.id).toBe('composebody');
    expect(c!.signature()).toBeNull();
    expect(c!.sendButton()!.textContent).toBe('Envoyer');
    const slot = c!.overlaySlot()!;
    expect((slot.before as HTMLElement).id).toBe('composebodycontainer');
    expect(c!.observeTargets().map((n) => (n as HTMLElement).id)).toEqual(['compose-headers']);
  });

  it('HTML mode: the TinyMCE iframe body, read from the parent page, with the signature and the quote', () => {
    const frame = htmlMode('<p>Bonjour,</p><div id="_rc_sig">Marie Martin</div><blockquote type="cite"><p>Votre message</p></blockquote>');
    const [c] = roundcube.findComposes(document);
    const body = c!.body()!;
    expect(body.ownerDocument).toBe(frame.contentDocument);
    expect(body.id).toBe('tinymce');
    expect(c!.signature()!.id).toBe('_rc_sig');
    expect(c!.quote!()!.tagName).toBe('BLOCKQUOTE');
    // The overlay goes above TinyMCE's toolbar too (the whole body container).
    expect((c!.overlaySlot()!.before as HTMLElement).id).toBe('composebodycontainer');
  });

  it('the mail list (no compose) has none; a page without Roundcube markers is not recognised as Roundcube', () => {
    document.querySelector('#compose-content')!.remove();
    expect(roundcube.findComposes(document)).toEqual([]);
    expect(detectInPage(detectorsOf([roundcubeSite]), document)).toBe('roundcube');
    expect(detectInPage(DETECTORS, document)).toBe('roundcube');
    const other = new DOMParser().parseFromString('<html><head><script src="/js/app.js"></script></head><body><form><input id="user"></form></body></html>', 'text/html');
    expect(detectInPage(DETECTORS, other)).toBeNull();
  });

  it('the login page is recognised too (so the user can enable the domain before logging in)', () => {
    const login = new DOMParser().parseFromString(
      '<html><head><title>Roundcube Webmail :: Bienvenue</title></head><body><form name="login-form"><input name="_user" id="rcmloginuser"><input name="_pass" id="rcmloginpwd" type="password"></form></body></html>',
      'text/html',
    );
    expect(detectInPage(DETECTORS, login)).toBe('roundcube');
  });
});
