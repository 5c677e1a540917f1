// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { URL as NodeURL } from 'node:url';
import { caretOffsetIn, cleanPersonName, composerOf, linkedin, noteLimitOf, rangeAt } from './linkedin';
import { mountLinkedIn, type LinkedInMode } from './fixtures/linkedin/linkedin-mount';
import { adapterFor } from './index';
import { isBuiltIn } from '../background/sites';

const fixture = (name: string) => readFileSync(new NodeURL(`./fixtures/linkedin/${name}.html`, import.meta.url), 'utf8');

function load(name: string, mode: LinkedInMode): ParentNode {
  document.body.innerHTML = fixture(name);
  return mountLinkedIn(document, mode);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('linkedin adapter: the contract', () => {
  it('matches www.linkedin.com only', () => {
    expect(linkedin.matches!({ hostname: 'www.linkedin.com', pathname: '/feed/' })).toBe(true);
    expect(linkedin.matches!({ hostname: 'www.linkedin.com.evil.fr', pathname: '/' })).toBe(false);
    expect(linkedin.matches!({ hostname: 'fr.linkedin.example', pathname: '/' })).toBe(false);
    expect(adapterFor({ hostname: 'www.linkedin.com', pathname: '/messaging/' })).toBe(linkedin);
  });

  it('is one of the manifest\'s own content scripts: content/linkedin.js on https://www.linkedin.com/*, with its host permission', () => {
    const manifest = JSON.parse(readFileSync(new NodeURL('../../manifest.json', import.meta.url), 'utf8'));
    expect(manifest.content_scripts).toContainEqual({ matches: ['https://www.linkedin.com/*'], js: ['src/content/entries/linkedin.ts'], run_at: 'document_idle' });
    expect(manifest.host_permissions).toContain('https://www.linkedin.com/*');
    expect(isBuiltIn(manifest, 'https://www.linkedin.com')).toBe(true);
    expect(readFileSync(new NodeURL('../content/entries/linkedin.ts', import.meta.url), 'utf8')).toMatch(/runContentScript\(linkedin\)/);
  });

  it('every selector is data with a named source, and parses', () => {
    for (const [name, spec] of Object.entries(linkedin.selectors)) {
      expect(spec.source.length, name).toBeGreaterThan(10);
      expect(() => document.querySelector(spec.css), name).not.toThrow();
    }
    expect(linkedin.shadowHosts).toBe('#interop-outlet');
  });

  it('names the person in a LinkedIn picture alt or heading', () => {
    expect(cleanPersonName('Henri Petit, #OPEN_TO_WORK')).toBe('Henri Petit');
    expect(cleanPersonName('\n   Léa Martin\n   Statut : en ligne')).toBe('Léa Martin');
    expect(cleanPersonName('View Jean Dupont’s profile')).toBe('Jean Dupont');
  });
});

describe.each(['light', 'shadow'] as const)('linkedin composers in the %s DOM', (mode) => {
  it('two overlay bubbles: each its own compose, the student and the buyer read with their headlines and keys', () => {
    load('bubble', mode);
    // In the shadow layout nothing of the composers is in the document's own tree.
    expect(document.querySelectorAll('form.msg-form')).toHaveLength(mode === 'light' ? 2 : 0);
    const composes = linkedin.findComposes(document);
    expect(composes).toHaveLength(2);
    expect(composes.map(composerOf)).toEqual(['bubble', 'bubble']);
    expect(linkedin.findComposes(document)[0]).toBe(composes[0]);
    expect(composes[0]!.readRecipients()).toEqual([
      {
        field: 'to',
        address: 'linkedin:in/lea-martin-8b2c1',
        name: 'Léa Martin',
        person: { name: 'Léa Martin', headline: 'Étudiante en Master 2 Marketing à l’ESSEC' },
      },
    ]);
    // No profile card: the header's second line.
    expect(composes[1]!.readRecipients()![0]).toMatchObject({ address: 'linkedin:in/marc-leroy', person: { headline: 'Head of Procurement chez Schneider Electric' } });
    const c = composes[0]!;
    expect(c.kind).toBe('popup');
    expect(c.body()?.classList.contains('msg-form__contenteditable')).toBe(true);
    expect(c.editorHint?.()).toEqual({ kind: 'linkedin', strategies: ['exec'] });
    expect(c.sendButton()?.classList.contains('msg-form__send-button')).toBe(true);
    const slot = c.overlaySlot()!;
    expect(slot.before).toBe(c.body()!.closest('form'));
    expect(c.noteLimit).toBeUndefined();
  });

  it('the messaging page: the conversation header and the profile card', () => {
    load('messaging', mode);
    const [c] = linkedin.findComposes(document);
    expect(composerOf(c!)).toBe('page');
    expect(c!.kind).toBe('page');
    expect(c!.readRecipients()).toEqual([
      { field: 'to', address: 'linkedin:in/marc-leroy', name: 'Marc Leroy', person: { name: 'Marc Leroy', headline: 'Head of Procurement chez Schneider Electric' } },
    ]);
  });

  it('the new-message composer: one recipient per pill, never the "Nouveau message" title', () => {
    const scope = load('new-message', mode);
    const [c] = linkedin.findComposes(document);
    expect(composerOf(c!)).toBe('new-message');
    expect(c!.readRecipients()).toEqual([
      {
        field: 'to',
        address: 'linkedin:in/sophie-bernard-3f',
        name: 'Sophie Bernard',
        person: { name: 'Sophie Bernard', headline: 'Directrice des achats chez Decathlon' },
      },
    ]);
    // Two pills: names only (the card is about one person), each keyed by name.
    const list = scope.querySelector('.msg-connections-typeahead__recipient-list')!;
    list.insertAdjacentHTML('beforeend', '<div class="artdeco-pill"><span class="artdeco-pill__text">Paul Girard</span></div>');
    expect(c!.readRecipients()!.map((r) => [r.address, r.person!.headline])).toEqual([
      ['linkedin:name/sophie bernard', ''],
      ['linkedin:name/paul girard', ''],
    ]);
    // No pill yet: no recipient (the overlay says so), not "unreadable".
    list.innerHTML = '';
    expect(c!.readRecipients()).toEqual([]);
    // A pill without a name: the layout changed — unreadable.
    list.innerHTML = '<div class="artdeco-pill"></div>';
    expect(c!.readRecipients()).toBeNull();
  });

  it('Sales Navigator InMail: the lead’s lockup, the subject, the textarea and its submit button', () => {
    load('inmail', mode);
    const [c] = linkedin.findComposes(document);
    expect(composerOf(c!)).toBe('inmail');
    expect(c!.readRecipients()).toEqual([
      {
        field: 'to',
        address: 'linkedin:lead/acwaaab1x2y',
        name: 'Claire Moreau',
        person: { name: 'Claire Moreau', headline: 'Head of Procurement', company: 'Airbus' },
      },
    ]);
    expect(c!.body()?.tagName).toBe('TEXTAREA');
    expect(c!.readSubject()).toBe('');
    expect(c!.sendButton()?.textContent).toBe('Envoyer');
    expect(c!.editorHint?.()).toEqual({ kind: 'field' });
  });

  it('the invitation note: the profile page’s person (with the open-to-work frame), the limit, the Send button', () => {
    const scope = load('note', mode);
    const pic = document.querySelector('img.pv-top-card-profile-picture__image')!;
    pic.setAttribute('alt', 'Henri Petit, #OPEN_TO_WORK');
    const [c] = linkedin.findComposes(document);
    expect(composerOf(c!)).toBe('note');
    expect(c!.readRecipients()).toEqual([
      {
        field: 'to',
        address: 'linkedin:name/henri petit',
        name: 'Henri Petit',
        person: { name: 'Henri Petit', headline: 'Retraité de l’Éducation nationale, passionné d’histoire locale', openToWork: true },
      },
    ]);
    expect(c!.noteLimit!()).toBe(200);
    expect(c!.sendButton()?.getAttribute('aria-label')).toBe('Envoyer l’invitation');
    // The overlay goes above the action bar, never over the buttons.
    expect((c!.overlaySlot()!.before as Element).classList.contains('artdeco-modal__actionbar')).toBe(true);
    expect(scope.querySelectorAll('textarea')).toHaveLength(1);
  });

  it('a compose that closes is no longer found', () => {
    const scope = load('bubble', mode);
    scope.querySelector('.msg-overlay-conversation-bubble')!.remove();
    expect(linkedin.findComposes(document)).toHaveLength(1);
  });
});

describe('the note’s limit', () => {
  const dialog = (inner: string) => {
    document.body.innerHTML = `<div role="dialog">${inner}</div>`;
    return [document.querySelector('[role=dialog]')!, document.querySelector('textarea')] as const;
  };
  it('maxlength, else the count shown, else 200', () => {
    expect(noteLimitOf(...dialog('<textarea maxlength="300"></textarea>'))).toBe(300);
    expect(noteLimitOf(...dialog('<textarea></textarea><span class="t-14 t-black--light">12/300</span>'))).toBe(300);
    expect(noteLimitOf(...dialog('<textarea></textarea><span class="char-count">0 / 200</span>'))).toBe(200);
    expect(noteLimitOf(...dialog('<textarea></textarea><a href="/premium/products/">Premium</a>'))).toBe(200);
    expect(noteLimitOf(...dialog('<textarea></textarea>'))).toBe(200);
  });
});

describe('the caret as a position in the text (LinkedIn re-creates its editor on focus)', () => {
  it('an offset read in one structure finds the same place in a new one', () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><p>Bonjour Jean,</p><p>Suite du message</p></div>';
    const e = document.getElementById('e')!;
    const p2 = e.children[1]!.firstChild!;
    const sel = document.getSelection()!;
    const r = document.createRange();
    r.setStart(p2, 5);
    r.collapse(true);
    sel.removeAllRanges();
    sel.addRange(r);
    const offset = caretOffsetIn(e)!;
    expect(offset).toBe('Bonjour Jean,'.length + 5);
    // The editor re-renders: new nodes, same text.
    e.innerHTML = '<p>Bonjour Jean,</p><p>Suite du message</p>';
    const again = rangeAt(e, offset);
    expect(again.startContainer).toBe(e.children[1]!.firstChild);
    expect(again.startOffset).toBe(5);
    // An empty editor: the end of its last block.
    e.innerHTML = '<p><br></p>';
    expect(rangeAt(e, 0).startContainer).toBe(e.firstElementChild);
  });

  it('no caret outside the body', () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><p>x</p></div><p id="o">ailleurs</p>';
    const r = document.createRange();
    r.setStart(document.getElementById('o')!.firstChild!, 2);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(r);
    expect(caretOffsetIn(document.getElementById('e')!)).toBeNull();
  });
});

