/** @jsxImportSource react */
/**
 * The page's own model on the LinkedIn fixture pages (browser tests only): React 19 state behind each composer, as
 * LinkedIn keeps its own. What the tests read:
 *   window.__liModel(i)  → the i-th composer's text as React holds it (lines)
 *   window.__liSent      → what each Send click (or Enter) sent: { i, text, shown }
 *   window.__liReady     → true once every composer is mounted
 * Message editors: React reads the editor on `input` (LinkedIn: execCommand insertText / insertParagraph do reach it,
 * innerHTML does not); Enter without Shift sends ("Press Enter to send" on). In the shadow layout the editor re-creates
 * its paragraphs when it gets the focus, like LinkedIn's.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { mountLinkedIn, type LinkedInMode } from '../../src/sites/fixtures/linkedin/linkedin-mount';

declare global {
  interface Window {
    __liModel(i: number): string[];
    __liSent: Array<{ i: number; text: string; shown: string }>;
    __liReady?: boolean;
  }
}

const mode = (document.documentElement.dataset.mode as LinkedInMode) ?? 'light';
const scope = mountLinkedIn(document, mode);
const models: Array<() => string> = [];
window.__liSent = [];
window.__liModel = (i) => (models[i]?.() ?? '').replace(/\n$/, '').split('\n');

const lines = (s: string) => s.replace(/\r\n?/g, '\n');

/** The caret as a character offset in `el` (the user's own click, read before the re-render), or null. */
function offsetIn(el: HTMLElement): number | null {
  const sel = document.getSelection();
  const r0 = sel?.rangeCount ? (sel.getComposedRanges?.({ shadowRoots: [el.getRootNode() as ShadowRoot] })[0] ?? sel.getRangeAt(0)) : null;
  if (!r0 || !el.contains(r0.startContainer)) return null;
  const r = document.createRange();
  r.setStart(el, 0);
  r.setEnd(r0.startContainer, r0.startOffset);
  return r.toString().length;
}

function placeAt(r: Range, el: HTMLElement, offset: number): void {
  const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let acc = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    const len = n.nodeValue?.length ?? 0;
    if (acc + len >= offset) return r.setStart(n, offset - acc);
    acc += len;
  }
  r.setStart(el.lastChild ?? el, 0);
}

function MessageForm({ i }: { i: number }) {
  const [text, setText] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  const pointer = useRef(false);
  const latest = useRef('');
  latest.current = text;
  models[i] = () => latest.current;
  useEffect(() => {
    if (ref.current) ref.current.innerHTML = '<p><br></p>';
  }, []);
  const read = () => setText(lines(ref.current?.innerText ?? ''));
  const send = () => {
    window.__liSent.push({ i, text: latest.current, shown: lines(ref.current?.innerText ?? '') });
    if (ref.current) ref.current.innerHTML = '<p><br></p>';
    setText('');
  };
  return (
    <>
      <div className="msg-form__msg-content-container">
        <div
          ref={ref}
          className="msg-form__contenteditable t-14"
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-label="Rédigez un message…"
          onInput={read}
          onMouseDown={() => {
            pointer.current = true;
          }}
          onFocus={() => {
            // LinkedIn, inside its shadow root, re-creates the editor's structure on focus: same text, new nodes, and the
            // caret at the start — except where the user clicks, which the browser places itself.
            const el = ref.current;
            if (mode !== 'shadow' || !el) return;
            const at = pointer.current ? offsetIn(el) : null;
            pointer.current = false;
            for (const p of Array.from(el.childNodes)) el.replaceChild(p.cloneNode(true), p);
            const sel = document.getSelection()!;
            const r = document.createRange();
            if (at === null) r.setStart(el.firstChild ?? el, 0);
            else placeAt(r, el, at);
            r.collapse(true);
            sel.removeAllRanges();
            sel.addRange(r);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              if (latest.current.trim()) send();
            }
          }}
        />
        <div className="msg-form__placeholder" data-placeholder="Rédigez un message…" hidden={!!text.trim()} />
      </div>
      <footer className="msg-form__footer">
        <button type="submit" className="msg-form__send-button artdeco-button" disabled={!text.trim()} onClick={(e) => (e.preventDefault(), send())}>
          Envoyer
        </button>
      </footer>
    </>
  );
}

function InMailForm({ i }: { i: number }) {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const latest = useRef('');
  latest.current = body;
  models[i] = () => latest.current;
  return (
    <>
      <input className="compose-form__subject-field" name="subject" placeholder="Objet (obligatoire)" type="text" value={subject} onChange={(e) => setSubject(e.target.value)} />
      <textarea className="compose-form__message-field" name="message-body" placeholder="Rédigez votre message…" rows={8} value={body} onChange={(e) => setBody(e.target.value)} />
      <div className="compose-form__actions">
        <button
          type="submit"
          className="artdeco-button artdeco-button--primary"
          disabled={!body.trim() || !subject.trim()}
          onClick={(e) => {
            e.preventDefault();
            window.__liSent.push({ i, text: latest.current, shown: (e.currentTarget.form?.querySelector('textarea')?.value ?? '') });
          }}
        >
          Envoyer
        </button>
      </div>
    </>
  );
}

const NOTE_LIMIT = 200;
function NoteDialog({ i }: { i: number }) {
  const [note, setNote] = useState('');
  const latest = useRef('');
  latest.current = note;
  models[i] = () => latest.current;
  return (
    <>
      <h2 id="send-invite-modal">Ajouter une note à votre invitation</h2>
      <div className="artdeco-modal__content">
        <label htmlFor="custom-message">Personnalisez votre invitation à Henri Petit</label>
        <textarea name="message" id="custom-message" className="connect-button-send-invite__custom-message" rows={5} maxLength={NOTE_LIMIT} value={note} onChange={(e) => setNote(e.target.value)} />
        <div className="t-14 t-black--light" aria-live="polite">{`${note.length}/${NOTE_LIMIT}`}</div>
      </div>
      <div className="artdeco-modal__actionbar">
        <button type="button" className="artdeco-button artdeco-button--secondary">Annuler</button>
        <button
          type="button"
          className="artdeco-button artdeco-button--primary"
          aria-label="Envoyer l’invitation"
          disabled={note.length > NOTE_LIMIT}
          onClick={(e) => window.__liSent.push({ i, text: latest.current, shown: (e.currentTarget.closest('[role=dialog]')?.querySelector('textarea')?.value ?? '') })}
        >
          Envoyer
        </button>
      </div>
    </>
  );
}

let n = 0;
function mount(container: Element, el: ReactElement) {
  container.innerHTML = '';
  createRoot(container).render(el);
}
for (const form of Array.from(scope.querySelectorAll('form[data-fixture-model="message"]'))) mount(form, <MessageForm i={n++} />);
for (const form of Array.from(scope.querySelectorAll('form[data-fixture-model="inmail"]'))) mount(form, <InMailForm i={n++} />);
for (const field of Array.from(scope.querySelectorAll('textarea[data-fixture-model="note"]'))) mount(field.closest('.artdeco-modal')!, <NoteDialog i={n++} />);
const total = n;
const ready = (): void => {
  if (models.length === total && models.every(Boolean)) window.__liReady = true;
  else requestAnimationFrame(ready);
};
ready();
