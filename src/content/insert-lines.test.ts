// @vitest-environment happy-dom
/**
 * The success check of an insertion: line structure, never squashed text (issue 13: Lexical merged the user's last
 * line with the introduction and a whitespace-free comparison called it a success). And the editor detection.
 */
import { describe, expect, it } from 'vitest';
import { keptLines, readLines } from './insert-common';
import { detectEditor, strategiesFor } from './insert-kind';
import type { ComposeHandle } from '../sites/types';

const el = (html: string) => {
  document.body.innerHTML = `<div id="b" contenteditable="true">${html}</div>`;
  return document.getElementById('b')!;
};

describe('readLines', () => {
  it('reads blocks, <br> lines, blank lines and placeholder <br>s the way a reader sees them', () => {
    expect(readLines(el('<p>Bonjour,</p><p><br></p><p>Texte<br></p>'))).toEqual(['Bonjour,', '', 'Texte']);
    expect(readLines(el('Bonjour,<br><br>Texte&nbsp; suite<br>'))).toEqual(['Bonjour,', '', 'Texte suite']);
    expect(readLines(el('<div>A<br>B<br>C<br></div><div><br></div>'))).toEqual(['A', 'B', 'C', '']);
  });
});

describe('keptLines', () => {
  const user = ['Bonjour Jean,', '', 'Votre atelier pourrait gagner du temps.', 'Bien cordialement,'];
  const intro = ['Je vous contacte.', 'Vos coordonnées viennent de votre site.'];
  const unsub = ['Répondez STOP.'];

  it('accepts the user lines unchanged, in order, with each block as lines of its own (blank lines at the seams free)', () => {
    expect(keptLines(user, ['Bonjour Jean,', '', ...intro, '', 'Votre atelier pourrait gagner du temps.', 'Bien cordialement,', ...unsub], [intro, unsub])).toBe(true);
    expect(keptLines(user, [...intro, 'Bonjour Jean,', '', 'Votre atelier pourrait gagner du temps.', 'Bien cordialement,', '', ...unsub], [intro, unsub])).toBe(true);
    expect(keptLines([], [...intro, ...unsub], [intro, unsub])).toBe(true);
  });

  it('refuses a user line merged with ours (Lexical), a reverted insertion (CKEditor), a split or changed line, a duplicate', () => {
    expect(keptLines(user, ['Bonjour Jean,', '', 'Votre atelier pourrait gagner du temps.Je vous contacte.', intro[1]!, 'Bien cordialement,', ...unsub], [intro, unsub])).toBe(false);
    expect(keptLines(user, user, [intro, unsub])).toBe(false);
    expect(keptLines(user, ['Bonjour', 'Jean,', '', ...intro, 'Votre atelier pourrait gagner du temps.', 'Bien cordialement,', ...unsub], [intro, unsub])).toBe(false);
    expect(keptLines(user, ['Bonjour Jean !', ...intro, '', 'Votre atelier pourrait gagner du temps.', 'Bien cordialement,', ...unsub], [intro, unsub])).toBe(false);
    expect(keptLines(user, [...intro, ...intro, ...user, ...unsub], [intro, unsub])).toBe(false);
    // A blank line of the user's away from the insertion is theirs too.
    expect(keptLines(user, ['Bonjour Jean,', 'Votre atelier pourrait gagner du temps.', 'Bien cordialement,', ...intro, ...unsub], [intro, unsub])).toBe(false);
  });
});

describe('detectEditor', () => {
  it('names the editor from the markers its library writes', () => {
    const cases: Array<[string, string]> = [
      ['<div class="ck ck-content ck-editor__editable" contenteditable="true"></div>', 'ckeditor5'],
      ['<div class="ProseMirror" contenteditable="true"></div>', 'prosemirror'],
      ['<div data-lexical-editor="true" contenteditable="true"></div>', 'lexical'],
      ['<div class="ql-editor" contenteditable="true"></div>', 'quill'],
      ['<div class="msg-form__contenteditable" contenteditable="true"></div>', 'linkedin'],
      ['<div id="rooster-editor" contenteditable="true"></div>', 'roosterjs'],
      ['<div contenteditable="true"></div>', 'plain'],
      ['<textarea></textarea>', 'field'],
    ];
    for (const [html, kind] of cases) {
      document.body.innerHTML = html;
      expect(detectEditor(document.body.firstElementChild as HTMLElement)).toBe(kind);
    }
    document.body.innerHTML = '';
    document.body.id = 'tinymce';
    expect(detectEditor(document.body)).toBe('tinymce');
    document.body.id = '';
    expect(strategiesFor('ckeditor5')[0]).toBe('beforeinput');
    expect(strategiesFor('prosemirror')[0]).toBe('paste');
    expect(strategiesFor('plain')[0]).toBe('exec');
  });
});

describe('an editor that reverts or mangles the edit (its own model wins)', () => {
  const handle = (body: HTMLElement, sig: HTMLElement | null = null): ComposeHandle =>
    ({ signature: () => sig, quote: () => null, body: () => body, root: document.body }) as unknown as ComposeHandle;

  it('reports failure and leaves the body as it was when the editor reverts every edit (CKEditor-like)', async () => {
    const { insertIntroduction } = await import('./insert');
    const ed = el('<p>Bonjour Jean,</p><p>Texte.</p>');
    const original = ed.innerHTML;
    // Re-renders from "its model" a task after any DOM change, as CKEditor 5 does with edits it did not make.
    new MutationObserver(() => setTimeout(() => ed.innerHTML !== original && (ed.innerHTML = original), 0)).observe(ed, { childList: true, subtree: true, characterData: true });
    const out = await insertIntroduction(handle(ed), { intro: 'Je vous contacte.', unsubscribe: 'Répondez STOP.' });
    expect(out).toEqual({ ok: false, reason: 'exec-failed' });
    expect(ed.innerHTML).toBe(original);
  });

  it('reports failure and takes its edit back when the editor merges our first line into the user’s (Lexical-like)', async () => {
    const { insertIntroduction } = await import('./insert');
    const ed = el('<p>Bonjour Jean,</p>');
    const original = ed.innerHTML;
    let merged = false;
    new MutationObserver(() => {
      if (merged || !ed.textContent!.includes('Je vous contacte.')) return;
      merged = true;
      ed.innerHTML = '<p>Bonjour Jean,Je vous contacte.</p>';
    }).observe(ed, { childList: true, subtree: true, characterData: true });
    const out = await insertIntroduction(handle(ed), { intro: 'Je vous contacte.', unsubscribe: '' });
    expect(out.ok).toBe(false);
    expect(readLines(ed)).not.toContain('Bonjour Jean,Je vous contacte.');
    expect(ed.innerHTML === original || readLines(ed).join('|') === 'Bonjour Jean,').toBe(true);
  });

  it('insertLines puts one line at the end of the user part, above the signature', async () => {
    const { insertLines } = await import('./insert');
    const ed = el('<div>Bonjour,</div><div>Texte.</div><div class="sig">-- <br>Marie</div>');
    const h = handle(ed, ed.querySelector<HTMLElement>('.sig'));
    expect(await insertLines(h, 'Pour ne plus recevoir nos messages, répondez STOP.', { at: 'end' })).toMatchObject({ ok: true });
    expect(readLines(ed)).toEqual(['Bonjour,', 'Texte.', 'Pour ne plus recevoir nos messages, répondez STOP.', '--', 'Marie']);
  });
});
