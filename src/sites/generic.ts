/**
 * Any webmail the extension has no dedicated file for (self-hosted Roundcube, Zimbra, SOGo, OX, an ISP's
 * webmail…), on sites the user enables. A compose area is a form or container holding an email-recipient
 * field AND a message editor (contenteditable, a large textarea, or a same-origin iframe editor such as
 * TinyMCE). Nothing here depends on a site's class names: only on the HTML semantics and i18n words below.
 */
import type { ComposeHandle, ComposeKind, ComposeRecipient, RecipientField, SelectorSpec, SiteAdapter, SiteInfo } from './types';
import {
  cleanName,
  completeMailboxes,
  containsAddress,
  isHidden,
  isOwnUi,
  normLabel,
  parseAddressList,
  query,
  queryAll,
  words,
  type FoundAddress,
} from './dom-util';

const SELECTORS = {
  textControl: {
    css: 'input:not([type]), input[type=text], input[type=email], input[type=search], input[type=hidden], textarea',
    source:
      'HTML standard controls, as used by Roundcube textarea#_to[name=_to] (roundcubemail compose.html 2026-08), Zimbra input[id$=_to_control] (zm-web-client ZmComposeView.js 2024-09), Proton input[data-testid="composer:to"] (WebClients AddressesEditor.tsx), Yahoo #message-to-field (Mailvelope providerSpecific.js 2022)',
  },
  emailInput: { css: 'input[type=email]', source: 'HTML standard: an email input is a recipient field unless labelled From / Reply-To' },
  editableField: {
    css: '[contenteditable]:not([contenteditable=false])',
    source:
      'Yahoo [data-test-id=rte] (Mailvelope 2022); OWA roosterjs div[contenteditable][role=textbox][aria-multiline=true] and To fields [contenteditable]:not([aria-multiline=true]) (Briskine outlook.js 2026-03)',
  },
  editorTextarea: {
    css: 'textarea',
    source:
      'Roundcube textarea#composebody[name=_message] (compose.html 2026-08); Zimbra textarea#ZmHtmlEditor1_body (ZmHtmlEditor.js 2024-09); OX textarea.plain-text (appsuite-frontend e2e)',
  },
  editorFrame: {
    css: 'iframe',
    source:
      'TinyMCE iframes: Roundcube #composebody_ifr (editor.js, [G] naming), Zimbra iframe#ZmHtmlEditor1_body_ifr (ZmHtmlEditor.js), OX .editor iframe (appsuite-frontend); editable body reached through contentDocument when same-origin',
  },
  form: { css: 'form', source: 'HTML standard; Roundcube and Zimbra composes are forms' },
  label: { css: 'label', source: 'HTML standard <label for>' },
  dialog: { css: '[role=dialog]', source: 'WAI-ARIA; Yahoo/OWA/Proton pop-out composers' },
  sendControl: {
    css: 'button, [role=button], input[type=submit], input[type=button], [id*=send], [id*=Send], [id*=SEND]',
    source:
      'Roundcube button.btn.btn-primary.send (compose.html), Proton button[data-testid="composer:send-button"], Yahoo [data-test-id=compose-send-button], OWA button[aria-label=Send] (toggl outlook.js), Zimbra td[id$="__SEND_title"] (zm-selenium FormMailNew.java)',
    note: 'Kept only when its text, label or identifiers say "send" in a supported language.',
  },
  signature: {
    css: '.gmail_signature, [data-smartmail=gmail_signature], .moz-signature, #Signature, #_rc_sig, .signature, [id*=signature], [class*=signature], [id*=Signature], [class*=Signature]',
    source:
      '[G] signature markers written by common mail clients: Gmail .gmail_signature, Thunderbird .moz-signature, Outlook #Signature, Roundcube #_rc_sig',
  },
  quote: {
    css: 'blockquote[type=cite], .gmail_quote, #divRplyFwdMsg, #appendonsend, .moz-cite-prefix, .yahoo_quoted, .protonmail_quote',
    source:
      '[G] quoted-message markers written by common mail clients (Apple Mail, Gmail, Outlook, Thunderbird, Yahoo, Proton) as listed by public quote-folding code',
  },
  composeHint: {
    css: 'input, textarea, iframe, form, [contenteditable]',
    source: 'HTML standard: a compose window needs a recipient field and an editor, so only these appearing can make one',
    note: 'The document is rescanned when an element added to it is or holds one of these; other mutations cost nothing.',
  },
  skip: {
    css: 'select, option, script, style, template, noscript',
    source: 'HTML standard: never read as recipients (a From <select> lists the sender\'s own addresses)',
  },
} satisfies Record<string, SelectorSpec>;

