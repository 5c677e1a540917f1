// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { URL as NodeURL } from 'node:url';
import { outlook, outlookSite } from './outlook';
import { detectInPage, detectorsOf } from './detect';
import { everySelectorHasASource, fixture } from './site-test-support';

const load = () => {
  document.head.innerHTML = '';
  document.body.innerHTML = fixture('outlook-compose.html');
};

beforeEach(load);

describe('Outlook on the web', () => {
  it('every selector is data with a named public source; the fixture names its sources', () => {
    everySelectorHasASource(outlook.selectors);
    const html = readFileSync(new NodeURL('./fixtures/outlook-compose.html', import.meta.url), 'utf8');
    for (const s of ['Briskine', 'OutlookSendingSafety', 'toggl']) expect(html).toContain(s);
  });

  it('its hosts, the new Microsoft 365 one included', () => {
    for (const hostname of ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft']) {
      expect(outlook.matches!({ hostname, pathname: '/mail/' })).toBe(true);
    }
    expect(outlook.matches!({ hostname: 'outlook.live.com.evil.fr', pathname: '/' })).toBe(false);
    expect(outlookSite.hosts).toContain('https://outlook.cloud.microsoft/*');
  });

  it('finds the docked reply only (not the message read above it), with a stable handle', () => {
    const [c, ...rest] = outlook.findComposes(document);
    expect(rest).toEqual([]);
    expect(c!.root.id).toBe('docking_InitVisiblePart_0');
    expect(outlook.findComposes(document)[0]).toBe(c);
    expect(c!.kind).toBe('inline');
  });

  it('reads chips from the name and the aria-label, "Name <email>" texts, typed text and Cc', () => {
    const [c] = outlook.findComposes(document);
    expect(c!.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'claire.bernard@gmail.com', name: 'Claire Bernard' },
      { field: 'to', address: 'rh@acme-industrie.fr', pending: true },
      { field: 'cc', address: 'compta@acme-industrie.fr' },
    ]);
  });

  it('a chip that shows a name and carries no address is unreadable: the overlay says so', () => {
    const chip = document.querySelector('[aria-label="jean.dupont@acme-industrie.fr"]')!;
    chip.setAttribute('aria-label', 'Jean Dupont');
    expect(outlook.findComposes(document)[0]!.readRecipients()).toBeNull();
  });

  it('a field not focused yet (read-only, no editable well) still gives its chips', () => {
    const well = document.querySelector('#MSG_74cda7ce35c_CC [contenteditable=true]')!;
    well.removeAttribute('contenteditable');
    expect(outlook.findComposes(document)[0]!.readRecipients()!.filter((r) => r.field === 'cc')).toEqual([{ field: 'cc', address: 'compta@acme-industrie.fr' }]);
  });

  it('subject, roosterjs body, signature, quote, editor hint, the one Send button, and the slot above the editor', () => {
    const [c] = outlook.findComposes(document);
    expect(c!.readSubject()).toBe('RE: Demande de présentation');
    expect(c!.body()?.getAttribute('aria-label')).toBe('Corps du message');
    expect(c!.signature()?.id).toBe('Signature');
    expect(c!.quote!()?.id).toBe('appendonsend');
    expect(c!.editorHint!()).toEqual({ kind: 'roosterjs' });
    const send = c!.sendButton()!;
    expect(send.getAttribute('name')).toBe('Send');
    expect(send.classList.contains('fui-SplitButton__menuButton')).toBe(false);
    const slot = c!.overlaySlot()!;
    expect((slot.before as HTMLElement).id).toBe('editorParent_1');
    expect(c!.observeTargets()).toEqual([c!.root]);
  });

  it('without the name=Send attribute, the primary half of the split button, never the menu half', () => {
    document.querySelector('button[name=Send]')!.removeAttribute('name');
    expect(outlook.findComposes(document)[0]!.sendButton()!.id).toBe('splitButton-r3a__primaryActionButton');
  });

  it('the pop-out window is a compose too', () => {
    document.body.innerHTML = `<div data-app-section="Form_Content">${document.querySelector('#docking_InitVisiblePart_0')!.innerHTML}</div>`;
    const [c] = outlook.findComposes(document);
    expect(c!.kind).toBe('fullscreen');
    expect(c!.readRecipients()).toHaveLength(4);
  });

  it('Outlook Web App on a company domain is recognised by its page markers', () => {
    const detectors = detectorsOf([outlookSite]);
    expect(detectInPage(detectors, document)).toBeNull();
    for (const head of ['<link rel="icon" href="https://res.cdn.office.net/owamail/2026/favicon.ico">', '<meta name="cdnUrl" content="https://res.cdn.office.net/owamail/">', '<script src="/owa/resources/owamail/boot.js"></script>']) {
      const page = new DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html');
      expect(detectInPage(detectors, page), head).toBe('outlook');
    }
    // A page that merely links to the Office CDN from its body is not Outlook.
    expect(detectInPage(detectors, new DOMParser().parseFromString('<body><a href="https://res.cdn.office.net/x">x</a></body>', 'text/html'))).toBeNull();
  });
});
