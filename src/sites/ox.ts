/**
 * Orange Mail (mail.orange.fr, mail01.orange.fr: Open-Xchange App Suite with Orange's own mail app, fr.in8/mail) and
 * OX App Suite self-hosted by a company or a hosting provider. Every selector is data below with the public code that
 * shows it: open-xchange/appsuite-frontend (its compose code and its e2e tests). Whether Orange's fr.in8 app keeps
 * them all is [G]: public links show Orange on App Suite, no Orange markup was found.
 */
import type { RecipientField, SelectorSpec, SiteInfo } from './types';
import { firstShown, forField, frameBody, query, queryAll, slotAbove, specAdapter, textOf, type SiteSpec } from './spec';
import { isHidden } from './dom-util';

const OX = 'open-xchange/appsuite-frontend';

const SELECTORS = {
  root: {
    css: '.io-ox-mail-compose-window',
    source: `${OX} ui/e2e tests (I.click('~Close', '.io-ox-mail-compose-window'); iframeLocator '.io-ox-mail-compose-window .editor iframe')`,
  },
  field: {
    css: '[data-extension-id="$f"]',
    source: `${OX} ui/e2e tests: '.io-ox-mail-compose div[data-extension-id="to"] input.tt-input'`,
    note: 'The Cc and Bcc rows by the same extension ids (cc, bcc).',
  },
  token: {
    css: '.token',
    source: `${OX} ui/apps/io.ox/core/tk/tokenfield.js: a recipient is a .token with title="Name <email>" and a .token-label`,
  },
  tokenLabel: { css: '.token-label', source: `${OX} ui/apps/io.ox/core/tk/tokenfield.js` },
  input: { css: 'input.tt-input, input.token-input', source: `${OX} ui/e2e tests (input.tt-input); tokenfield.js (.token-input)` },
  subject: { css: '[name="subject"]', source: `${OX} ui/e2e tests: '.io-ox-mail-compose [name="subject"]'` },
  editorFrame: { css: '.editor iframe', source: `${OX} ui/e2e/tests/mail/compose/tinymce_test.js: '.io-ox-mail-compose-window .editor iframe'` },
  inlineEditor: {
    css: '.contenteditable-editor[contenteditable=true]',
    source: `${OX} ui/e2e testrail compose_test.js: '.io-ox-mail-compose .contenteditable-editor' (TinyMCE inline, older releases)`,
  },
  textBody: { css: 'textarea.plain-text', source: `${OX} ui/e2e tests and nightwatch compose.js: textarea.plain-text (text mode)` },
  signature: { css: '.io-ox-signature', source: `${OX} ui/apps/io.ox/mail/compose/view.js getParagraph(): div.io-ox-signature` },
  quote: { css: 'blockquote[type=cite]', source: `${OX} ui/apps/io.ox/mail/compose: replies and forwards quote in blockquote[type=cite]` },
  send: {
    css: 'button[data-action="send"]',
    source: `${OX} ui/apps/io.ox/mail/compose/extensions.js buttons.send: button.btn.btn-primary[data-action="send"]`,
  },
  headers: { css: '[data-extension-id="to"], [name="subject"]', source: 'The header fields above (the overlay goes below them)' },
  composeHint: { css: '.io-ox-mail-compose-window, .token, iframe, textarea, [contenteditable], input', source: 'The compose window and its parts above' },
  detectCore: {
    css: '#io-ox-core',
    source: `${OX} ui/index.html (and hosted App Suite pages): div#io-ox-core, the App Suite shell, on the sign-in page too`,
  },
  detectCompose: { css: '.io-ox-mail-window, .io-ox-mail-compose-window', source: `${OX} ui/e2e tests: the mail app's windows` },
} satisfies Record<string, SelectorSpec>;

const FIELDS: RecipientField[] = ['to', 'cc', 'bcc'];
const HOSTS = ['mail.orange.fr', 'mail01.orange.fr'];

export const oxSite: SiteInfo = {
  id: 'ox',
  label: 'siteOx',
  // Public links to Orange Mail: mail.orange.fr/appsuite/… and mail01.orange.fr/appsuite/#!&app=fr.in8/mail/compose.
  hosts: HOSTS.map((h) => `https://${h}/*`),
  detect: [SELECTORS.detectCore, SELECTORS.detectCompose],
};

function body(root: HTMLElement): HTMLElement | null {
  const frame = firstShown(queryAll(root, SELECTORS.editorFrame.css), root);
  const inFrame = frame ? frameBody(frame) : null;
  if (inFrame) return inFrame;
  const inline = firstShown(queryAll(root, SELECTORS.inlineEditor.css), root);
  if (inline) return inline;
  const text = query<HTMLTextAreaElement>(root, SELECTORS.textBody.css);
  return text && !isHidden(text, root) ? text : null;
}

const spec: SiteSpec = {
  info: oxSite,
  selectors: SELECTORS,
  composeHint: SELECTORS.composeHint.css,
  matches: (l) => HOSTS.includes(l.hostname),
  roots: (doc) => queryAll(doc, SELECTORS.root.css).filter((r) => !isHidden(r)),
  kind: (root) => (root.closest('.floating-window, [role=dialog]') ? 'popup' : 'page'),
  recipients(root, r) {
    for (const field of FIELDS) {
      for (const row of queryAll(root, forField(SELECTORS.field.css, field))) {
        r.found = true;
        for (const t of queryAll(row, SELECTORS.token.css)) r.chip(field, [t.getAttribute('title'), textOf(query(t, SELECTORS.tokenLabel.css)) || textOf(t)], textOf(query(t, SELECTORS.tokenLabel.css)));
        for (const input of queryAll<HTMLInputElement>(row, SELECTORS.input.css)) r.typed(field, input.value);
      }
    }
  },
  subject: (root) => query<HTMLInputElement>(root, SELECTORS.subject.css)?.value ?? null,
  body,
  signature: (b) => (b.tagName === 'TEXTAREA' ? null : query(b, SELECTORS.signature.css)),
  quote: (b) => (b.tagName === 'TEXTAREA' ? null : query(b, SELECTORS.quote.css)),
  send: (root) => firstShown(queryAll(root, SELECTORS.send.css), root),
  slot(root, b) {
    const el = b && b.ownerDocument !== root.ownerDocument ? query(root, SELECTORS.editorFrame.css) : b;
    return slotAbove(root, el, SELECTORS.headers.css);
  },
};

export const ox = /* @__PURE__ */ specAdapter(spec);