/** i18n words (lower case) found in field names, ids, labels and placeholders. */
const WORDS = {
  // Whole identifier/label words meaning a recipient field.
  to: ['to', 'recipient', 'recipients', 'destinataire', 'destinataires', 'dest', 'rcpt', 'empfänger', 'empfaenger', 'destinatario', 'destinatarios', 'destinatari', 'destinatária', 'ontvanger', 'ontvangers'],
  cc: ['cc', 'copie', 'kopie', 'copia'],
  bcc: ['bcc', 'cci', 'cco', 'ccn', 'blindkopie', 'bcc:'],
  // A label made only of one of these short words (French "À", German "An", Spanish/Portuguese "Para").
  toLabels: ['à', 'a', 'an', 'para', 'pour', 'to', 'destinataire', 'destinataires', 'destinataire(s)', 'aan'],
  ccLabels: ['cc', 'copie', 'copie à', 'copie carbone', 'kopie', 'copia'],
  bccLabels: ['cci', 'bcc', 'copie cachée', 'copie carbone invisible', 'blindkopie', 'cco', 'ccn'],
  from: ['from', 'sender', 'expediteur', 'expéditeur', 'reply', 'répondre', 'repondre', 'replyto', 'von', 'absender', 'remitente', 'mittente', 'identity', 'identité'],
  fromLabels: ['de', 'from', 'von', 'expéditeur', 'répondre à', 'reply-to'],
  subject: ['subject', 'objet', 'sujet', 'betreff', 'asunto', 'oggetto', 'assunto', 'onderwerp'],
  ignore: ['search', 'recherche', 'rechercher', 'suche', 'buscar', 'filter', 'filtre', 'password', 'login'],
  bodyish: ['body', 'message', 'msg', 'content', 'contenu', 'corps', 'texte', 'text', 'editor', 'composebody', 'nachricht', 'mensaje'],
  send: ['envoyer', 'send', 'senden', 'enviar', 'invia', 'inviare', 'verzenden', 'versturen', 'abschicken'],
} as const;

type FieldKind = RecipientField | 'subject' | 'from' | 'ignore';

const has = (list: readonly string[], ws: string[]) => ws.some((w) => list.includes(w));

function kindFromWords(ws: string[]): FieldKind | null {
  if (!ws.length) return null;
  if (has(WORDS.ignore, ws)) return 'ignore';
  if (has(WORDS.from, ws)) return 'from';
  if (has(WORDS.subject, ws)) return 'subject';
  if (has(WORDS.bcc, ws)) return 'bcc';
  if (has(WORDS.cc, ws)) return 'cc';
  if (has(WORDS.to, ws)) return 'to';
  return null;
}

function kindFromLabel(text: string | null | undefined): FieldKind | null {
  const t = normLabel(text);
  if (!t || t.length > 60) return null;
  if ((WORDS.fromLabels as readonly string[]).includes(t)) return 'from';
  if ((WORDS.bccLabels as readonly string[]).includes(t)) return 'bcc';
  if ((WORDS.ccLabels as readonly string[]).includes(t)) return 'cc';
  if ((WORDS.toLabels as readonly string[]).includes(t)) return 'to';
  return kindFromWords(words(t).filter((w) => w.length > 2 || w === 'cc' || w === 'to'));
}

function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const TEXTY = new Set(['INPUT', 'TEXTAREA']);
const FIELD = 'input:not([type=hidden]), textarea';
const TEXT_CONTROL = `${FIELD}, [contenteditable]:not([contenteditable=false])`;

/**
 * One pass over a document or a compose: every document-wide lookup is made once and kept (the labels by their
 * `for`, which elements hold text fields and how many), so classifying N controls costs O(N), not O(N²).
 */
class Scan {
  private labels: Map<string, HTMLLabelElement[]> | null = null;
  private fieldCounts: Map<Element, number> | null = null;
  private holders: Set<Element> | null = null;
  constructor(readonly doc: Document) {}

