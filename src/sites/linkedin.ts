/**
 * LinkedIn (www.linkedin.com): the message composers — the overlay conversation bubbles (several at once), the
 * messaging page, the new-message composer with its recipient pills, InMail (Sales Navigator's subject + body, and
 * the InMail bubble's subject) — and the invitation's "Add a note" dialog. Many of these live in the open shadow root
 * of `#interop-outlet[data-testid="interop-shadowdom"]`: every search goes through it too (src/sites/shadow.ts).
 *
 * A recipient is a person, not an address: their name, the headline under it and, when the page shows it, their
 * organisation and the #OPEN_TO_WORK frame; the worker judges them (src/rules/linkedin). Their key is their profile
 * id when the page links to the profile (rules/linkedin/key.ts).
 *
 * Insertion: the message editor takes the browser's own editing commands, one `insertText` per line and
 * `insertParagraph` between (never `insertHTML` or innerHTML, after which LinkedIn's model does not see the text
 * and Send stays disabled); inside the shadow root LinkedIn re-creates the editor's structure on focus, so the caret
 * is kept as a position in the text (`insertCaret`). The note and Sales Navigator bodies are React/Ember textareas
 * (insert-field.ts: the browser's insertText, else the native value setter and `input`).
 *
 * Every selector is data below, with its public source (the project's DOM evidence notes): [E] seen in the named code
 * or fixture, [G] our inference from the surrounding markup.
 */
import type { ComposeHandle, ComposeKind, ComposePerson, ComposeRecipient, EditorHint, SelectorSpec, SiteAdapter } from './types';
import { query, queryAll } from './dom-util';
import { searchRoots } from './shadow';
import { personKey } from '../rules/linkedin/key';
import { NOTE_LIMIT_FREE, NOTE_LIMIT_PREMIUM } from '../rules/linkedin/note';

