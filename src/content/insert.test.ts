// @vitest-environment happy-dom
/**
 * happy-dom has no execCommand: these tests exercise the position logic and the one-shot undo through the DOM /
 * setRangeText fallback. The native path (Chromium's editing commands, one Ctrl+Z) is proven in e2e/insert.e2e.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { URL as NodeURL } from 'node:url';
import { insertIntroduction, plainTextBoundary, cancelPendingUndo } from './insert';
import type { ComposeHandle } from '../sites/types';
import { gmail } from '../sites/gmail';
import { generic } from '../sites/generic';
import { trustedEvent } from './test-support';

const TEXTS = {
  intro: 'Je vous contacte pour Exemple PME.\nVos coordonnées viennent du site de votre entreprise.',
  unsubscribe: 'Pour ne plus recevoir nos messages, répondez STOP.',
};
const [INTRO1, INTRO2] = TEXTS.intro.split('\n');
const UNSUB = TEXTS.unsubscribe;

function handleFor(body: HTMLElement | null, extra: Partial<ComposeHandle> = {}): ComposeHandle {
  return {
    root: document.body,
    kind: 'page',
    readRecipients: () => [],
    readSubject: () => null,
    body: () => body,
    signature: () => body?.querySelector<HTMLElement>('.gmail_signature') ?? null,
    quote: () => body?.querySelector<HTMLElement>('.gmail_quote') ?? null,
    sendButton: () => null,
    overlaySlot: () => null,
    observeTargets: () => [],
    ...extra,
  };
}

function editor(html: string): HTMLElement {
  document.body.innerHTML = `<input id="elsewhere"><div id="ed" contenteditable="true">${html}</div>`;
  return document.getElementById('ed')!;
}

function caretAt(node: Node, offset: number) {
  const r = document.createRange();
  r.setStart(node, offset);
  r.collapse(true);
  const s = document.getSelection()!;
  s.removeAllRanges();
  s.addRange(r);
}

/** The lines a reader sees: block elements and <br> break lines. */
function visibleLines(el: HTMLElement): string[] {
  const out: string[] = [];
  let cur = '';
  const BLOCKS = new Set(['DIV', 'P', 'LI', 'BLOCKQUOTE']);
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) cur += c.nodeValue;
      else if ((c as Element).tagName === 'BR') {
        out.push(cur);
        cur = '';
      } else if (BLOCKS.has((c as Element).tagName)) {
        if (cur) out.push(cur);
        cur = '';
        walk(c);
        if (cur) out.push(cur);
        cur = '';
      } else walk(c);
    }
  };
  walk(el);
  if (cur) out.push(cur);
  return out.map((l) => l.trim()).filter(Boolean);
}

/** The same lines with the empty ones kept (a blank line between two paragraphs shows as ''). */
function rawLines(el: HTMLElement): string[] {
  const out: string[] = [];
  let cur = '';
  let open = false;
  const BLOCKS = new Set(['DIV', 'P', 'LI', 'BLOCKQUOTE']);
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) {
        cur += c.nodeValue;
        open = true;
      } else if ((c as Element).tagName === 'BR') {
        out.push(cur);
        cur = '';
        open = false;
      } else if (BLOCKS.has((c as Element).tagName)) {
        if (open) out.push(cur);
        cur = '';
        open = false;
        walk(c);
        if (open) out.push(cur);
        cur = '';
        open = false;
      } else walk(c);
    }
  };
  walk(el);
  if (open) out.push(cur);
  return out.map((l) => l.trim());
}

/** The user's Ctrl+Z (trusted, as the browser marks real key presses); `page` for one a page script sends. */
const ctrlZ = (target: EventTarget, page = false) => {
  const ev = new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: true, bubbles: true, cancelable: true });
  target.dispatchEvent(page ? ev : trustedEvent(ev));
  return ev;
};

const SIGNATURE = '<span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature">Marie Martin<br>Exemple PME</div>';

beforeEach(() => {
  cancelPendingUndo(document);
  document.body.innerHTML = '';
});

