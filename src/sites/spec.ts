/**
 * What the dedicated site files for webmails share (Outlook, Yahoo, Proton, Zimbra, OX App Suite, Roundcube): a
 * compose handle built from a site's spec — where its compose roots, recipients, subject, body, send button and
 * overlay slot are — and the recipient reading that counts what looks like a recipient against what was parsed.
 * No selector of any site lives here: each site file keeps its own, as data with their public source.
 */
import type { ComposeHandle, ComposeKind, ComposeRecipient, EditorHint, RecipientField, SelectorSpec, SiteAdapter, SiteInfo } from './types';
import { cleanName, completeMailboxes, isHidden, parseAddressList, query, queryAll, type FoundAddress } from './dom-util';

/**
 * The recipients of one compose, as a site file reads them: chips (each must give an address, else the compose is
 * "unreadable"), committed field values, and text still being typed (pending, only when it is a complete address).
 */
export class Reading {
  private readonly list: ComposeRecipient[] = [];
  private readonly seen = new Set<string>();
  /** Things that look like a recipient (a chip) and gave no address. */
  unread = 0;
  /** Whether any recipient field of the layout was found. */
  found = false;

  private add(field: RecipientField, f: FoundAddress, pending = false): void {
    const key = `${field}\u0000${f.address.toLowerCase()}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const name = cleanName(f.name, f.address);
    const r: ComposeRecipient = { field, address: f.address };
    if (name) r.name = name;
    if (pending) r.pending = true;
    this.list.push(r);
  }

  /**
   * One chip: the first of its texts (a title, an aria-label, its label text…) that holds an address gives it; a
   * display name comes from the same text or from `name`. A chip none of whose texts holds an address is unread.
   */
  chip(field: RecipientField, texts: Array<string | null | undefined>, name?: string | null): boolean {
    for (const t of texts) {
      const f = parseAddressList(t)[0];
      if (!f) continue;
      this.add(field, f.name || !name ? f : { address: f.address, name });
      return true;
    }
    this.unread++;
    return false;
  }

  /** A field's committed value ("a@b.fr, Name <c@d.fr>"): every address in it. */
  committed(field: RecipientField, value: string | null | undefined): void {
    for (const f of parseAddressList(value)) this.add(field, f);
  }

  /** Text still being typed in a recipient input: its complete mailboxes, pending. */
  typed(field: RecipientField, value: string | null | undefined): void {
    for (const f of completeMailboxes(value)) this.add(field, f, true);
  }

  /** To, Cc, Bcc order; null when no field was found or a chip could not be read. */
  result(): ComposeRecipient[] | null {
    if (!this.found || this.unread > 0) return null;
    const order: RecipientField[] = ['to', 'cc', 'bcc'];
    return order.flatMap((f) => this.list.filter((r) => r.field === f));
  }
}

/** The body of a same-origin iframe editor (TinyMCE's, Proton's roosterjs frame), read from the parent page. */
export function frameBody(frame: Element | null | undefined, css?: string): HTMLElement | null {
  try {
    const doc = (frame as HTMLIFrameElement | null)?.contentDocument;
    if (!doc) return null;
    return css ? query(doc, css) : doc.body;
  } catch {
    return null; // cross-origin, or a discarded frame (Firefox's dead object)
  }
}

/** The first element among `els` that is shown (within `root`), else null. */
export function firstShown<T extends Element>(els: T[], root?: Element | null): T | null {
  return els.find((el) => !isHidden(el, root ?? null)) ?? null;
}

/** A text's lower-cased trimmed form. */
export const textOf = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What a site file declares: its selectors (data, with sources) and how its compose windows are read. */
export interface SiteSpec {
  info: SiteInfo;
  selectors: Readonly<Record<string, SelectorSpec>>;
  /** Elements whose addition may open or complete a compose (SiteAdapter.composeHint). */
  composeHint: string;
  /** Whether a page is this site's own (its public hosts); the manifest already restricts where the file runs. */
  matches?(location: { hostname: string; pathname: string }): boolean;
  /** The compose roots of the document, in document order. */
  roots(doc: Document): HTMLElement[];
  kind?(root: HTMLElement): ComposeKind;
  /** Reads the recipients into `r` (sets r.found when the layout's fields are there). */
  recipients(root: HTMLElement, r: Reading): void;
  subject(root: HTMLElement): string | null;
  body(root: HTMLElement): HTMLElement | null;
  signature?(body: HTMLElement, root: HTMLElement): HTMLElement | null;
  quote?(body: HTMLElement, root: HTMLElement): HTMLElement | null;
  editorHint?(body: HTMLElement | null, root: HTMLElement): EditorHint | null;
  /** The one control that sends the message (never Schedule, Save, Discard…). */
  send(root: HTMLElement): HTMLElement | null;
  /** Where the overlay goes: above the editor (and its toolbar), below the header fields. */
  slot(root: HTMLElement, body: HTMLElement | null): { parent: HTMLElement; before: Node | null } | null;
  /** The recipient areas to observe (default: the root). */
  observe?(root: HTMLElement): Node[];
}

/** The element an iframe body lives in, in the compose's own document (the iframe), or the body itself. */
export function inPage(body: HTMLElement | null, root: HTMLElement): HTMLElement | null {
  if (!body) return null;
  if (body.ownerDocument === root.ownerDocument) return body;
  try {
    return (body.ownerDocument.defaultView?.frameElement as HTMLElement | null) ?? null;
  } catch {
    return null;
  }
}

class SpecCompose implements ComposeHandle {
  constructor(
    readonly root: HTMLElement,
    private readonly spec: SiteSpec,
  ) {}

  get kind(): ComposeKind {
    try {
      return this.spec.kind?.(this.root) ?? 'page';
    } catch {
      return 'page';
    }
  }

  readRecipients(): ComposeRecipient[] | null {
    try {
      const r = new Reading();
      this.spec.recipients(this.root, r);
      return r.result();
    } catch {
      return null;
    }
  }

  readSubject(): string | null {
    try {
      return this.spec.subject(this.root);
    } catch {
      return null;
    }
  }

  body(): HTMLElement | null {
    try {
      return this.spec.body(this.root);
    } catch {
      return null;
    }
  }

  signature(): HTMLElement | null {
    const b = this.body();
    try {
      return b && this.spec.signature ? this.spec.signature(b, this.root) : null;
    } catch {
      return null;
    }
  }

  quote(): HTMLElement | null {
    const b = this.body();
    try {
      return b && this.spec.quote ? this.spec.quote(b, this.root) : null;
    } catch {
      return null;
    }
  }

  editorHint(): EditorHint | null {
    try {
      return this.spec.editorHint?.(this.body(), this.root) ?? null;
    } catch {
      return null;
    }
  }

  sendButton(): HTMLElement | null {
    try {
      return this.spec.send(this.root);
    } catch {
      return null;
    }
  }

  overlaySlot(): { parent: HTMLElement; before: Node | null } | null {
    try {
      const slot = this.spec.slot(this.root, this.body());
      return slot && this.root.contains(slot.parent) ? slot : null;
    } catch {
      return null;
    }
  }

  observeTargets(): Node[] {
    try {
      const t = this.spec.observe?.(this.root) ?? [];
      return t.length ? t : [this.root];
    } catch {
      return [this.root];
    }
  }
}

/** The SiteAdapter for a spec: one handle per compose root, roots nested in another one dropped. */
export function specAdapter(spec: SiteSpec): SiteAdapter {
  const handles = new WeakMap<HTMLElement, SpecCompose>();
  return {
    id: spec.info.id,
    selectors: spec.selectors,
    composeHint: spec.composeHint,
    ...(spec.matches ? { matches: spec.matches } : {}),
    findComposes(doc: Document): ComposeHandle[] {
      try {
        const roots = spec.roots(doc).filter((r, i, all) => all.indexOf(r) === i);
        return roots
          .filter((r) => !roots.some((o) => o !== r && o.contains(r)))
          .map((root) => {
            let h = handles.get(root);
            if (!h) {
              h = new SpecCompose(root, spec);
              handles.set(root, h);
            }
            return h;
          });
      } catch {
        return [];
      }
    },
  };
}

/**
 * The overlay's place above an editor: climbing from the editor (or its frame) while the parent holds none of the
 * header fields (`headers`), the overlay goes right before that ancestor — above the editor's own toolbars, below
 * the recipients and the subject.
 */
export function slotAbove(root: HTMLElement, el: Element | null, headers: string): { parent: HTMLElement; before: Node | null } | null {
  if (!el || !root.contains(el)) return null;
  let x = el;
  while (x.parentElement && x.parentElement !== root && !query(x.parentElement, headers)) x = x.parentElement;
  return x.parentElement ? { parent: x.parentElement, before: x } : null;
}

/** `css` with `$f` replaced by the field name (to, cc, bcc) — or by what `names` maps it to. */
export function forField(css: string, field: RecipientField, names?: Partial<Record<RecipientField, string>>): string {
  return css.split('$f').join(names?.[field] ?? field);
}

export { query, queryAll };