const BRISKINE = 'Briskine/briskine src/content/plugins/linkedin.js';
const SELECTORS = {
  shadowHost: {
    css: '#interop-outlet',
    source: 'Briskine linkedin.spec.js (2026): #interop-outlet → shadowRoot → [contenteditable] / textarea; data-testid="interop-shadowdom" (DOM evidence, 2025–26 change)',
    note: 'The open shadow root the bubbles, the new-message composer and the connect dialog render into.',
  },
  bubble: {
    css: '.msg-overlay-conversation-bubble',
    source: `${BRISKINE} (closest('.msg-overlay-conversation-bubble')); DOM evidence: div.msg-convo-wrapper.msg-overlay-conversation-bubble[role=dialog]`,
  },
  thread: {
    css: '.msg-convo-wrapper, .msg-thread',
    source: `${BRISKINE} (messagingUiThread '.msg-thread'); DOM evidence: .msg-convo-wrapper`,
    note: 'The messaging page (/messaging/): the conversation and its form.',
  },
  messageForm: { css: 'form.msg-form', source: 'DOM evidence (Briskine + Alejopdp/sales-pilot-frontend fixture, 2023): form.msg-form' },
  messageEditor: {
    css: '.msg-form__contenteditable[contenteditable=true], .msg-form [role=textbox][contenteditable=true]',
    source: 'Briskine editors/editor-site.js (class msg-form__contenteditable, 2026-08); DOM evidence: div.msg-form__contenteditable[contenteditable=true][role=textbox] holding <p>; stickerdaniel/linkedin-mcp-server extractor.py div[role=textbox][contenteditable=true] (2026-08)',
  },
  messageSend: {
    css: 'button.msg-form__send-button[type=submit], button.msg-form__send-button',
    source: 'DOM evidence: button.msg-form__send-button[type=submit], disabled until the editor model sees input (opencues PR #93)',
  },
  messageSendFallback: { css: 'button[type=submit]', source: 'stickerdaniel/linkedin-mcp-server extractor.py: button[type="submit"] in the composer (2026-08)', note: 'Only inside form.msg-form.' },
  subject: {
    css: 'input[name=subject], input.compose-form__subject-field',
    source: `${BRISKINE} before(): [name=subject] in the InMail bubble; Gembani/scrap-in css_selectors: input.compose-form__subject-field (Sales Navigator)`,
  },
  // ---------------------------------------------------------------- who the conversation is with
  bubbleTitle: { css: '.msg-overlay-bubble-header__title', source: `DOM evidence (Briskine recipient order #6): .msg-overlay-bubble-header__title` },
  bubbleSubtitle: {
    css: '.msg-overlay-bubble-header__subtitle, .msg-overlay-bubble-header__details .t-12',
    source: '[G] the line under the bubble header title (the member\u2019s headline when LinkedIn shows it)',
  },
  pageTitle: { css: '.msg-entity-lockup__entity-title', source: 'DOM evidence (Briskine recipient order #4): .msg-entity-lockup__entity-title' },
  pageSubtitle: { css: '.msg-entity-lockup__entity-info, .msg-entity-lockup__presence-status + *', source: '[G] the line under .msg-entity-lockup__entity-title on the messaging page' },
  profileCard: { css: '.msg-s-profile-card', source: 'DOM evidence (sales-pilot fixture, 2023): .msg-s-profile-card at the top of a conversation' },
  lockupTitle: {
    css: '.artdeco-entity-lockup__title',
    source: `${BRISKINE} (messageContentTitleName); Briskine linkedin-sales-navigator.js: .artdeco-entity-lockup__title > *:first-child:not([aria-hidden]) (2026-02)`,
  },
  lockupHeadline: {
    css: '.artdeco-entity-lockup__subtitle div[title], .artdeco-entity-lockup__subtitle',
    source: 'DOM evidence (sales-pilot fixture, 2023): .msg-s-profile-card .artdeco-entity-lockup__subtitle div[title]',
  },
  lockupCompany: { css: '.artdeco-entity-lockup__caption', source: '[G] Sales Navigator lockups: title (name), subtitle (title), caption (company)' },
  otherSender: {
    css: '.msg-s-event-listitem--other .msg-s-message-group__name',
    source: `${BRISKINE} (messageContactName: the last one is the contact)`,
  },
  pill: { css: '.artdeco-pill', source: `${BRISKINE} (newMessageContact '.artdeco-pill')`, note: 'New message: one pill per recipient.' },
  pillArea: {
    css: '.msg-connections-typeahead, .msg-compose__recipients, [class*="typeahead"]',
    source: '[G] the recipient area of the new-message composer, holding the pills and the search input',
  },
  profileLink: { css: 'a[href*="/in/"], a[href*="/sales/lead/"], a[href*="/sales/people/"]', source: 'Briskine linkedin-sales-navigator.js a[href*="/sales/lead/"]; profile URLs /in/<vanity> (stickerdaniel extractor.py)' },
  openToWork: { css: 'img[alt*="#OPEN_TO_WORK"]', source: 'DOM evidence 2026 (Briskine linkedin-sales-navigator.js strips ", #OPEN_TO_WORK" from the picture\u2019s alt)' },
  // ---------------------------------------------------------------- Sales Navigator InMail
  inmailBody: {
    css: 'textarea.compose-form__message-field',
    source: 'Gembani/scrap-in css_selectors (textarea.compose-form__message-field); Briskine linkedin-sales-navigator.spec.js: a textarea inside [role=dialog] / .thread-container',
  },
  inmailRoot: { css: '[role=dialog], .thread-container, form', source: 'Briskine linkedin-sales-navigator.js messageThreadSelectors: [role=dialog], .thread-container' },
  inmailSend: { css: 'button[type=submit].artdeco-button--primary, .artdeco-button--primary[type=submit]', source: 'Gembani/scrap-in + DOM evidence: send is .artdeco-button--primary', note: 'The form\u2019s submit button only.' },
  // ---------------------------------------------------------------- the invitation note
  noteField: {
    css: 'textarea[name=message], textarea#custom-message, textarea.connect-button-send-invite__custom-message',
    source: 'DOM evidence [E-anon, many]: textarea[name="message"], #custom-message, .connect-button-send-invite__custom-message inside [role=dialog] / .artdeco-modal; Briskine spec: #interop-outlet → shadowRoot → textarea',
  },
  noteDialog: { css: '[role=dialog], .artdeco-modal', source: 'DOM evidence: the note lives in [role=dialog] / .artdeco-modal' },
  noteSend: {
    css: '.artdeco-modal__actionbar button.artdeco-button--primary',
    source: '[G] artdeco modal: the action bar\u2019s primary button is Send (the secondary one cancels)',
  },
  noteActionbar: { css: '.artdeco-modal__actionbar', source: '[G] artdeco modal action bar (Cancel / Send)' },
  noteCounter: { css: '[class*="counter"], [class*="char-count"], .t-14.t-black--light', source: '[G] the "0/300" count under the note' },
  premiumWall: { css: 'a[href*="/premium/"]', source: 'stickerdaniel/linkedin-mcp-server extractor.py: the free-account note wall dialog[open] a[href*="/premium/"] (2026-08)' },
  profileName: {
    css: 'img.pv-top-card-profile-picture__image[alt], img[class*="pv-top-card-profile-picture"][alt]',
    source: `${BRISKINE} ($currentProfilePicture .pv-top-card-profile-picture__image@alt, for the connect > add note field)`,
  },
  profileHeading: { css: 'main h1', source: '[G] the profile page\u2019s name heading' },
  profileHeadline: {
    css: '.pv-text-details__left-panel .text-body-medium.break-words, main .text-body-medium.break-words',
    source: 'DOM evidence (sales-pilot fixture, 2023 profile page): .pv-text-details__left-panel .text-body-medium.break-words',
  },
  composeHint: {
    css: 'form.msg-form, .msg-form__contenteditable, .msg-overlay-conversation-bubble, .msg-convo-wrapper, .msg-thread, textarea, [role=dialog], .artdeco-modal, .thread-container',
    source: 'The compose roots and bodies above',
    note: 'The document (and the shadow roots) are searched again only when an element added is or holds one of these.',
  },
} satisfies Record<string, SelectorSpec>;

