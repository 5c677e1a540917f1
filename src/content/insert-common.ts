/**
 * What the insertion modules share: the outcome and options types, the line split, the line structure of a body
 * and the check that an insertion kept every line the user had (in order, unchanged) and added ours as lines of
 * their own, the editor's turn, and the editing-command probes.
 */
import { isTextField } from '../sites/dom-util';

export interface IntroText {
  intro: string;
  unsubscribe: string;
}

export type InsertFailure = 'no-body' | 'not-editable' | 'exec-failed' | 'already-present';

/**
 * What a body is, as far as insertion goes (detected from the DOM by insert-kind.ts, or named by the site file):
 * the input path each one listens to differs.
 */
export type EditorKind =
  | 'field'
  | 'plain'
  | 'tinymce'
  | 'roosterjs'
  | 'quill'
  | 'ckeditor5'
  | 'prosemirror'
  | 'lexical'
  | 'draft'
  | 'slate'
  | 'linkedin';

/**
 * How lines get into a contenteditable body:
 * - `exec`: the browser's editing commands, one `insertText` per line and `insertParagraph` between (plain
 *   contenteditable, TinyMCE, roosterjs, LinkedIn);
 * - `beforeinput`: cancelable `beforeinput` events (`insertReplacementText` with the line, `insertParagraph`) that
 *   editors with their own model handle themselves (CKEditor 5, Lexical, Slate);
 * - `paste`: a `paste` event carrying the lines in a DataTransfer (ProseMirror, Quill 2, Draft.js);
 * - `dom`: text nodes and <br> put in place, then an `input` event (browsers without execCommand).
 */
export type Strategy = 'exec' | 'beforeinput' | 'paste' | 'dom';

export type InsertOutcome =
  | {
      ok: true;
      /** Edits made (commands or events sent): what one Ctrl+Z takes back. */
      steps: number;
      /** True when the unsubscribe line was already in the body and was not added again. */
      unsubscribeSkipped?: boolean;
      /** 'native' when the browser's editing commands did it, 'fallback' for direct DOM / value edits. */
      path?: 'native' | 'fallback';
      /** The input path that worked (contenteditable bodies). */
      strategy?: Strategy;
      /** The editor detected (or named by the site). */
      editor?: EditorKind;
    }
  | { ok: false; reason: InsertFailure };

export interface InsertOptions {
  /**
   * The caret to use when the live selection is no longer in the body (e.g. the user clicked a button
   * elsewhere). By default the last caret seen in an editable element by `watchCaret` is used.
   */
  caret?: Range | null;
  /** Skip execCommand and events: use the DOM / setRangeText path (tests, or browsers without execCommand). */
  forceFallback?: boolean;
  /** The editor, when the caller knows better than the DOM detection (a site file's hook). */
  editor?: EditorKind;
  /** The strategies to try, in order, instead of the editor's usual chain. */
  strategies?: Strategy[];
}

export const fail = (reason: InsertFailure): InsertOutcome => ({ ok: false, reason });

export function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/^\n+|\n+$/g, '').split('\n');
}

/** A line as compared: NBSPs and zero-width characters dropped to spaces, runs of white space as one, trimmed. */
export const cleanLine = (l: string): string => l.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();

const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|CENTER|DD|DETAILS|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TBODY|TD|TFOOT|TH|THEAD|TR|UL)$/;
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/;

/**
 * The lines of a body as a reader sees them, blank ones kept: a text field's value split at newlines; in HTML a
 * <br> ends a line (an empty one too, except the placeholder <br> alone at the end of its block) and a block's edge
 * ends a line that has text or is an empty block. Each line cleaned (cleanLine).
 */
export function readLines(body: HTMLElement): string[] {
  if (isTextField(body)) return body.value.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let cur = '';
  let open = false;
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        if (open || /\S/.test(v.replace(/[\u200b\ufeff]/g, ''))) {
          cur += v;
          open = true;
        }
      } else if (c.nodeType === 1) {
        const tag = (c as Element).tagName.toUpperCase();
        if (SKIP.test(tag)) continue;
        if (tag === 'BR') {
          const last = !c.nextSibling && c.parentNode !== body && BLOCK.test((c.parentNode as Element).tagName.toUpperCase());
          // A block's last <br> after its text is the placeholder that keeps the line visible: no line of its own.
          if (last && open) continue;
          out.push(cur);
          cur = '';
          open = false;
        } else if (BLOCK.test(tag)) {
          if (open) out.push(cur);
          cur = '';
          open = false;
          const before = out.length;
          walk(c);
          if (open) out.push(cur);
          else if (out.length === before && !c.firstChild) out.push('');
          cur = '';
          open = false;
        } else walk(c);
      }
    }
  };
  walk(body);
  if (open) out.push(cur);
  return out.map(cleanLine);
}

const isBlank = (l: string) => l === '';

/**
 * Whether `after` is `before` with each block of `inserted` added as whole lines of its own, in order: every line
 * the user had is there, unchanged and in its order, and nothing else changed, except the blank lines right next to
 * an inserted block (the gap we add, or an empty line the block went into). Never compares squashed text: a user's
 * line merged with ours, or split, fails.
 */
