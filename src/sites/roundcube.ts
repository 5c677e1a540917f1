/**
 * Roundcube (self-hosted: OVHcloud's, hosting providers', a company's own), Elastic skin, and the older skins' plain
 * recipient textareas. Every selector is data below with the public code that shows it: roundcube/roundcubemail
 * @28b44419 (2026-08) and the Roundcube 1.6 that Debian ships (its templates and program/js as installed, which the
 * live browser test runs against: e2e/roundcube.e2e.ts).
 */
import type { RecipientField, SelectorSpec, SiteInfo } from './types';
import { firstShown, forField, frameBody, query, queryAll, specAdapter, textOf, type Reading, type SiteSpec } from './spec';
import { isHidden } from './dom-util';

const RC = 'roundcube/roundcubemail';

const SELECTORS = {
  root: {
    css: '#compose-content',
    source: `${RC} skins/elastic/templates/compose.html (div#compose-content.formcontainer holds form[name=form] and the send button)`,
  },
  recipientField: {
    css: 'textarea#_$f, input#_$f',
    source: `${RC} compose.html + program/actions/mail/compose.php (textarea name=_to/_cc/_bcc, data-recipient-input)`,
    note: 'Elastic hides it off-screen and keeps it in step with the chips; older skins show it (no chips).',
  },
  recipientList: {
    css: 'ul.recipient-input',
    source: `${RC} skins/elastic/ui.js recipient_input(): the list inserted after the original textarea`,
  },
  recipientChip: {
    css: 'li.recipient',
    source: `${RC} skins/elastic/ui.js recipient_input() insert_recipient(): li.recipient[title="Name <email>"] > span.name + span.email`,
    note: 'title only when a name is shown; the text is "Name <email>," or "email,".',
  },
  recipientInput: {
    css: 'li.input input',
    source: `${RC} skins/elastic/ui.js recipient_input(): li.input > input, where the user types`,
  },
  subject: { css: 'input#compose-subject, input[name=_subject]', source: `${RC} skins/elastic/templates/compose.html` },
  editorFrame: {
    css: 'iframe#composebody_ifr',
    source: 'TinyMCE iframe naming (<textarea id>_ifr), Roundcube HTML mode: program/js/editor.js starts TinyMCE on textarea#composebody',
  },
  textBody: {
    css: 'textarea#composebody',
    source: `${RC} compose.html: textarea#composebody[name=_message] (the plain-text editor; TinyMCE's source in HTML mode)`,
  },
  bodyContainer: { css: '#composebodycontainer', source: `${RC} compose.html: div#composebodycontainer around the editor` },
  signature: { css: '#_rc_sig', source: `${RC} program/js/editor.js: the HTML signature is div#_rc_sig` },
  quote: { css: 'blockquote[type=cite]', source: `${RC} program/actions/mail/send.php / compose.php: replies quote in blockquote[type=cite]` },
  headers: { css: '#compose-headers', source: `${RC} compose.html: div#compose-headers (From, To, Cc, Bcc, subject)` },
  send: {
    css: 'button.btn.btn-primary.send',
    source: `${RC} compose.html: the form's button.btn.btn-primary.send (rcmail.command('send')); Debian's Roundcube 1.6 too`,
  },
  composeHint: {
    css: '#compose-content, ul.recipient-input, li.recipient, textarea, iframe, input',
    source: 'The compose root and the parts above: a chip, the editor and its TinyMCE frame',
  },
  detectScript: { css: 'script[src*="program/js/app."]', source: `${RC} program/js/app.js, loaded by every Roundcube page (login included)` },
  detectLogin: { css: 'form #rcmloginuser', source: `${RC} skins/elastic/templates/login.html: input#rcmloginuser` },
  detectSkin: { css: 'link[href*="skins/elastic/"]', source: `${RC} skins/elastic: the skin's own stylesheets` },
} satisfies Record<string, SelectorSpec>;

const FIELDS: RecipientField[] = ['to', 'cc', 'bcc'];

export const roundcubeSite: SiteInfo = {
  id: 'roundcube',
  label: 'siteRoundcube',
  hosts: [],
  detect: [SELECTORS.detectScript, SELECTORS.detectLogin, SELECTORS.detectSkin],
};

function readField(root: HTMLElement, field: RecipientField, r: Reading): void {
  const original = query<HTMLTextAreaElement | HTMLInputElement>(root, forField(SELECTORS.recipientField.css, field));
  if (!original) return;
  r.found = true;
  // Elastic: the chip list right after the original field; older skins: the field itself, as the user typed it.
  const next = original.nextElementSibling;
  const list = next && next.matches(SELECTORS.recipientList.css) ? next : null;
  if (!list) {
    r.committed(field, original.value);
    return;
  }
  for (const chip of queryAll(list, SELECTORS.recipientChip.css)) r.chip(field, [chip.getAttribute('title'), textOf(chip)]);
  for (const input of queryAll<HTMLInputElement>(list, SELECTORS.recipientInput.css)) r.typed(field, input.value);
}

function body(root: HTMLElement): HTMLElement | null {
  // HTML mode: TinyMCE's iframe, while it is shown; plain text: the textarea, when it is not TinyMCE's hidden source.
  const frame = firstShown(queryAll(root, SELECTORS.editorFrame.css), root);
  const inFrame = frame ? frameBody(frame) : null;
  if (inFrame) return inFrame;
  const text = query<HTMLTextAreaElement>(root, SELECTORS.textBody.css);
  return text && !isHidden(text, root) ? text : null;
}

const spec: SiteSpec = {
  info: roundcubeSite,
  selectors: SELECTORS,
  composeHint: SELECTORS.composeHint.css,
  roots: (doc) => queryAll(doc, SELECTORS.root.css),
  recipients(root, r) {
    for (const f of FIELDS) readField(root, f, r);
  },
  subject: (root) => query<HTMLInputElement>(root, SELECTORS.subject.css)?.value ?? null,
  body,
  signature: (b) => (b.tagName === 'TEXTAREA' ? null : query(b, SELECTORS.signature.css)),
  quote: (b) => (b.tagName === 'TEXTAREA' ? null : query(b, SELECTORS.quote.css)),
  send: (root) => query(root, SELECTORS.send.css),
  slot(root) {
    // Above the editor and its toolbar (TinyMCE's lives inside the body container), below the headers.
    const container = query(root, SELECTORS.bodyContainer.css);
    return container?.parentElement ? { parent: container.parentElement, before: container } : null;
  },
  observe: (root) => queryAll(root, SELECTORS.headers.css),
};

export const roundcube = /* @__PURE__ */ specAdapter(spec);