type Key = keyof typeof SELECTORS;
const sel = (k: Key) => SELECTORS[k].css;

/** Text as a reader sees it on one line. */
function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A name as LinkedIn shows it: the first line, without the #OPEN_TO_WORK mark, "View X's profile" or the status. */
export function cleanPersonName(raw: string | null | undefined): string {
  let s = (raw ?? '').split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  s = s.replace(/,?\s*#OPEN_TO_WORK/gi, '').replace(/^(?:voir le profil de|view)\s+/i, '').replace(/(?:['\u2019]s profile| profile)$/i, '');
  s = s.replace(/\s+/g, ' ').trim();
  return s.length <= 120 ? s : s.slice(0, 120);
}

function firstText(root: ParentNode, css: string): string {
  for (const el of queryAll(root, css)) {
    const t = (el.getAttribute('title') ?? '').trim() || text(el);
    if (t) return t;
  }
  return '';
}

/** The profile link nearest to `el` (inside it, or around it). */
function profileUrl(el: Element | null): string | null {
  if (!el) return null;
  const a = (el.closest('a[href]') ?? query<HTMLAnchorElement>(el, sel('profileLink'))) as HTMLAnchorElement | null;
  return a?.getAttribute('href') ?? null;
}

function hasOpenToWork(root: ParentNode | null): boolean {
  return !!root && !!query(root, sel('openToWork'));
}

function recipient(p: ComposePerson, url: string | null): ComposeRecipient | null {
  const key = personKey({ profileUrl: url, name: p.name, company: p.company });
  if (!key || !p.name) return null;
  const person: ComposePerson = { name: p.name, headline: p.headline };
  if (p.company) person.company = p.company;
  if (p.openToWork) person.openToWork = true;
  return { field: 'to', address: key, name: p.name, person };
}

/** The profile card at the top of a conversation, when it is about `name` (or when no name is known). */
function profileCard(root: ParentNode, name: string): { name: string; headline: string; url: string | null; card: Element } | null {
  for (const card of queryAll(root, sel('profileCard'))) {
    const titleEl = query(card, sel('lockupTitle'));
    const cardName = cleanPersonName(titleEl?.textContent);
    if (name && cardName && cardName.toLowerCase() !== name.toLowerCase()) continue;
    return { name: cardName, headline: firstText(card, sel('lockupHeadline')), url: profileUrl(titleEl) ?? profileUrl(card), card };
  }
  return null;
}

type Composer = 'bubble' | 'page' | 'new-message' | 'inmail' | 'note';

abstract class LinkedInCompose implements ComposeHandle {
  /** The caret the user left in the body, as a character offset (kept across LinkedIn's re-render on focus). */
  protected caretOffset: number | null = null;
  constructor(readonly root: HTMLElement, readonly composer: Composer) {}
  abstract get kind(): ComposeKind;
  abstract readRecipients(): ComposeRecipient[] | null;
  abstract body(): HTMLElement | null;
  abstract sendButton(): HTMLElement | null;
  abstract overlaySlot(): { parent: HTMLElement; before: Node | null } | null;
  readSubject(): string | null {
    const s = query<HTMLInputElement>(this.root, sel('subject'));
    return s ? s.value : null;
  }
  signature(): HTMLElement | null {
    return null;
  }
  observeTargets(): Node[] {
    return [this.root];
  }
}

/** Message composers: bubble, messaging page, new message (pills), the InMail bubble (a subject above the editor). */
class MessageCompose extends LinkedInCompose {
  constructor(root: HTMLElement, readonly form: HTMLFormElement, composer: Composer) {
    super(root, composer);
    // Where the user's caret was when the editor lost focus (a click on the overlay): LinkedIn re-creates the editor's
    // nodes on focus, so it is kept as an offset in the text, read once per blur (never while typing).
    root.addEventListener('focusout', this.onBlur, true);
  }

  private readonly onBlur = (e: Event) => {
    try {
      const body = this.body();
      const target = (e.composedPath?.()[0] ?? e.target) as Node | null;
      if (body && target && (target === body || body.contains(target))) this.caretOffset = caretOffsetIn(body);
    } catch {
      /* never into the page */
    }
  };

  get kind(): ComposeKind {
    return this.composer === 'page' ? 'page' : 'popup';
  }

  body(): HTMLElement | null {
    return query<HTMLElement>(this.form, sel('messageEditor'));
  }

  editorHint(): EditorHint {
    return { kind: 'linkedin', strategies: ['exec'] };
  }

  sendButton(): HTMLElement | null {
    return query<HTMLElement>(this.form, sel('messageSend')) ?? query<HTMLElement>(this.form, sel('messageSendFallback'));
  }

  overlaySlot() {
    const parent = this.form.parentElement;
    return parent ? { parent, before: this.form } : null;
  }

  readRecipients(): ComposeRecipient[] | null {
    const root = this.root;
    // New message: one recipient per pill (name only; the headline when the conversation's profile card shows it).
    const area = query(root, sel('pillArea'));
    if (this.composer === 'new-message' || area) {
      const pills = queryAll(area ?? root, sel('pill'));
      const out: ComposeRecipient[] = [];
      for (const pill of pills) {
        const name = cleanPersonName(pill.getAttribute('aria-label')?.replace(/^(?:retirer|remove)\s+/i, '') || pill.textContent);
        if (!name) return null; // a pill we cannot read
        const card = pills.length === 1 ? profileCard(root, name) : null;
        const r = recipient({ name, headline: card?.headline ?? '', openToWork: hasOpenToWork(card?.card ?? null) }, card?.url ?? profileUrl(pill));
        if (!r) return null;
        out.push(r);
      }
      return out;
    }
    // A conversation: the header names the other person, the profile card (or the header's second line) their headline.
    const titleEl = query(root, this.composer === 'page' ? `${sel('pageTitle')}, ${sel('bubbleTitle')}` : `${sel('bubbleTitle')}, ${sel('pageTitle')}`);
    let name = cleanPersonName(titleEl?.textContent);
    const card = profileCard(root, name);
    if (!name && card?.name) name = card.name;
    if (!name) {
      const senders = queryAll(root, sel('otherSender'));
      name = cleanPersonName(senders.at(-1)?.textContent);
    }
    if (!name) return null;
    const headline = card?.headline || firstText(root, this.composer === 'page' ? sel('pageSubtitle') : sel('bubbleSubtitle'));
    const header = titleEl?.parentElement ?? null;
    const r = recipient(
      { name, headline, company: text(query(root, sel('lockupCompany'))) || undefined, openToWork: hasOpenToWork(header) || hasOpenToWork(card?.card ?? null) },
      profileUrl(titleEl) ?? card?.url ?? null,
    );
    return r ? [r] : null;
  }

  async insertCaret(): Promise<Range | null> {
    const body = this.body();
    if (!body) return null;
    const live = caretOffsetIn(body);
    const offset = live ?? this.caretOffset;
    const doc = body.ownerDocument;
    if (!isFocused(body)) {
      body.focus({ preventScroll: true });
      // The editor's turn: LinkedIn re-renders the editor's nodes on focus.
      await new Promise((r) => setTimeout(r, 0));
      await new Promise<void>((r) => (doc.defaultView?.requestAnimationFrame ? doc.defaultView.requestAnimationFrame(() => r()) : r()));
    }
    const now = this.body();
    if (offset === null || !now) return null;
    const range = rangeAt(now, offset);
    // The live selection too: a browser that reports the shadow tree's selection (Firefox) then agrees with it.
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    return range;
  }
}

/** A body that is a textarea (Sales Navigator InMail, the invitation note): its value, its own caret. */
abstract class FieldCompose extends LinkedInCompose {
  constructor(root: HTMLElement, readonly field: HTMLTextAreaElement, composer: Composer) {
    super(root, composer);
  }
  get kind(): ComposeKind {
    return 'popup';
  }
  body(): HTMLElement | null {
    return this.field.isConnected ? this.field : query<HTMLTextAreaElement>(this.root, this.composer === 'note' ? sel('noteField') : sel('inmailBody'));
  }
  editorHint(): EditorHint {
    return { kind: 'field' };
  }
  overlaySlot() {
    const field = this.body();
    const parent = field?.parentElement;
    return field && parent ? { parent, before: field } : null;
  }
  /** Who the dialog is about: the lockup in it (Sales Navigator), else the profile page it was opened from. */
  protected person(): ComposeRecipient[] | null {
    const root = this.root;
    const titleEl = query(root, sel('lockupTitle'));
    let name = cleanPersonName(titleEl?.querySelector(':scope > *:not([aria-hidden])')?.textContent ?? titleEl?.textContent);
    let headline = name ? firstText(root, sel('lockupHeadline')) : '';
    let url = profileUrl(titleEl);
    let otw = hasOpenToWork(root);
    const company = name ? text(query(root, sel('lockupCompany'))) : '';
    if (!name) {
      // The connect dialog on a profile page: the page's top card (outside the dialog and its shadow root).
      const doc = root.ownerDocument;
      const pic = query<HTMLImageElement>(doc, sel('profileName'));
      name = cleanPersonName(pic?.getAttribute('alt')) || cleanPersonName(query(doc, sel('profileHeading'))?.textContent);
      headline = firstText(doc, sel('profileHeadline'));
      otw = otw || /#OPEN_TO_WORK/i.test(pic?.getAttribute('alt') ?? '');
      url = doc.defaultView?.location?.pathname ?? null;
      const vanity = /[?&]vanityName=([^&#]+)/.exec(doc.defaultView?.location?.search ?? '');
      if (vanity) url = `/in/${vanity[1]}/`;
      else if (url && !/\/in\//.test(url)) url = null;
    }
    if (!name) return null;
    const r = recipient({ name, headline, company: company || undefined, openToWork: otw }, url);
    return r ? [r] : null;
  }
}

class InMailCompose extends FieldCompose {
  readRecipients(): ComposeRecipient[] | null {
    return this.person();
  }
  sendButton(): HTMLElement | null {
    const form = this.field.closest('form') ?? this.root;
    return query<HTMLElement>(form, sel('inmailSend')) ?? query<HTMLElement>(form, 'button[type=submit]');
  }
}

class NoteCompose extends FieldCompose {
  readRecipients(): ComposeRecipient[] | null {
    return this.person();
  }
  sendButton(): HTMLElement | null {
    return query<HTMLElement>(this.root, sel('noteSend'));
  }
  overlaySlot() {
    const bar = query<HTMLElement>(this.root, sel('noteActionbar'));
    if (bar?.parentElement) return { parent: bar.parentElement, before: bar };
    return super.overlaySlot();
  }
  noteLimit(): number {
    return noteLimitOf(this.root, this.body() as HTMLTextAreaElement | null);
  }
}

/**
 * The note's limit: the field's maxlength when LinkedIn sets one, else the "n/300" count under it, else the
 * Premium wall (a free account: 200), else 200.
 */
export function noteLimitOf(root: ParentNode, field: HTMLTextAreaElement | null): number {
  const max = Number(field?.getAttribute('maxlength'));
  if (max === NOTE_LIMIT_FREE || max === NOTE_LIMIT_PREMIUM) return max;
  for (const c of queryAll(root, sel('noteCounter'))) {
    const m = /\b\d{1,3}\s*\/\s*(\d{3})\b/.exec(text(c));
    if (m && (Number(m[1]) === NOTE_LIMIT_FREE || Number(m[1]) === NOTE_LIMIT_PREMIUM)) return Number(m[1]);
  }
  if (max > 0 && max < 2000) return max;
  return NOTE_LIMIT_FREE;
}

// ---------------------------------------------------------------- the caret as a position in the text

function isFocused(el: HTMLElement): boolean {
  const root = el.getRootNode() as Document | ShadowRoot;
  const a = root.activeElement;
  return !!a && (a === el || el.contains(a));
}

/** The caret (the end of the selection) as a character offset in `body`'s text, when it is inside `body`. */
export function caretOffsetIn(body: HTMLElement): number | null {
  const doc = body.ownerDocument;
  const sel = doc.getSelection();
  if (!sel || !sel.rangeCount) return null;
  const root = body.getRootNode();
  let node: Node | null = null;
  let offset = 0;
  const composed = (sel as Selection & { getComposedRanges?: (o: { shadowRoots: ShadowRoot[] }) => StaticRange[] }).getComposedRanges;
  if (typeof composed === 'function' && (root as ShadowRoot).host) {
    try {
      const r = composed.call(sel, { shadowRoots: [root as ShadowRoot] })[0];
      if (r) {
        node = r.endContainer;
        offset = r.endOffset;
      }
    } catch {
      node = null;
    }
  }
  if (!node) {
    const r = sel.getRangeAt(0);
    node = r.endContainer;
    offset = r.endOffset;
  }
  if (!(node === body || body.contains(node))) return null;
  const r = doc.createRange();
  r.setStart(body, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** A collapsed range at character `offset` of `body`'s text (the end when it is shorter). */
export function rangeAt(body: HTMLElement, offset: number): Range {
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(body, 4 /* text */);
  const r = doc.createRange();
  let acc = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = (n.nodeValue ?? '').length;
    if (acc + len >= offset) {
      r.setStart(n, offset - acc);
      r.collapse(true);
      return r;
    }
    acc += len;
  }
  // No text that far (an empty editor: <p><br></p>): the end of the last block.
  const last = body.lastElementChild ?? body;
  r.setStart(last, last === body ? body.childNodes.length : 0);
  r.collapse(true);
  return r;
}

// ---------------------------------------------------------------- discovery

const handles = new WeakMap<HTMLElement, LinkedInCompose>();

function handleOf(root: HTMLElement, make: () => LinkedInCompose): LinkedInCompose {
  const existing = handles.get(root);
  if (existing) return existing;
  const h = make();
  handles.set(root, h);
  return h;
}

function findIn(scope: ParentNode, out: LinkedInCompose[], seen: Set<HTMLElement>) {
  for (const form of queryAll<HTMLFormElement>(scope, sel('messageForm'))) {
    if (!query(form, sel('messageEditor'))) continue;
    const bubble = form.closest<HTMLElement>(sel('bubble'));
    const thread = bubble ? null : form.closest<HTMLElement>(sel('thread'));
    const root = bubble ?? thread ?? form;
    if (seen.has(root)) continue;
    seen.add(root);
    const composer: Composer = query(root, sel('pillArea')) ? 'new-message' : bubble ? 'bubble' : 'page';
    out.push(handleOf(root, () => new MessageCompose(root, form, composer)));
  }
  for (const field of queryAll<HTMLTextAreaElement>(scope, sel('inmailBody'))) {
    // The dialog or the thread holds the lead's lockup; the form alone does not.
    const root = field.closest<HTMLElement>('[role=dialog], .thread-container') ?? field.closest<HTMLElement>(sel('inmailRoot')) ?? field.parentElement;
    if (!root || seen.has(root)) continue;
    seen.add(root);
    out.push(handleOf(root, () => new InMailCompose(root, field, 'inmail')));
  }
  for (const field of queryAll<HTMLTextAreaElement>(scope, sel('noteField'))) {
    const root = field.closest<HTMLElement>(sel('noteDialog'));
    if (!root || seen.has(root)) continue;
    seen.add(root);
    out.push(handleOf(root, () => new NoteCompose(root, field, 'note')));
  }
}

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  selectors: SELECTORS,
  matches: ({ hostname }) => hostname === 'www.linkedin.com' || hostname === 'linkedin.com',
  composeHint: sel('composeHint'),
  shadowHosts: sel('shadowHost'),
  findComposes(doc: Document): ComposeHandle[] {
    const out: LinkedInCompose[] = [];
    const seen = new Set<HTMLElement>();
    for (const scope of searchRoots(doc, sel('shadowHost'))) findIn(scope, out, seen);
    return out;
  },
};

/** For tests: the composer a handle reads. */
export function composerOf(h: ComposeHandle): Composer | null {
  return h instanceof LinkedInCompose ? h.composer : null;
}