export function keptLines(before: string[], after: string[], inserted: string[][]): boolean {
  const segments: string[][] = [];
  let rest = after;
  for (const block of inserted) {
    const want = block.map(cleanLine).filter((l) => !isBlank(l));
    if (!want.length) continue;
    let at = -1;
    for (let i = 0; i + want.length <= rest.length && at < 0; i++) if (want.every((l, j) => rest[i + j] === l)) at = i;
    if (at < 0) return false;
    segments.push(rest.slice(0, at));
    rest = rest.slice(at + want.length);
  }
  segments.push(rest);
  // Blank lines at a seam are ours to shape; anything else must be exactly what the user had.
  const trimmed = segments.map((s, i) => {
    let a = 0;
    let b = s.length;
    if (i > 0) while (a < b && isBlank(s[a]!)) a++;
    if (i < segments.length - 1) while (b > a && isBlank(s[b - 1]!)) b--;
    return s.slice(a, b);
  });
  let k = 0;
  for (let i = 0; i < trimmed.length; i++) {
    if (i > 0) while (k < before.length && isBlank(before[k]!)) k++;
    for (const l of trimmed[i]!) if (before[k++] !== l) return false;
  }
  if (!trimmed[trimmed.length - 1]!.length) while (k < before.length && isBlank(before[k]!)) k++;
  return k === before.length;
}

/** Whether two line lists are the same. */
export const sameLines = (a: string[], b: string[]): boolean => a.length === b.length && a.every((l, i) => l === b[i]);

/**
 * The editor's turn: a frame (an editor re-renders from its model then), then a task (MutationObserver work, a
 * selectionchange, a setTimeout(0) re-render). A hidden tab runs no frame: the task alone then.
 */
export function turn(doc: Document): Promise<void> {
  const win = doc.defaultView;
  return new Promise((resolve) => {
    let done = false;
    const next = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    if (win && typeof win.requestAnimationFrame === 'function' && doc.visibilityState !== 'hidden') win.requestAnimationFrame(next);
    setTimeout(next, 50);
  });
}

export type Point = { node: Node; offset: number };

export function canExec(doc: Document): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return typeof doc.queryCommandSupported !== 'function' || doc.queryCommandSupported('insertText');
  } catch {
    return false;
  }
}

type Ctor<T> = new (type: string, init?: object) => T;

/**
 * An event made in the page's own realm when the content script runs in a Firefox sandbox (`wrappedJSObject`,
 * `cloneInto`): editors read what an event carries (its DataTransfer, its data) and Firefox's sandbox wrappers hide
 * that from the page when the event is made on our side (Briskine: "fired in page context, Firefox needs this").
 * Elsewhere (Chromium's isolated world shares the DOM objects), the window's own constructor.
 */
export function pageEvent<T extends Event>(target: Node, name: string, type: string, init: object): T | null {
  const win = (target.ownerDocument ?? (target as Document)).defaultView as (Window & { wrappedJSObject?: Record<string, unknown> }) | null;
  const clone = (globalThis as { cloneInto?: (o: object, w: object, opts?: object) => object }).cloneInto;
  try {
    const page = win?.wrappedJSObject;
    if (page && clone && typeof page[name] === 'function') return new (page[name] as Ctor<T>)(type, clone(init, win!, { wrapReflectors: true }));
    const C = ((win as unknown as Record<string, unknown> | null)?.[name] ?? (globalThis as Record<string, unknown>)[name]) as Ctor<T> | undefined;
    return C ? new C(type, init) : null;
  } catch {
    return null;
  }
}

export function dispatchInput(target: HTMLElement, inputType: string, data: string | null): void {
  const ev = pageEvent<Event>(target, 'InputEvent', 'input', { bubbles: true, inputType, data }) ?? new Event('input', { bubbles: true });
  target.dispatchEvent(ev);
}

/** A DataTransfer holding `text` as plain text (and HTML), made in the page's realm (see pageEvent); null where none can be made. */
export function textTransfer(target: Node, text: string, html?: string): DataTransfer | null {
  const win = (target.ownerDocument ?? (target as Document)).defaultView as (Window & { wrappedJSObject?: Record<string, unknown> }) | null;
  try {
    const page = win?.wrappedJSObject;
    const C = ((page && typeof page.DataTransfer === 'function' ? page.DataTransfer : (win as unknown as Record<string, unknown> | null)?.DataTransfer) ??
      (globalThis as Record<string, unknown>).DataTransfer) as (new () => DataTransfer) | undefined;
    if (!C) return null;
    const dt = new C();
    dt.setData('text/plain', text);
    if (html) dt.setData('text/html', html);
    return dt;
  } catch {
    return null;
  }
}

/** Sends a cancelable `beforeinput`; true when the editor took it (called preventDefault). */
export function sendBeforeInput(target: HTMLElement, inputType: string, data: string | null, transfer: DataTransfer | null = null): boolean {
  const init: InputEventInit = { bubbles: true, cancelable: true, composed: true, inputType, data };
  if (transfer) init.dataTransfer = transfer;
  let ev = pageEvent<InputEvent>(target, 'InputEvent', 'beforeinput', init);
  if (!ev) return false;
  // An engine that copies the DataTransfer of the init dictionary without its data: without one, editors read `data`.
  if (transfer && ev.dataTransfer && ev.dataTransfer.getData('text/plain') !== transfer.getData('text/plain')) {
    ev = pageEvent<InputEvent>(target, 'InputEvent', 'beforeinput', { bubbles: true, cancelable: true, composed: true, inputType, data });
    if (!ev) return false;
  }
  return !target.dispatchEvent(ev);
}