describe('insertIntroduction on a contenteditable body (DOM fallback path)', () => {
  it('introduction in the empty line where the caret is; unsubscribe after the user text, above the signature', async () => {
    const ed = editor(`<div>Bonjour Jean,</div><div><br></div><div>Votre atelier pourrait gagner du temps.</div><div><br></div>${SIGNATURE}`);
    caretAt(ed.children[1], 0);
    const out = await insertIntroduction(handleFor(ed), TEXTS);
    expect(out).toEqual({ ok: true, steps: 2, path: 'fallback', strategy: 'dom', editor: 'plain' });
    expect(visibleLines(ed)).toEqual([
      'Bonjour Jean,',
      INTRO1,
      INTRO2,
      'Votre atelier pourrait gagner du temps.',
      UNSUB,
      '--',
      'Marie Martin',
      'Exemple PME',
    ]);
    expect(ed.querySelector('.gmail_signature')!.innerHTML).toBe('Marie Martin<br>Exemple PME');
    // The introduction is a paragraph of its own: a blank line above and below it.
    expect(rawLines(ed).slice(0, 6)).toEqual(['Bonjour Jean,', '', INTRO1, INTRO2, '', 'Votre atelier pourrait gagner du temps.']);
  });

  it('never splits the line the caret is in: mid-line caret ⇒ introduction on the next line', async () => {
    const ed = editor('<div>Bonjour Jean, comment allez-vous ?</div><div>Suite.</div>');
    caretAt(ed.firstChild!.firstChild!, 7);
    expect(await insertIntroduction(handleFor(ed), TEXTS)).toMatchObject({ ok: true });
    expect(visibleLines(ed)).toEqual(['Bonjour Jean, comment allez-vous ?', INTRO1, INTRO2, 'Suite.', UNSUB]);
    expect(rawLines(ed)).toEqual(['Bonjour Jean, comment allez-vous ?', '', INTRO1, INTRO2, '', 'Suite.', UNSUB]);
  });

  it('caret at the start of a line ⇒ introduction just before that line', async () => {
    const ed = editor('<div>Bonjour,</div><div>Suite du message.</div>');
    caretAt(ed.children[1].firstChild!, 0);
    await insertIntroduction(handleFor(ed), TEXTS);
    expect(visibleLines(ed)).toEqual(['Bonjour,', INTRO1, INTRO2, 'Suite du message.', UNSUB]);
  });

  it('no caret in the body (focus elsewhere) ⇒ start of the body', async () => {
    const ed = editor(`<div>Madame,</div><div>Texte.</div>${SIGNATURE}`);
    const other = document.getElementById('elsewhere') as HTMLInputElement;
    other.focus();
    caretAt(document.body, 0);
    await insertIntroduction(handleFor(ed), TEXTS);
    expect(visibleLines(ed)).toEqual([INTRO1, INTRO2, 'Madame,', 'Texte.', UNSUB, '--', 'Marie Martin', 'Exemple PME']);
    expect(rawLines(ed).slice(0, 4)).toEqual([INTRO1, INTRO2, '', 'Madame,']);
  });

  it('caret inside the signature counts as "not in what the user wrote" ⇒ start of the body', async () => {
    const ed = editor(`<div>Madame,</div>${SIGNATURE}`);
    caretAt(ed.querySelector('.gmail_signature')!.firstChild!, 3);
    await insertIntroduction(handleFor(ed), TEXTS);
    expect(visibleLines(ed).slice(0, 4)).toEqual([INTRO1, INTRO2, 'Madame,', UNSUB]);
  });

  it('body holding only the signature: a new line is made above it; Ctrl+Z removes that line too', async () => {
    const ed = editor(SIGNATURE);
    const before = ed.innerHTML;
    expect(await insertIntroduction(handleFor(ed), TEXTS)).toMatchObject({ ok: true });
    expect(visibleLines(ed)).toEqual([INTRO1, INTRO2, UNSUB, '--', 'Marie Martin', 'Exemple PME']);
    expect(ctrlZ(ed).defaultPrevented).toBe(true);
    expect(ed.innerHTML).toBe(before);
  });

  it('unsubscribe line goes above a quoted message when there is no signature', async () => {
    const ed = editor('<div>Merci.</div><div class="gmail_quote">Le jeudi, Jean a écrit :<blockquote>Bonjour</blockquote></div>');
    await insertIntroduction(handleFor(ed), TEXTS);
    expect(visibleLines(ed)).toEqual([INTRO1, INTRO2, 'Merci.', UNSUB, 'Le jeudi, Jean a écrit :', 'Bonjour']);
  });

  it('empty body', async () => {
    const ed = editor('');
    expect(await insertIntroduction(handleFor(ed), TEXTS)).toMatchObject({ ok: true });
    expect(visibleLines(ed)).toEqual([INTRO1, INTRO2, UNSUB]);
  });

  it('one Ctrl+Z restores the body exactly; the handler is one-shot', async () => {
    const ed = editor(`<div>Bonjour,</div><div><br></div>${SIGNATURE}`);
    const before = ed.innerHTML;
    caretAt(ed.children[1], 0);
    await insertIntroduction(handleFor(ed), TEXTS);
    expect(ed.innerHTML).not.toBe(before);
    let inputs = 0;
    ed.addEventListener('input', () => inputs++);
    // A Ctrl+Z a page script sends is not the user's: ignored.
    expect(ctrlZ(ed, true).defaultPrevented).toBe(false);
    expect(ed.innerHTML).not.toBe(before);
    expect(ctrlZ(ed).defaultPrevented).toBe(true);
    expect(ed.innerHTML).toBe(before);
    expect(inputs).toBe(1);
    // A second Ctrl+Z is left to the browser.
    expect(ctrlZ(ed).defaultPrevented).toBe(false);
  });

  it('a content key before Ctrl+Z disarms the handler (the insertion stays); navigation keys do not', async () => {
    const ed = editor('<div>Bonjour,</div>');
    await insertIntroduction(handleFor(ed), TEXTS);
    ed.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    ed.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', bubbles: true }));
    ed.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(ctrlZ(ed).defaultPrevented).toBe(false);
    expect(ed.textContent).toContain(INTRO1);

    await insertIntroduction(handleFor(ed), { intro: 'Autre introduction.', unsubscribe: 'Autre STOP.' });
    ed.dispatchEvent(new Event('input', { bubbles: true }));
    expect(ctrlZ(ed).defaultPrevented).toBe(false);
    expect(ed.textContent).toContain('Autre introduction.');
  });

  it('Ctrl+Z typed in another field is not taken over', async () => {
    const ed = editor('<div>Bonjour,</div>');
    await insertIntroduction(handleFor(ed), TEXTS);
    expect(ctrlZ(document.getElementById('elsewhere')!).defaultPrevented).toBe(false);
    expect(ed.textContent).toContain(INTRO1);
  });

  it('refuses a second insertion, and skips an unsubscribe line already present', async () => {
    const ed = editor('<div>Bonjour,</div>');
    expect(await insertIntroduction(handleFor(ed), TEXTS)).toMatchObject({ ok: true });
    expect(await insertIntroduction(handleFor(ed), TEXTS)).toEqual({ ok: false, reason: 'already-present' });
    const ed2 = editor(`<div>Bonjour,</div><div>${UNSUB}</div>`);
    expect(await insertIntroduction(handleFor(ed2), TEXTS)).toEqual({ ok: true, steps: 1, path: 'fallback', strategy: 'dom', editor: 'plain', unsubscribeSkipped: true });
    expect(ed2.textContent!.split(UNSUB)).toHaveLength(2);
  });

  it('reports no-body, not-editable, and never throws', async () => {
    expect(await insertIntroduction(handleFor(null), TEXTS)).toEqual({ ok: false, reason: 'no-body' });
    document.body.innerHTML = '<div id="ro" contenteditable="false">x</div>';
    expect(await insertIntroduction(handleFor(document.getElementById('ro')), TEXTS)).toEqual({ ok: false, reason: 'not-editable' });
    const broken = handleFor(null, {
      body: () => {
        throw new Error('layout changed');
      },
    });
    expect(await insertIntroduction(broken, TEXTS)).toEqual({ ok: false, reason: 'exec-failed' });
  });

  it('through the Gmail adapter on the hand-made popup fixture', async () => {
    document.body.innerHTML = readFileSync(new NodeURL('../sites/fixtures/gmail-popup-chips.html', import.meta.url), 'utf8');
    const [c] = gmail.findComposes(document);
    const body = c.body()!;
    caretAt(body.children[1], 0); // the empty line after "Bonjour Jean,"
    expect(await insertIntroduction(c, TEXTS)).toMatchObject({ ok: true });
    expect(visibleLines(body)).toEqual([
      'Bonjour Jean,',
      INTRO1,
      INTRO2,
      'Votre atelier pourrait gagner du temps.',
      UNSUB,
      '--',
      'Marie Martin',
      'Exemple PME',
    ]);
  });
});

