// @vitest-environment happy-dom
import { markOwn } from '../content/own-ui';
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { URL as NodeURL } from 'node:url';
import { generic } from './generic';

const fixture = (name: string) => readFileSync(new NodeURL(`./fixtures/${name}`, import.meta.url), 'utf8');
const load = (html: string) => {
  document.body.innerHTML = html;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('generic adapter on pages it has never seen', () => {
  it('every selector is data with a named source', () => {
    for (const [name, spec] of Object.entries(generic.selectors)) {
      expect(spec.source.length, name).toBeGreaterThan(10);
      expect(() => document.querySelector(spec.css), name).not.toThrow();
    }
  });

  it('textarea-based (Zimbra-like, no form, no labels): ids, text-only bubbles, plain-text body', () => {
    load(fixture('generic-zimbra-plain.html'));
    expect(generic.findComposes(document).length).toBeGreaterThan(0);
    const composes = generic.findComposes(document);
    expect(composes).toHaveLength(1);
    const [c] = composes;
    expect(c.root.id).toBe('zv__COMPOSE-1');
    expect(c.kind).toBe('page');
    expect(c.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'marie.curie@laposte.net' },
      { field: 'to', address: 'paul@exemple.org' },
      { field: 'cc', address: 'compta@acme-industrie.fr' },
      { field: 'cc', address: 'luc.petit@orange.fr', name: 'Luc Petit' },
    ]);
    expect(c.readSubject()).toBe('Votre demande de devis');
    expect(c.body()?.id).toBe('ZmHtmlEditor1_body');
    expect(c.signature()).toBeNull();
    expect(c.sendButton()?.id).toBe('zb__COMPOSE-1__SEND_title');
    const slot = c.overlaySlot()!;
    expect(slot.before).toBe(c.body()!.parentElement);
  });

  it('contenteditable + chips (Yahoo-like): title-carrying pills, pending typed address, signature', () => {
    load(fixture('generic-yahoo-like.html'));
    const [c] = generic.findComposes(document);
    expect(c.root.getAttribute('data-test-id')).toBe('compose');
    expect(c.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'direction@exemple-sas.fr' },
      { field: 'to', address: 'sophie.leroy@free.fr', pending: true },
      { field: 'cc', address: 'bob@exemple.co.uk', name: 'Bob' },
    ]);
    expect(c.readSubject()).toBe('Rencontre au salon');
    expect(c.body()?.getAttribute('data-test-id')).toBe('rte');
    expect(c.signature()?.textContent).toBe('Marie');
    expect(c.sendButton()?.getAttribute('data-test-id')).toBe('compose-send-button');
    const slot = c.overlaySlot()!;
    expect(slot.before).toBe(document.getElementById('editor-container'));
  });

  it('Roundcube-like: ul.recipient-input li.recipient[title], hidden synced textarea, From <select> ignored', () => {
    load(fixture('generic-roundcube-like.html'));
    const [c] = generic.findComposes(document);
    expect(c.root.tagName).toBe('FORM');
    expect(c.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'rh@exemple-sa.fr' },
      { field: 'to', address: 'nadia@wanadoo.fr', pending: true },
    ]);
    expect(c.readSubject()).toBe('Proposition de partenariat');
    expect(c.body()?.id).toBe('composebody');
    expect(c.sendButton()?.classList.contains('send')).toBe(true);
    // Removing a chip the Roundcube way (title + textarea both updated) is seen.
    document.querySelector('li.recipient')!.remove();
    document.querySelector<HTMLTextAreaElement>('#_to')!.value = 'rh@exemple-sa.fr';
    expect(c.readRecipients()!.map((r) => r.address)).toEqual(['rh@exemple-sa.fr', 'nadia@wanadoo.fr']);
  });

  it('OX-like (Orange): .token[title], fields named only by their wrapper, no form', () => {
    load(fixture('generic-ox-like.html'));
    const [c] = generic.findComposes(document);
    expect(c.root.classList.contains('window-body')).toBe(true);
    expect(c.readRecipients()).toEqual([
      { field: 'to', address: 'emilie.roux@acme-industrie.fr', name: 'Émilie Roux' },
      { field: 'to', address: 'accueil@mairie-exemple.fr' },
      { field: 'bcc', address: 'archive@exemple-pme.fr' },
      { field: 'bcc', address: 'chef@exemple-pme.fr', name: 'Chef', pending: true },
    ]);
    expect(c.readSubject()).toBe('Présentation');
    expect(c.body()?.getAttribute('role')).toBe('textbox');
    expect(c.sendButton()?.textContent).toBe('Envoyer');
  });

  it('does not see a compose where there is none (search box, reading pane, note textarea)', () => {
    load(fixture('generic-no-compose.html'));
    expect(generic.findComposes(document)).toEqual([]);
    expect(generic.findComposes(document)).toEqual([]);
  });

  it('needs both a recipient field and an editor', () => {
    load('<form><label for="t">À</label><input id="t" name="to" value="a@b.fr"><input name="subject"></form>');
    expect(generic.findComposes(document)).toEqual([]);
    load('<form><textarea name="message" rows="8"></textarea><input name="subject"></form>');
    expect(generic.findComposes(document)).toEqual([]);
  });

  it('i18n labels: "À", "Cc", "Cci", "An", "Para" via <label for>, aria-label, placeholder or the cell before', () => {
    load(`<form>
      <table><tr><td>À :</td><td><input id="x1" value="a@exemple.fr"></td></tr>
      <tr><td><label for="x2">Cc</label></td><td><input id="x2" value="b@exemple.fr"></td></tr>
      <tr><td></td><td><input aria-label="Cci" value="c@exemple.fr"></td></tr></table>
      <input placeholder="Objet" value="Bonjour">
      <div contenteditable="true" role="textbox" aria-multiline="true"><p>x</p></div></form>
      <form><input aria-label="An" value="d@exemple.de"><input placeholder="Para" value="e@exemple.es">
      <textarea rows="6"></textarea></form>`);
    const composes = generic.findComposes(document);
    expect(composes).toHaveLength(2);
    expect(composes[0].readRecipients()).toEqual([
      { field: 'to', address: 'a@exemple.fr' },
      { field: 'cc', address: 'b@exemple.fr' },
      { field: 'bcc', address: 'c@exemple.fr' },
    ]);
    expect(composes[0].readSubject()).toBe('Bonjour');
    expect(composes[1].readRecipients()!.map((r) => r.address)).toEqual(['d@exemple.de', 'e@exemple.es']);
  });

  it('an input[type=email] is a recipient field unless labelled as the sender / reply-to', () => {
    load(`<form><input type="email" name="reply_to" value="moi@exemple-pme.fr"><input type="email" value="client@acme.fr">
      <textarea name="body" rows="5"></textarea></form>`);
    const [c] = generic.findComposes(document);
    expect(c.readRecipients()).toEqual([{ field: 'to', address: 'client@acme.fr' }]);
  });

  it('two composes on one page: two stable handles; null when the recipient fields disappear', () => {
    load(fixture('generic-roundcube-like.html') + fixture('generic-yahoo-like.html'));
    const composes = generic.findComposes(document);
    expect(composes).toHaveLength(2);
    expect(generic.findComposes(document)).toEqual(composes);
    const yahoo = composes[1];
    for (const el of document.querySelectorAll('[data-test-id^=container-]')) el.remove();
    expect(yahoo.readRecipients()).toBeNull();
    expect(generic.findComposes(document)).toEqual([composes[0]]);
  });

  it('contenteditable recipient fields (OWA-like): chips whose aria-label is the address', () => {
    // Imitates Briskine outlook.js (2026-03): To/Cc are [contenteditable]:not([aria-multiline=true]) in a
    // [role=group] whose id ends in _TO / _CC; chips carry the address in aria-label; the body is
    // div[role=textbox][aria-multiline=true][contenteditable].
    load(`<div id="docking_InitVisiblePart_0">
      <div role="group" id="x_TO"><div contenteditable="true" aria-label="À"><span class="_EType_RECIPIENT_ENTITY" aria-label="jean.dupont@acme-industrie.fr"><span class="textContainer-1">Jean Dupont</span></span></div></div>
      <div role="group" id="x_CC"><div contenteditable="true" aria-label="Cc"><span class="_EType_RECIPIENT_ENTITY" aria-label="rh@acme-industrie.fr">RH</span></div></div>
      <input type="text" aria-label="Ajouter un objet" value="Rendez-vous">
      <div id="editorParent_1"><div contenteditable="true" role="textbox" aria-multiline="true" aria-label="Corps du message"><div>Bonjour</div></div></div>
      <button aria-label="Envoyer">Envoyer</button></div>`);
    const [c] = generic.findComposes(document);
    expect(c.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'cc', address: 'rh@acme-industrie.fr', name: 'RH' },
    ]);
    expect(c.readSubject()).toBe('Rendez-vous');
    expect(c.body()?.getAttribute('aria-multiline')).toBe('true');
    expect(c.sendButton()?.textContent).toBe('Envoyer');
  });

  it('ignores the extension overlay inside the compose', () => {
    load(fixture('generic-yahoo-like.html'));
    const [c] = generic.findComposes(document);
    const slot = c.overlaySlot()!;
    const host = document.createElement('div');
    markOwn(host);
    host.innerHTML = '<input value="intrus@exemple.fr" aria-label="À"><span title="x@exemple.fr">x</span>';
    slot.parent.insertBefore(host, slot.before);
    expect(c.readRecipients()).toHaveLength(4);
    expect(c.body()?.getAttribute('data-test-id')).toBe('rte');
  });

  it('scans in linear time: the number of document-wide queries does not grow with the number of labelled inputs', () => {
    const page = (n: number) => {
      let rows = '';
      for (let i = 0; i < n; i++) rows += `<div><label for="c${i}">Téléphone ${i}</label><input id="c${i}" name="tel-${i}"></div>`;
      return `<aside><form class="carnet">${rows}</form></aside>${fixture('generic-roundcube-like.html')}`;
    };
    const queriesFor = (n: number) => {
      load(page(n));
      const original = Document.prototype.querySelectorAll;
      let calls = 0;
      Document.prototype.querySelectorAll = function (this: Document, css: string) {
        calls++;
        return original.call(this, css);
      } as typeof original;
      try {
        const composes = generic.findComposes(document);
        expect(composes).toHaveLength(1);
        composes[0].readRecipients();
      } finally {
        Document.prototype.querySelectorAll = original;
      }
      return calls;
    };
    const small = queriesFor(20);
    const large = queriesFor(400);
    // The old scan ran one document-wide label[for] query per control (here 400 more).
    expect(large).toBe(small);
  });

  it('a chip whose address attribute was renamed: readRecipients is null ("cannot read"), never a silent none', () => {
    load(fixture('generic-yahoo-like.html'));
    const [c] = generic.findComposes(document);
    expect(c.readRecipients()).toHaveLength(4);
    // The site renames the attribute that carried the address; the chip now only shows a name.
    const pill = document.querySelector('[data-test-id=pill][title="jean.dupont@acme-industrie.fr"]')!;
    pill.setAttribute('data-tooltip-text', 'Jean Dupont');
    pill.removeAttribute('title');
    expect(c.readRecipients()).toBeNull();
    // A chip that shows its address in its text is read.
    pill.querySelector('.pill-content')!.textContent = 'jean.dupont@acme-industrie.fr';
    expect(c.readRecipients()!.map((r) => r.address)).toContain('jean.dupont@acme-industrie.fr');
  });

  it('Roundcube-like chips without title are still read from their text; a name-only chip is not', () => {
    load(fixture('generic-roundcube-like.html'));
    const [c] = generic.findComposes(document);
    const li = document.querySelector('li.recipient')!;
    li.removeAttribute('title');
    expect(c.readRecipients()!.map((r) => r.address)).toContain('jean.dupont@acme-industrie.fr');
    li.querySelector('.email')!.remove();
    document.querySelector<HTMLTextAreaElement>('#_to')!.value = '';
    expect(c.readRecipients()).toBeNull();
  });

  it('the overlay goes above the editor’s own toolbar, never between the toolbar and the body', () => {
    load(`<form>
      <div class="ligne"><span id="l-to">À</span><div class="dest"><span class="puce" data-email="a@acme.fr">a@acme.fr<button aria-label="Retirer">×</button></span><input aria-labelledby="l-to"></div></div>
      <div class="ligne"><label for="objet">Objet</label><input id="objet"></div>
      <div class="barre-outils" role="toolbar"><b>G</b><i>I</i></div>
      <div class="zone-texte" contenteditable="true" aria-label="Message"><p>Bonjour</p></div>
      <div class="actions"><button type="submit">Envoyer</button></div></form>`);
    const [c] = generic.findComposes(document);
    const slot = c.overlaySlot()!;
    expect((slot.before as Element).className).toBe('barre-outils');
    expect(c.readRecipients()).toEqual([{ field: 'to', address: 'a@acme.fr' }]);
  });
});