  /** Texts of the <label for=id> of the document. */
  labelsFor(id: string): string[] {
    if (!this.labels) {
      this.labels = new Map();
      for (const l of queryAll<HTMLLabelElement>(this.doc, SELECTORS.label.css)) {
        const f = l.htmlFor;
        if (!f) continue;
        const list = this.labels.get(f);
        if (list) list.push(l);
        else this.labels.set(f, [l]);
      }
    }
    return (this.labels.get(id) ?? []).map(textOf);
  }

  /** Number of text fields (inputs, textareas) inside `el`, itself included. */
  fieldsIn(el: Element): number {
    if (!this.fieldCounts) {
      this.fieldCounts = new Map();
      for (const f of queryAll(this.doc, FIELD)) for (let p = f.parentElement; p; p = p.parentElement) this.fieldCounts.set(p, (this.fieldCounts.get(p) ?? 0) + 1);
    }
    return (this.fieldCounts.get(el) ?? 0) + (el.matches(FIELD) ? 1 : 0);
  }

  /** Whether `el` is or holds a text control (field or editable element). */
  hasTextControl(el: Element): boolean {
    if (!this.holders) {
      this.holders = new Set();
      for (const c of queryAll(this.doc, TEXT_CONTROL)) {
        // Each ancestor is added once: stop where another control's walk already went.
        for (let p: Element | null = c; p && !this.holders.has(p); p = p.parentElement) this.holders.add(p);
      }
    }
    return this.holders.has(el);
  }
}

/** What a control is for, from its own identifiers, its labels, then the short text just before it. */
function classify(el: HTMLElement, scan: Scan): FieldKind | null {
  const doc = el.ownerDocument;
  // 1. Identifiers.
  for (const attr of ['name', 'id', 'data-testid', 'data-test-id', 'autocomplete']) {
    const k = kindFromWords(words(el.getAttribute(attr)));
    if (k) return k;
  }
  // 2. Labels.
  const labels: string[] = [];
  for (const attr of ['aria-label', 'placeholder', 'aria-placeholder', 'title']) {
    const v = el.getAttribute(attr);
    if (v) labels.push(v);
  }
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) for (const id of labelledby.split(/\s+/)) labels.push(textOf(doc.getElementById(id)));
  if (el.id) labels.push(...scan.labelsFor(el.id));
  const wrapping = el.closest('label');
  if (wrapping) labels.push(textOf(wrapping).replace(textOf(el), ''));
  for (const l of labels) {
    const k = kindFromLabel(l);
    if (k) return k;
  }
  // 3. An input of type email with no other clue is a recipient field.
  if (el.matches(SELECTORS.emailInput.css)) return 'to';
  // 4. Short text right before the control (or before its wrappers), e.g. <td>À :</td><td><input></td>.
  let cur: Element | null = el;
  for (let level = 0; level < 3 && cur && cur !== doc.body; level++) {
    const prev: Element | null = cur.previousElementSibling;
    if (prev && !scan.hasTextControl(prev)) {
      const t = textOf(prev);
      if (t && t.length <= 25) {
        const k = kindFromLabel(t);
        if (k) return k;
      }
    }
    const parent: Element | null = cur.parentElement;
    // Stop where the wrapper also holds other fields: its text is theirs too.
    if (!parent || scan.fieldsIn(parent) - scan.fieldsIn(cur) > 0) break;
    cur = parent;
  }
  // 5. Identifiers of the close wrappers (Yahoo [data-test-id=container-to], OX [data-extension-id=to]).
  let wrap: Element | null = el.parentElement;
  for (let level = 0; level < 3 && wrap && wrap !== doc.body; level++, wrap = wrap.parentElement) {
    for (const attr of ['data-test-id', 'data-testid', 'data-extension-id', 'data-field', 'name', 'id']) {
      const k = kindFromWords(words(wrap.getAttribute(attr)));
      if (k) return k;
    }
  }
  return null;
}

interface Control {
  el: HTMLElement;
  kind: FieldKind;
}

