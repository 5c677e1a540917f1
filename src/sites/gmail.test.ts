// @vitest-environment happy-dom
import { describe, expect, it, beforeEach } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { gmail } from './gmail';
import { adapterFor, ADAPTERS, generic } from './index';

const fixture = (name: string) => readFileSync(new NodeURL(`./fixtures/${name}`, import.meta.url), 'utf8');
const load = (html: string) => {
  document.body.innerHTML = html;
};

// The real 2020 Gmail snapshot lives outside the project (shared reference data); read it only when present.
const SNAPSHOT = fileURLToPath(new NodeURL('../../../shared/fixtures/gmail/gmail-compose-popup-classic-recipients-2020.html', import.meta.url));
const hasSnapshot = existsSync(SNAPSHOT);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('gmail adapter: matching and discovery', () => {
  it('matches mail.google.com only, and adapterFor falls back to the generic adapter', () => {
    expect(gmail.matches!({ hostname: 'mail.google.com', pathname: '/mail/u/0/' })).toBe(true);
    expect(gmail.matches!({ hostname: 'mail.google.com.evil.fr', pathname: '/' })).toBe(false);
    expect(adapterFor({ hostname: 'mail.google.com', pathname: '/mail/u/0/' })).toBe(gmail);
    expect(adapterFor({ hostname: 'webmail.exemple-pme.fr', pathname: '/' })).toBe(generic);
    expect(ADAPTERS.at(-1)).toBe(generic);
  });

  it('every selector is data with a named source', () => {
    for (const [name, spec] of Object.entries(gmail.selectors)) {
      expect(spec.css, name).toBeTruthy();
      expect(spec.source.length, name).toBeGreaterThan(10);
      // Each selector parses (the $f placeholder stands for to/cc/bcc).
      expect(() => document.querySelector(spec.css.split('$f').join('to')), name).not.toThrow();
    }
  });

  it('finds a popup compose rooted at its dialog, with a stable handle', () => {
    load(fixture('gmail-popup-chips.html'));
    const composes = gmail.findComposes(document);
    expect(composes).toHaveLength(1);
    const [c] = composes;
    expect(c.kind).toBe('popup');
    expect(c.root.getAttribute('role')).toBe('dialog');
    expect(gmail.findComposes(document)[0]).toBe(c);
  });

  it('finds several composes at once, in document order, one handle per root', () => {
    load(fixture('gmail-popup-chips.html'));
    const no = document.querySelector('.no')!;
    no.appendChild(no.firstElementChild!.cloneNode(true));
    no.appendChild(no.firstElementChild!.cloneNode(true));
    const composes = gmail.findComposes(document);
    expect(composes).toHaveLength(3);
    expect(new Set(composes.map((c) => c.root)).size).toBe(3);
    // Closing one leaves the others' handles unchanged.
    const [a, , c] = composes;
    no.children[1].remove();
    expect(gmail.findComposes(document)).toEqual([a, c]);
  });

  it('finds an inline reply (.M9 inside .ip.adB inside .AO) and a full-screen compose', () => {
    load(fixture('gmail-inline-reply.html'));
    const [inline] = gmail.findComposes(document);
    expect(inline.kind).toBe('inline');
    expect(inline.root.classList.contains('M9')).toBe(true);
    load(fixture('gmail-fullscreen.html'));
    const [full] = gmail.findComposes(document);
    expect(full.kind).toBe('fullscreen');
    expect(full.readRecipients()).toEqual([{ field: 'to', address: 'a.durand@exemple.fr', name: 'Anne Durand' }]);
  });

  it('finds nothing on a page without compose', () => {
    load('<div class="AO"><div role="main"><table><tr><td>Boîte de réception</td></tr></table></div></div>');
    expect(gmail.findComposes(document)).toEqual([]);
  });
});

