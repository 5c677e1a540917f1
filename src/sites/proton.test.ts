// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { proton } from './proton';
import { everySelectorHasASource, fixture } from './site-test-support';

const HTML = fixture('proton-compose.html');

/**
 * Proton writes the editor into its blank sandboxed frame from the parent page (document.write); happy-dom loads no
 * frame, so a same-origin document stands in for the frame's (the browser scenario uses the real frame).
 */
function mountFrame(): Document {
  const frame = document.querySelector<HTMLIFrameElement>('iframe[data-testid="rooster-iframe"]')!;
  const doc = document.implementation.createHTMLDocument('');
  doc.body.innerHTML = (document.querySelector('#rooster-content') as HTMLTemplateElement).innerHTML;
  Object.defineProperty(frame, 'contentDocument', { value: doc });
  return doc;
}

beforeEach(() => {
  document.body.innerHTML = HTML;
});

describe('Proton Mail', () => {
  it('every selector is data with a named public source; the fixture names its sources', () => {
    everySelectorHasASource(proton.selectors);
    for (const s of ['WebClients', 'getComposerIframeSandbox.ts', 'AddressesRecipientItem.tsx']) expect(HTML).toContain(s);
  });

  it('reads the chips ("Name <email>" label, or the address from the remove button), the address being typed in Cc', () => {
    mountFrame();
    const [c, ...rest] = proton.findComposes(document);
    expect(rest).toEqual([]);
    expect(c!.kind).toBe('popup');
    expect(c!.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'luc.petit@orange.fr' },
      { field: 'cc', address: 'rh@acme-industrie.fr' },
      { field: 'cc', address: 'paul@exemple.org', pending: true },
    ]);
  });

  it('the collapsed summary: names it read before are known, an unknown name is unreadable', () => {
    mountFrame();
    const [c] = proton.findComposes(document);
    c!.readRecipients();
    const fields = document.querySelector('.composer-addresses')!;
    fields.innerHTML =
      '<div data-testid="composer:address" class="composer-addresses-fakefield"><span class="composer-addresses-fakefield-inner"><span class="text-ellipsis">Jean Dupont</span>, <span class="text-ellipsis">luc.petit@orange.fr</span></span></div>';
    expect(c!.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'luc.petit@orange.fr' },
    ]);
    fields.querySelector('.text-ellipsis')!.textContent = 'Quelqu’un d’autre';
    expect(c!.readRecipients()).toBeNull();
  });

  it('the body is #rooster-editor in the sandboxed frame, reached from the parent page; signature, quote, roosterjs hint', () => {
    const doc = mountFrame();
    const [c] = proton.findComposes(document);
    const body = c!.body()!;
    expect(body.ownerDocument).toBe(doc);
    expect(body.id).toBe('rooster-editor');
    expect(c!.signature()!.className).toBe('protonmail_signature_block');
    expect(c!.quote!()!.className).toBe('protonmail_quote');
    expect(c!.editorHint!()).toEqual({ kind: 'roosterjs' });
    expect(c!.readSubject()).toBe('Votre projet');
    expect(c!.sendButton()!.getAttribute('data-testid')).toBe('composer:send-button');
    // The overlay goes above the editor (and its toolbar), below the fields, in the parent page.
    const slot = c!.overlaySlot()!;
    expect(slot.parent.classList.contains('composer')).toBe(true);
    expect((slot.before as HTMLElement).className).toBe('composer-body-container');
  });

  it('a frame not written yet: no body, nothing thrown; plain-text mode: the textarea', () => {
    const [c] = proton.findComposes(document);
    expect(c!.body()).toBeNull();
    document.querySelector('.editor-wrapper')!.innerHTML = '<textarea data-testid="editor-textarea">Bonjour</textarea>';
    expect(c!.body()!.tagName).toBe('TEXTAREA');
    expect(c!.editorHint!()).toBeNull();
  });
});