/** Recipient and subject controls in a subtree. */
function controlsIn(root: ParentNode, scan: Scan): Control[] {
  const out: Control[] = [];
  for (const el of queryAll(root, SELECTORS.textControl.css)) {
    if (isOwnUi(el)) continue;
    if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden' && !containsAddress((el as HTMLInputElement).value)) {
      // A hidden input only counts when it is named like a recipient field and holds an address.
      continue;
    }
    const kind = classify(el, scan);
    if (kind) out.push({ el, kind });
  }
  for (const el of queryAll(root, SELECTORS.editableField.css)) {
    if (isOwnUi(el) || el.getAttribute('aria-multiline') === 'true') continue;
    if (el.parentElement?.closest('[contenteditable]:not([contenteditable=false])')) continue;
    const kind = classify(el, scan);
    if (kind === 'to' || kind === 'cc' || kind === 'bcc' || kind === 'subject') out.push({ el, kind });
  }
  return out;
}

const isRecipient = (c: Control): c is Control & { kind: RecipientField } => c.kind === 'to' || c.kind === 'cc' || c.kind === 'bcc';

interface Editor {
  /** The element text is inserted into (may live in an iframe's document). */
  el: HTMLElement;
  /** The element in the page's document that holds it (the iframe, or `el`). */
  anchor: HTMLElement;
  score: number;
}

function frameBody(frame: HTMLIFrameElement): HTMLElement | null {
  try {
    const d = frame.contentDocument;
    const b = d?.body;
    if (b && (b.isContentEditable || d!.designMode === 'on' || b.getAttribute('contenteditable') === 'true')) return b;
  } catch {
    /* cross-origin */
  }
  return null;
}

function editorsIn(root: ParentNode, controls: Control[], scan: Scan): Editor[] {
  const out: Editor[] = [];
  const isControl = new Set<Element>(controls.map((c) => c.el));
  for (const el of queryAll(root, SELECTORS.editableField.css)) {
    if (isOwnUi(el) || isControl.has(el) || !el.isContentEditable) continue;
    if (el.parentElement?.closest('[contenteditable]:not([contenteditable=false])')) continue;
    const k = classify(el, scan);
    if (k && k !== 'ignore') continue;
    const multi = el.getAttribute('aria-multiline') === 'true' || el.getAttribute('role') === 'textbox';
    out.push({ el, anchor: el, score: 3 + (multi ? 1 : 0) - (isHidden(el) ? 5 : 0) });
  }
  for (const el of queryAll<HTMLTextAreaElement>(root, SELECTORS.editorTextarea.css)) {
    if (isOwnUi(el) || isControl.has(el) || el.disabled) continue;
    const k = classify(el, scan);
    if (k && k !== 'ignore') continue;
    const bodyish = ['name', 'id', 'class', 'aria-label'].some((a) => has(WORDS.bodyish, words(el.getAttribute(a))));
    const rows = el.getAttribute('rows') ? el.rows : 0;
    if (rows === 1 && !bodyish) continue;
    out.push({ el, anchor: el, score: 2 + (bodyish ? 1 : 0) + (rows >= 3 ? 1 : 0) - (isHidden(el) ? 5 : 0) });
  }
  for (const frame of queryAll<HTMLIFrameElement>(root, SELECTORS.editorFrame.css)) {
    if (isOwnUi(frame)) continue;
    const b = frameBody(frame);
    if (b) out.push({ el: b, anchor: frame, score: 5 - (isHidden(frame) ? 5 : 0) });
  }
  return out;
}

function bestEditor(editors: Editor[]): Editor | null {
  return editors.length ? editors.reduce((best, e) => (e.score > best.score ? e : best)) : null;
}

/** The compose root for an editor: its form when the form has a recipient field, else the closest ancestor that has one. */
function rootFor(anchor: HTMLElement, recipients: Control[]): HTMLElement | null {
  const holds = (p: Element) => recipients.some((c) => p.contains(c.el));
  const form = anchor.closest<HTMLElement>(SELECTORS.form.css);
  if (form && holds(form)) return form;
  const top = anchor.ownerDocument.documentElement;
  for (let p = anchor.parentElement; p && p !== top; p = p.parentElement) if (holds(p)) return p;
  return null;
}

const LABEL_TAGS = new Set(['LABEL', 'SPAN', 'DIV', 'TD', 'TH', 'DT', 'LEGEND', 'B', 'STRONG']);

/**
 * Elements whose own short text is a field label ("À", "Cc", "De", "Objet"…): used to bound a field's area.
 * The message body is skipped (a long quoted thread is no header).
 */