describe('gmail adapter: reading a compose', () => {
  it('reads chips per field with names, and a complete address still being typed as pending', () => {
    load(fixture('gmail-popup-chips.html'));
    const [c] = gmail.findComposes(document);
    expect(c.readRecipients()).toEqual([
      { field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'contact@exemple-sarl.fr' },
      { field: 'to', address: 'paul.martin@gmail.com', pending: true },
      { field: 'cc', address: 'claire@exemple-industrie.fr', name: 'Claire Bernard' },
      // "luc@exem" is not a complete address: not reported.
    ]);
  });

  it('reads subject, body, signature, send button and quote', () => {
    load(fixture('gmail-popup-chips.html'));
    const [c] = gmail.findComposes(document);
    expect(c.readSubject()).toBe('Logiciel de gestion de production');
    expect(c.body()?.getAttribute('g_editable')).toBe('true');
    expect(c.signature()?.textContent).toBe('Marie MartinExemple PME');
    expect(c.sendButton()?.textContent).toBe('Envoyer');
    expect(c.quote?.()).toBeNull();
    load(fixture('gmail-inline-reply.html'));
    const [r] = gmail.findComposes(document);
    expect(r.quote?.()?.classList.contains('gmail_quote')).toBe(true);
    expect(r.readSubject()).toBeNull();
    expect(r.readRecipients()).toEqual([{ field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont' }]);
  });

  it('puts the overlay after the subject row (popup) or just above the editor (inline), covering neither', () => {
    load(fixture('gmail-popup-chips.html'));
    const [c] = gmail.findComposes(document);
    const slot = c.overlaySlot()!;
    const host = document.createElement('div');
    slot.parent.insertBefore(host, slot.before);
    expect(host.previousElementSibling?.classList.contains('aoD')).toBe(true);
    expect(c.body()!.contains(host)).toBe(false);
    expect(host.contains(c.sendButton())).toBe(false);
    expect(c.root.contains(host)).toBe(true);
    // The overlay host does not disturb reading.
    expect(c.readRecipients()).toHaveLength(4);

    load(fixture('gmail-inline-reply.html'));
    const [r] = gmail.findComposes(document);
    const s2 = r.overlaySlot()!;
    expect(s2.before).toBe(r.body());
  });

  it('returns null (never throws) when the recipient area is gone, and [] when it is empty', () => {
    load(fixture('gmail-popup-chips.html'));
    const [c] = gmail.findComposes(document);
    for (const chip of document.querySelectorAll('[role=option]')) chip.remove();
    for (const input of document.querySelectorAll<HTMLInputElement>('input[role=combobox]')) input.value = '';
    expect(c.readRecipients()).toEqual([]);
    for (const f of document.querySelectorAll('.anm')) f.remove();
    expect(c.readRecipients()).toBeNull();
    expect(c.readSubject()).toBe('Logiciel de gestion de production');
  });

  it('reads classic (pre-2021) chips: .vR > input[type=hidden] next to textarea.vO[name]', () => {
    load(`<div class="nH Hd" role="dialog"><div class="M9"><form><table class="GS"><tbody>
      <tr class="bzf"><td class="eV"><div class="oj"><div class="wO nr">
        <div class="vR"><span class="vN" email="jean@acme.fr"><div class="vT">Jean</div></span><input type="hidden" name="to" value="Jean Dupont &lt;jean@acme.fr&gt;"></div>
        <div class="vR"><span class="vN" email="rh@acme.fr"><div class="vT">rh@acme.fr</div></span><input type="hidden" name="to" value=""></div>
        <textarea class="vO" name="to">paul@exemple.org, incompl</textarea></div></div></td></tr>
      <tr class="bzf"><td class="eV"><textarea class="vO" name="cc"></textarea></td></tr>
    </tbody></table><input name="subjectbox" value="Devis"></form>
    <table><tr><td class="Ap"><div class="Ar Au"><div class="Am Al editable" g_editable="true" contenteditable="true" role="textbox"><br></div></div></td></tr></table></div></div>`);
    const [c] = gmail.findComposes(document);
    expect(c.kind).toBe('popup');
    expect(c.readRecipients()).toEqual([
      { field: 'to', address: 'jean@acme.fr', name: 'Jean Dupont' },
      { field: 'to', address: 'rh@acme.fr' },
      { field: 'to', address: 'paul@exemple.org', pending: true },
    ]);
  });
});

describe.skipIf(!hasSnapshot)('gmail adapter on the real 2020 compose snapshot (shared reference data)', () => {
  it('finds the compose, its (empty) classic recipient fields, subject, body and send button', () => {
    load(readFileSync(SNAPSHOT, 'utf8'));
    const composes = gmail.findComposes(document);
    expect(composes).toHaveLength(1);
    const [c] = composes;
    expect(c.kind).toBe('popup');
    expect(c.root.getAttribute('role')).toBe('dialog');
    expect(c.readRecipients()).toEqual([]);
    expect(c.readSubject()).toBe('');
    expect(c.body()?.getAttribute('aria-label')).toBe('Message Body');
    expect(c.body()?.isContentEditable).toBe(true);
    expect(c.signature()).toBeNull();
    expect(c.sendButton()?.getAttribute('data-tooltip')).toMatch(/^Send/);
    const slot = c.overlaySlot()!;
    expect(slot.parent.contains(document.querySelector('input[name=subjectbox]'))).toBe(true);
  });

  it('reads what the user types in the classic To textarea, and chips added the classic way', () => {
    load(readFileSync(SNAPSHOT, 'utf8'));
    const [c] = gmail.findComposes(document);
    const to = document.querySelector<HTMLTextAreaElement>('textarea.vO[name=to]')!;
    to.value = 'Jean Dupont <jean.dupont@acme-industrie.fr>';
    expect(c.readRecipients()).toEqual([{ field: 'to', address: 'jean.dupont@acme-industrie.fr', name: 'Jean Dupont', pending: true }]);
    const chip = document.createElement('div');
    chip.className = 'vR';
    chip.innerHTML = '<span class="vN" email="rh@acme.fr">RH</span><input type="hidden" name="to" value="RH &lt;rh@acme.fr&gt;">';
    to.parentElement!.insertBefore(chip, to);
    expect(c.readRecipients()!.map((r) => r.address)).toEqual(['rh@acme.fr', 'jean.dupont@acme-industrie.fr']);
    const cc = document.querySelector<HTMLTextAreaElement>('textarea.vO[name=cc]')!;
    cc.value = 'compta@acme-industrie.fr';
    expect(c.readRecipients()!.at(-1)).toEqual({ field: 'cc', address: 'compta@acme-industrie.fr', pending: true });
  });
});

describe('gmail adapter: chips it cannot read', () => {
  it('a chip whose data-hovercard-id was renamed makes readRecipients null ("cannot read"), never a silent none', () => {
    load(fixture('gmail-popup-chips.html'));
    const [c] = gmail.findComposes(document);
    const before = c.readRecipients()!;
    expect(before.length).toBeGreaterThan(0);
    const chip = document.querySelector('[role=option][data-hovercard-id]')!;
    chip.setAttribute('data-hovercard-email', chip.getAttribute('data-hovercard-id')!);
    chip.removeAttribute('data-hovercard-id');
    expect(c.readRecipients()).toBeNull();
    // An attribute that is no address counts as unread too.
    chip.setAttribute('data-hovercard-id', 'not an address');
    expect(c.readRecipients()).toBeNull();
    chip.setAttribute('data-hovercard-id', 'a@b.xn--p1ai');
    expect(c.readRecipients()!.map((r) => r.address)).toContain('a@b.рф');
  });
});