describe('insertIntroduction on a textarea (setRangeText fallback path)', () => {
  function area(value: string): HTMLTextAreaElement {
    document.body.innerHTML = '<input id="elsewhere"><textarea id="t" rows="10"></textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    t.value = value;
    return t;
  }

  it('caret on an empty line; unsubscribe above the "-- " signature; Ctrl+Z restores', async () => {
    const t = area('Bonjour Paul,\n\nVoici notre proposition.\n\n-- \nMarie');
    t.focus();
    t.setSelectionRange(14, 14);
    let inputs = 0;
    t.addEventListener('input', () => inputs++);
    expect(await insertIntroduction(handleFor(t), TEXTS)).toEqual({ ok: true, steps: 2, path: 'fallback', editor: 'field' });
    // A blank line between the introduction and the user's lines above and below it.
    expect(t.value).toBe(`Bonjour Paul,\n\n${TEXTS.intro}\n\nVoici notre proposition.\n${UNSUB}\n\n-- \nMarie`);
    expect(inputs).toBe(2);
    expect(ctrlZ(t).defaultPrevented).toBe(true);
    expect(t.value).toBe('Bonjour Paul,\n\nVoici notre proposition.\n\n-- \nMarie');
  });

  it('mid-line caret ⇒ after the line; never focused ⇒ start', async () => {
    const t = area('Bonjour Paul,\nSuite.');
    t.focus();
    t.setSelectionRange(3, 3);
    await insertIntroduction(handleFor(t), TEXTS);
    expect(t.value).toBe(`Bonjour Paul,\n\n${TEXTS.intro}\n\nSuite.\n${UNSUB}`);

    const t2 = area('Bonjour Paul,\nSuite.');
    expect(await insertIntroduction(handleFor(t2), TEXTS)).toMatchObject({ ok: true });
    expect(t2.value).toBe(`${TEXTS.intro}\n\nBonjour Paul,\nSuite.\n${UNSUB}`);
  });

  it('reply with a quoted message: unsubscribe above the attribution line', async () => {
    const t = area('Merci Jean.\n\nLe jeu. 27 nov., Jean a écrit :\n> Bonjour\n> Marie');
    await insertIntroduction(handleFor(t), TEXTS);
    expect(t.value).toBe(`${TEXTS.intro}\n\nMerci Jean.\n${UNSUB}\n\nLe jeu. 27 nov., Jean a écrit :\n> Bonjour\n> Marie`);
  });

  it('empty textarea, read-only textarea, already present', async () => {
    const t = area('');
    await insertIntroduction(handleFor(t), TEXTS);
    expect(t.value).toBe(`${TEXTS.intro}\n${UNSUB}`);
    expect(await insertIntroduction(handleFor(t), TEXTS)).toEqual({ ok: false, reason: 'already-present' });
    const ro = area('x');
    ro.readOnly = true;
    expect(await insertIntroduction(handleFor(ro), TEXTS)).toEqual({ ok: false, reason: 'not-editable' });
  });

  it('through the generic adapter on the Roundcube-like fixture (plain-text body)', async () => {
    document.body.innerHTML = readFileSync(new NodeURL('../sites/fixtures/generic-roundcube-like.html', import.meta.url), 'utf8');
    const [c] = generic.findComposes(document);
    expect(await insertIntroduction(c, TEXTS)).toMatchObject({ ok: true });
    expect((c.body() as HTMLTextAreaElement).value).toBe(`${TEXTS.intro}\n\nBonjour,\n${UNSUB}\n\n-- \nMarie Martin`);
  });
});

describe('plainTextBoundary', () => {
  it('finds the signature delimiter, a quoted block with its attribution line, or an "original message" header', async () => {
    expect(plainTextBoundary('a\n-- \nsig')).toBe(2);
    expect(plainTextBoundary('a\n--\nsig')).toBe(2);
    const notSig = 'a\n---- pas une signature\n';
    expect(plainTextBoundary(notSig)).toBe(notSig.length);
    expect(plainTextBoundary('a\nOn Mon, Bob wrote:\n> hi')).toBe(2);
    expect(plainTextBoundary('a\n> hi')).toBe(2);
    expect(plainTextBoundary('a\n-----Message d\'origine-----\nDe : x')).toBe(2);
    expect(plainTextBoundary('texte')).toBe(5);
  });
});