function labelElements(root: Element, skip: Element | null): Array<{ el: Element; kind: FieldKind }> {
  const out: Array<{ el: Element; kind: FieldKind }> = [];
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* elements */, {
    acceptNode: (n) => (n === skip || isOwnUi(n as Element) ? 2 /* reject subtree */ : 1),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n as Element;
    if (!LABEL_TAGS.has(el.tagName)) continue;
    let own = '';
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) own += c.nodeValue;
    own = own.trim();
    if (!own || own.length > 25) continue;
    const kind = kindFromLabel(own);
    if (kind && kind !== 'ignore') out.push({ el, kind });
  }
  return out;
}

const CHIP_ATTRS = ['data-email', 'data-address', 'data-mail', 'data-hovercard-id', 'email', 'title', 'aria-label', 'data-value', 'data-id', 'data-tooltip'];

function addressesInAttributes(el: Element): FoundAddress[] {
  for (const a of CHIP_ATTRS) {
    const v = el.getAttribute(a);
    if (v && v.indexOf('@') >= 0) {
      const found = parseAddressList(v);
      if (found.length) return found;
    }
  }
  for (const a of Array.from(el.attributes)) {
    if (a.name.startsWith('data-') && !CHIP_ATTRS.includes(a.name) && a.value.indexOf('@') >= 0) {
      const found = parseAddressList(a.value);
      if (found.length) return found;
    }
  }
  return [];
}

/** Words (and lone glyphs) of a chip's remove control: a chip is what holds one. */
const REMOVE = /^(?:[×✕✖⨯x]|remove|delete|supprimer|retirer|enlever|effacer|entfernen|löschen|eliminar|quitar|rimuovi|close)$/i;
const CLICKABLE = new Set(['BUTTON', 'A']);

function isRemoveControl(el: Element): boolean {
  if (!CLICKABLE.has(el.tagName) && el.getAttribute('role') !== 'button') return false;
  const texts = [el.getAttribute('aria-label'), el.getAttribute('title'), textOf(el), el.getAttribute('class')];
  return texts.some((t) => !!t && (REMOVE.test(t.trim()) || words(t).some((w) => REMOVE.test(w))));
}

class FieldCollector {
  private readonly map = new Map<string, ComposeRecipient>();
  constructor(readonly field: RecipientField) {}
  add(found: FoundAddress, pending = false): void {
    const key = found.address.toLowerCase();
    const prev = this.map.get(key);
    if (!prev) {
      this.map.set(key, { field: this.field, address: found.address, ...(found.name ? { name: found.name } : {}), ...(pending ? { pending: true } : {}) });
      return;
    }
    if (!prev.name && found.name) prev.name = found.name;
    if (prev.pending && !pending) delete prev.pending;
  }
  list(): ComposeRecipient[] {
    return [...this.map.values()];
  }
}

/**
 * Reads chips (attributes, then text) and field values inside one recipient field's area. Returns how many things
 * that look like a recipient (a chip: what holds a remove control) carried no address it could read.
 */
function scanArea(area: Element, collector: FieldCollector): number {
  let chips = 0;
  const doc = area.ownerDocument;
  const walker = doc.createTreeWalker(area, 1 | 4 /* elements and text */);
  const inputs: Array<HTMLInputElement | HTMLTextAreaElement> = [];
  const removes: Element[] = [];
  const read = new Set<Element>();
  let node: Node | null = walker.currentNode;
  while (node) {
    let skipChildren = false;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.matches(SELECTORS.skip.css) || isOwnUi(el)) skipChildren = true;
      else if (TEXTY.has(el.tagName)) {
        inputs.push(el as HTMLInputElement);
        skipChildren = true;
      } else {
        if (isRemoveControl(el)) removes.push(el);
        const found = addressesInAttributes(el);
        if (found.length) {
          chips++;
          read.add(el);
          const dataName = el.getAttribute('data-name');
          for (const f of found) {
            const text = textOf(el);
            const name = cleanName(dataName, f.address) ?? f.name ?? (found.length === 1 && text.length <= 120 ? cleanName(text, f.address) : undefined);
            collector.add(name ? { address: f.address, name } : { address: f.address });
          }
          skipChildren = true;
        }
      }
    } else if (node.nodeType === 3 && node.nodeValue && node.nodeValue.indexOf('@') >= 0) {
      const found = parseAddressList(node.nodeValue);
      const parentText = textOf(node.parentElement);
      for (const f of found) {
        chips++;
        if (node.parentElement) read.add(node.parentElement);
        const name = f.name ?? (found.length === 1 && parentText.length <= 120 ? cleanName(parentText, f.address) : undefined);
        collector.add(name ? { address: f.address, name } : { address: f.address });
      }
    }
    node = skipChildren ? nextSkipping(walker) : walker.nextNode();
  }
  for (const input of inputs) {
    const committed = input.tagName === 'TEXTAREA' || (input as HTMLInputElement).type === 'hidden' || chips === 0;
    if (committed) for (const f of parseAddressList(input.value)) collector.add(f);
    else for (const f of completeMailboxes(input.value)) collector.add(f, true);
  }
  return unreadChips(area, removes, read);
}

