/**
 * The contract between a site file (the only place that knows a site's DOM) and the content script.
 * A site file exports a SiteAdapter whose selectors are data at the top of the file, each naming the
 * public source it comes from (see the project's DOM evidence notes).
 *
 * What the confirm before send (src/content/send-guard.ts) needs from a site file — the guard itself is
 * site-agnostic and listens in the capture phase on `ComposeHandle.root` (the compose must contain its Send button):
 * - `sendButton()` (required): the one control that sends this message, never a neighbour that does something else
 *   (Gmail's "Send and request money"); a form's submit button is fine. Its click, and Enter or Space on it, are
 *   checked; Ctrl/Cmd+Enter anywhere in the compose is checked without it.
 * - `scheduleSendButtons()` (optional): the other controls that send this message later, wherever they live (Gmail's
 *   "Schedule send" item, in a menu outside the compose): a trusted pointer press, click, Enter or Space on one of
 *   them is checked like Send. Sites without such a control leave it out.
 * - `pressSend(el)` (optional): how to press Send once after "send anyway", when the site ignores a plain
 *   mousedown/mouseup/click (the default).
 * - `readRecipients()` must include addresses still being typed (`pending`), since they are read again at Send.
 */

export type RecipientField = 'to' | 'cc' | 'bcc';

/**
 * A LinkedIn member as the page shows them: no address, a name, the headline under it, sometimes the organisation
 * and the #OPEN_TO_WORK frame. The worker judges them (src/rules/linkedin); their `address` is their key.
 */
export interface ComposePerson {
  name: string;
  /** '' when the page shows none (yet). */
  headline: string;
  /** When the page names the organisation apart from the headline. */
  company?: string;
  /** The profile picture's alt text carries LinkedIn's #OPEN_TO_WORK frame. */
  openToWork?: boolean;
}

export interface ComposeRecipient {
  field: RecipientField;
  /** The address as the site shows it (not yet normalised: the rules engine parses it); a person's key (rules/linkedin/key.ts). */
  address: string;
  /** A LinkedIn member (then `address` is their key). */
  person?: ComposePerson;
  /** Display name when the site shows one. */
  name?: string;
  /** True for text still being typed in the recipient input (not yet a chip) that looks like a full address. */
  pending?: boolean;
}

/** A CSS selector as data, with the public source that shows it. */
export interface SelectorSpec {
  css: string;
  source: string;
  note?: string;
}

export type ComposeKind = 'popup' | 'inline' | 'fullscreen' | 'page';

/** One open compose window. Same root element ⇒ same window. */
export interface ComposeHandle {
  readonly root: HTMLElement;
  readonly kind: ComposeKind;
  /**
   * Recipients in To, Cc, Bcc order; `null` when the layout is not recognised, or when something that looks like a
   * recipient (a chip) could not be read — each adapter counts what looks like a recipient against what it parsed.
   * Never throws.
   */
  readRecipients(): ComposeRecipient[] | null;
  /** Subject text, or null when not found. */
  readSubject(): string | null;
  /** The editable body: a contenteditable element or a textarea; null when not found. */
  body(): HTMLElement | null;
  /** The signature block inside the body when the site marks one. */
  signature(): HTMLElement | null;
  /**
   * Optional: the quoted previous message inside the body (reply / forward) when the site marks one.
   * Insertion treats it like the signature: what the user wrote ends before it.
   */
  quote?(): HTMLElement | null;
  /**
   * Optional: what the body's editor is and which input paths to try (src/content/insert-kind.ts), when the site
   * knows better than the DOM detection (e.g. LinkedIn's editor: `{ kind: 'linkedin', strategies: ['exec'] }`).
   */
  editorHint?(): EditorHint | null;
  /**
   * The send control: the one button that sends this message (never another one next to it, such as Gmail's "Send
   * and request money"). The confirm before send watches it and, after "send anyway", presses it once.
   */
  sendButton(): HTMLElement | null;
  /**
   * Optional: the other controls that send this message later, wherever the site puts them (Gmail's "Schedule send"
   * menu item, in a menu outside the compose): a trusted click or Enter on one of them is checked like Send.
   */
  scheduleSendButtons?(): HTMLElement[];
  /**
   * Optional: presses a send control the way the site's own code expects (after "send anyway"). Default: mousedown,
   * mouseup and click on it.
   */
  pressSend?(el: HTMLElement): void;
  /**
   * Optional: the body is a LinkedIn invitation note of this many characters (200 free, 300 Premium); the overlay then
   * offers the short introduction that fits what is left.
   */
  noteLimit?(): number | null;
  /**
   * Optional: for an editor that re-creates its structure when it is focused (LinkedIn's, inside its shadow root):
   * focuses the body, lets the editor re-render, and gives the caret the user left, as a range in the new structure
   * (null: none known). Called by the content script right before an insertion.
   */
  insertCaret?(): Promise<Range | null>;
  /**
   * Where the overlay host goes: appended to `parent` before `before` (null = at the end).
   * Chosen so the overlay covers neither the editor nor the site's buttons.
   */
  overlaySlot(): { parent: HTMLElement; before: Node | null } | null;
  /** Subtrees to observe for recipient changes (mutations inside the message body are ignored). */
  observeTargets(): Node[];
}

/** A site's word on its compose body's editor (insertion picks its input path from it). */
export interface EditorHint {
  kind?: import('../content/insert-common').EditorKind;
  strategies?: import('../content/insert-common').Strategy[];
}

export interface SiteAdapter {
  readonly id: string;
  /** Every selector the adapter uses, with its source: the site's contract. */
  readonly selectors: Readonly<Record<string, SelectorSpec>>;
  /**
   * Dedicated adapters: whether the page is theirs (its host name). The generic adapter has none: it reads every
   * page no dedicated adapter claims, i.e. the sites the user enabled.
   */
  matches?(location: { hostname: string; pathname: string }): boolean;
  /**
   * A CSS selector: only an element added to the page that is or holds one of these can open (or complete) a compose
   * window, so the document is searched again only then; any other mutation of the page costs nothing.
   */
  readonly composeHint: string;
  /**
   * Optional: a CSS selector for the elements whose open shadow roots hold compose windows (LinkedIn's
   * `#interop-outlet`). The watcher observes inside each such root while its host is in the page, and lets go of it
   * when the host leaves; `findComposes` searches them itself (src/sites/shadow.ts).
   */
  readonly shadowHosts?: string;
  /** All compose windows currently open in the document. */
  findComposes(doc: Document): ComposeHandle[];
}

/**
 * A webmail product as the extension knows it, kept in its site file next to the adapter: what the popup calls it,
 * where the manifest runs it by itself, and the page markers that recognise a self-hosted installation of it on any
 * domain (the user enables that domain; the worker registers this site's content script there, else the generic one).
 */
export interface SiteInfo {
  /** The site file: src/sites/<id>.ts, whose content script is content/<id>.js (src/content/entries/<id>.ts). */
  readonly id: string;
  /** Its name in the popup and the options: a message of public/_locales. */
  readonly label: import('../ui/overlay/i18n').MessageKey;
  /** The public hosts it runs on out of the box (manifest.json content_scripts matches of content/<id>.js). */
  readonly hosts: readonly string[];
  /**
   * Page markers of the product on a domain of its own: an element matching one of these, in the page the user is
   * on, says the page is this product's. Empty: never recognised elsewhere than on its hosts.
   */
  readonly detect: readonly SelectorSpec[];
}
