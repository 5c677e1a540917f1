/**
 * Yahoo Mail (mail.yahoo.com). Every selector is data below with the public code that shows it: Mailvelope's Yahoo
 * module (src/content-scripts/providerSpecific.js, 2022) and public automation scripts ("[E-anon]": repositories the
 * index did not name); [G] where the Cc/Bcc rows are inferred from the To row's naming.
 */
import type { RecipientField, SelectorSpec, SiteInfo } from './types';
import { firstShown, forField, query, queryAll, slotAbove, specAdapter, textOf, type SiteSpec } from './spec';

const MV = 'mailvelope/mailvelope src/content-scripts/providerSpecific.js Yahoo (2022)';

const SELECTORS = {
  root: { css: '[data-test-id="compose"]', source: '[E-anon] Yahoo compose automation scripts; Mailvelope scopes to .compose-header inside it' },
  header: { css: '.compose-header', source: `${MV}: .compose-header holds the recipients` },
  field: {
    css: '[data-test-id="container-$f"]',
    source: `${MV}: [data-test-id="container-to"]`,
    note: '[G] container-cc / container-bcc for the Cc and Bcc rows, by the same naming.',
  },
  chip: {
    css: 'ul.pill-list > li:not(.pill-container) [data-test-id="pill"], [data-test-id="pill"]',
    source: `${MV}: a recipient is a [data-test-id="pill"] whose title is the address ("Name <email>" or "email")`,
  },
  input: {
    css: 'li.pill-container input, input.input-to, input[id^="message-"][id$="-field"]',
    source: `${MV}: ul.pill-list > li.pill-container input.input-to; [E-anon] #message-to-field`,
  },
  subject: { css: '[data-test-id="compose-subject"], #message-subject-field', source: `${MV}: [data-test-id="compose-subject"]; [E-anon] #message-subject-field` },
  body: { css: '#editor-container > [data-test-id="rte"]', source: `${MV}: the editor, [id="editor-container"] > [data-test-id="rte"] (contenteditable)` },
  signature: { css: '.signature', source: '[G] the signature block Yahoo writes into the body' },
  quote: { css: '.yahoo_quoted', source: 'Quoted-message markers of public quote-folding code: Yahoo writes div.yahoo_quoted' },
  send: { css: 'button[data-test-id="compose-send-button"], [data-test-id="compose-send-button"]', source: '[E-anon, many] [data-test-id="compose-send-button"]' },
  headers: { css: '.compose-header, [data-test-id="compose-subject"]', source: 'The header fields above' },
  composeHint: { css: '[data-test-id="compose"], [data-test-id="pill"], [contenteditable], input', source: 'The compose root and its parts above' },
} satisfies Record<string, SelectorSpec>;

const FIELDS: RecipientField[] = ['to', 'cc', 'bcc'];

export const yahooSite: SiteInfo = { id: 'yahoo', label: 'siteYahoo', hosts: ['https://mail.yahoo.com/*'], detect: [] };

const spec: SiteSpec = {
  info: yahooSite,
  selectors: SELECTORS,
  composeHint: SELECTORS.composeHint.css,
  matches: (l) => l.hostname === 'mail.yahoo.com',
  roots: (doc) => queryAll(doc, SELECTORS.root.css).filter((r) => !!query(r, SELECTORS.body.css)),
  kind: (root) => (root.closest('[role=dialog]') ? 'popup' : 'page'),
  recipients(root, r) {
    for (const field of FIELDS) {
      for (const area of queryAll(root, forField(SELECTORS.field.css, field))) {
        r.found = true;
        const chips = queryAll(area, SELECTORS.chip.css);
        for (const pill of chips.filter((c, i) => chips.indexOf(c) === i)) r.chip(field, [pill.getAttribute('title'), textOf(pill)], textOf(pill));
        for (const input of queryAll<HTMLInputElement>(area, SELECTORS.input.css)) r.typed(field, input.value);
      }
    }
  },
  subject: (root) => query<HTMLInputElement>(root, SELECTORS.subject.css)?.value ?? null,
  body: (root) => firstShown(queryAll(root, SELECTORS.body.css), root),
  signature: (b) => query(b, SELECTORS.signature.css),
  quote: (b) => query(b, SELECTORS.quote.css),
  send: (root) => firstShown(queryAll(root, SELECTORS.send.css), root),
  slot: (root, b) => slotAbove(root, b, SELECTORS.headers.css),
};

export const yahoo = /* @__PURE__ */ specAdapter(spec);