/**
 * Chips whose address could not be read: for each remove control, its chip is the closest wrapper with text of its
 * own; the chip was read when it, an element inside it or a wrapper of it (below the area) gave an address.
 */
function unreadChips(area: Element, removes: Element[], read: Set<Element>): number {
  const chips = new Set<Element>();
  for (const r of removes) {
    let chip: Element | null = null;
    const own = textOf(r);
    for (let p = r.parentElement; p && p !== area; p = p.parentElement) {
      if (textOf(p).length > own.length) {
        chip = p;
        break;
      }
    }
    if (!chip || chip.matches(TEXT_CONTROL) || query(chip, TEXT_CONTROL) || kindFromLabel(textOf(chip).replace(own, ''))) continue;
    chips.add(chip);
  }
  let unread = 0;
  for (const chip of chips) {
    let ok = false;
    for (const el of read) if (chip.contains(el) || el.contains(chip)) ok = true;
    if (!ok) unread++;
  }
  return unread;
}

function nextSkipping(walker: TreeWalker): Node | null {
  const n = walker.nextSibling();
  if (n) return n;
  while (walker.parentNode()) {
    const s = walker.nextSibling();
    if (s) return s;
  }
  return null;
}

class GenericCompose implements ComposeHandle {
  /** The editor found by the last scan, kept while it stays in place (body(), overlaySlot() ask often). */
  private cached: Editor | null = null;
  constructor(readonly root: HTMLElement) {}

  get kind(): ComposeKind {
    return this.root.closest(SELECTORS.dialog.css) ? 'popup' : 'page';
  }

  private scanEditor(scan: Scan, controls: Control[]): Editor | null {
    this.cached = bestEditor(editorsIn(this.root, controls, scan));
    return this.cached;
  }

  /** Whether the editor found last is still this compose's (Firefox: a removed iframe's body is a dead object). */
  private stillThere(c: Editor): boolean {
    try {
      return c.el.isConnected && this.root.contains(c.anchor) && (c.el.isContentEditable || TEXTY.has(c.el.tagName));
    } catch {
      return false;
    }
  }

  private editor(): Editor | null {
    const c = this.cached;
    if (c && this.stillThere(c)) return c;
    const scan = new Scan(this.root.ownerDocument);
    return this.scanEditor(scan, controlsIn(this.root, scan));
  }

  readRecipients(): ComposeRecipient[] | null {
    try {
      const scan = new Scan(this.root.ownerDocument);
      const controls = controlsIn(this.root, scan);
      const recipients = controls.filter(isRecipient);
      if (!recipients.length) return null;
      const editor = this.scanEditor(scan, controls);
      const blockers: Element[] = [editor?.anchor, ...controls.filter((c) => !isRecipient(c)).map((c) => c.el)].filter(
        (x): x is HTMLElement => !!x,
      );
      const labels = labelElements(this.root, editor?.anchor ?? null);
      const collectors = { to: new FieldCollector('to'), cc: new FieldCollector('cc'), bcc: new FieldCollector('bcc') };
      const done = new Set<Element>();
      let unread = 0;
      for (const c of recipients) {
        let area: Element = c.el;
        for (let i = 0; i < 4; i++) {
          const p: Element | null = area.parentElement;
          if (!p || p === this.root || !this.root.contains(p)) break;
          if (blockers.some((b) => p.contains(b))) break;
          if (recipients.some((o) => o.kind !== c.kind && p.contains(o.el))) break;
          if (labels.some((l) => l.kind !== c.kind && p.contains(l.el))) break;
          if (query(p, 'select')) break;
          area = p;
        }
        if (done.has(area)) continue;
        done.add(area);
        unread += scanArea(area, collectors[c.kind]);
      }
      // Something that looks like a recipient was not read: say so rather than judge the others alone.
      if (unread > 0) return null;
      return [...collectors.to.list(), ...collectors.cc.list(), ...collectors.bcc.list()];
    } catch {
      return null;
    }
  }

