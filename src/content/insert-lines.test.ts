// @vitest-environment happy-dom
/**
 * The success check of an insertion: line structure, never squashed text (issue 13: Lexical merged the user's last
 * line with the introduction and a whitespace-free comparison called it a success). And the editor detection.
 */
import { describe, expect, it } from 'vitest';
import { keptLines, readLines } from './insert-common';
import { detectEditor, strategiesFor } from './insert-kind';

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