  readSubject(): string | null {
    const s = controlsIn(this.root, new Scan(this.root.ownerDocument)).find((c) => c.kind === 'subject');
    if (!s) return null;
    return TEXTY.has(s.el.tagName) ? (s.el as HTMLInputElement).value : textOf(s.el);
  }

  body(): HTMLElement | null {
    return this.editor()?.el ?? null;
  }

  signature(): HTMLElement | null {
    const b = this.body();
    return b && !TEXTY.has(b.tagName) ? query(b, SELECTORS.signature.css) : null;
  }

  quote(): HTMLElement | null {
    const b = this.body();
    return b && !TEXTY.has(b.tagName) ? query(b, SELECTORS.quote.css) : null;
  }

  sendButton(): HTMLElement | null {
    const isSend = (el: HTMLElement) => {
      const texts = [textOf(el), el.getAttribute('aria-label'), el.getAttribute('title'), (el as HTMLInputElement).value];
      if (texts.some((t) => has(WORDS.send, words(t).slice(0, 2)))) return true;
      return ['id', 'name', 'class', 'data-testid', 'data-test-id'].some((a) => has(WORDS.send, words(el.getAttribute(a))));
    };
    let scope: HTMLElement | null = this.root;
    for (let level = 0; level < 3 && scope; level++, scope = scope.parentElement) {
      const hit = queryAll(scope, SELECTORS.sendControl.css).find((el) => !isOwnUi(el) && isSend(el));
      if (hit) return hit;
    }
    return null;
  }

  /**
   * Above the editor, below the header fields — and above the editor's own toolbars: the elements between the last
   * header row and the editor that hold no field (formatting bars, attachment bars) stay with the editor.
   */
  overlaySlot(): { parent: HTMLElement; before: Node | null } | null {
    const editor = this.editor();
    if (!editor) return null;
    const scan = new Scan(this.root.ownerDocument);
    const headers = controlsIn(this.root, scan).map((c) => c.el);
    const holdsHeader = (el: Element) => headers.some((h) => el.contains(h));
    let x: HTMLElement = editor.anchor;
    while (x.parentElement && x.parentElement !== this.root && !holdsHeader(x.parentElement)) x = x.parentElement;
    if (!x.parentElement || !this.root.contains(x)) return null;
    let before: HTMLElement = x;
    for (let prev = before.previousElementSibling; prev && !isOwnUi(prev) && !holdsHeader(prev) && !scan.hasTextControl(prev); prev = prev.previousElementSibling) {
      before = prev as HTMLElement;
    }
    return { parent: x.parentElement, before };
  }

  observeTargets(): Node[] {
    return [this.root];
  }
}

const handles = new WeakMap<HTMLElement, GenericCompose>();

export function findGenericComposes(doc: Document): ComposeHandle[] {
  try {
    const scan = new Scan(doc);
    const controls = controlsIn(doc, scan);
    const recipients = controls.filter(isRecipient);
    if (!recipients.length) return [];
    const roots: HTMLElement[] = [];
    for (const editor of editorsIn(doc, controls, scan)) {
      if (editor.score <= 0) continue;
      const root = rootFor(editor.anchor, recipients);
      if (root && !roots.includes(root)) roots.push(root);
    }
    return roots
      .filter((r) => !roots.some((o) => o !== r && r.contains(o)))
      .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1))
      .map((root) => {
        let h = handles.get(root);
        if (!h) {
          h = new GenericCompose(root);
          handles.set(root, h);
        }
        return h;
      });
  } catch {
    return [];
  }
}

export const generic: SiteAdapter = {
  id: 'generic',
  selectors: SELECTORS,
  composeHint: SELECTORS.composeHint.css,
  findComposes: findGenericComposes,
};

/** Any other webmail the user enables: what runs there when no site file recognises the page. */
export const genericSite: SiteInfo = { id: 'generic', label: 'siteGeneric', hosts: [], detect: [] };
