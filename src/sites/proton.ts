/**
 * Proton Mail (mail.proton.me). The body is roosterjs in a blank same-origin iframe without `allow-scripts`
 * (getComposerIframeSandbox.ts): no content script can run inside it, so it is reached from the parent page through
 * `iframe.contentDocument`. Every selector is data below with the public code that shows it: ProtonMail/WebClients
 * (Proton's own code) and public automation scripts ("[E-anon]": repositories the index did not name).
 */
import type { ComposeRecipient, RecipientField, SelectorSpec, SiteInfo } from './types';
import { firstShown, frameBody, query, queryAll, slotAbove, specAdapter, textOf, type Reading, type SiteSpec } from './spec';
import { isHidden, parseAddressList } from './dom-util';

const WC = 'ProtonMail/WebClients applications/mail/src/app/components/composer';

const SELECTORS = {
  root: {
    css: '.composer',
    source: `${WC}/ComposerFrame.tsx (div.composer[data-id]); [E-anon, 2026] .composer as the compose root`,
  },
  field: {
    css: 'input[data-testid="composer:to"], input[data-testid="composer:to-cc"], input[data-testid="composer:cc"], input[data-testid="composer:to-bcc"], input[data-testid="composer:bcc"]',
    source: `${WC}/addresses/AddressesEditor.tsx (data-testid composer:to, composer:to-cc, composer:to-bcc); [E-anon, 2026] composer:cc`,
  },
  chip: { css: '[data-testid="composer-addresses-item"]', source: `${WC}/addresses/AddressesRecipientItem.tsx` },
  chipLabel: {
    css: '[data-testid="composer-addresses-item-label"]',
    source: `${WC}/addresses/AddressesRecipientItem.tsx: its text is recipientToInput(): "Name <address>" or the address`,
  },
  chipRemove: {
    css: '[data-testid^="remove-address-button-"]',
    source: `${WC}/addresses/AddressesRecipientItem.tsx: data-testid="remove-address-button-<address>"`,
  },
  summary: {
    css: '[data-testid="composer:address"]',
    source: `${WC}/addresses/AddressesSummary.tsx: the collapsed recipients (a fake field), shown while the user writes`,
  },
  summaryLabel: {
    css: '.composer-addresses-fakefield-inner span[class*="text-ellipsis"]',
    source: `${WC}/addresses/AddressesSummary.tsx: one label per recipient, getRecipientOrGroupLabel() (the name or the address)`,
  },
  subject: { css: 'input[data-testid="composer:subject"]', source: `${WC}/ComposerMeta.tsx; [E-anon] input[data-testid="composer:subject"]` },
  editorFrame: {
    css: 'iframe[data-testid="rooster-iframe"]',
    source: 'ProtonMail/WebClients packages/components/components/editor/rooster/RoosterEditor.tsx: iframe[data-testid="rooster-iframe"][title="Email composer"]',
  },
  editorInFrame: {
    css: '#rooster-editor, [contenteditable=true]',
    source: 'ProtonMail/WebClients packages/components/components/editor/rooster/helpers/initRoosterEditor.ts: #rooster-editor in the frame document',
  },
  textBody: {
    css: 'textarea[data-testid="editor-textarea"]',
    source: 'ProtonMail/WebClients packages/components/components/editor/plainTextEditor (plain-text mode); [E-anon] userscript reading it',
  },
  signature: { css: '.protonmail_signature_block', source: '[E-anon] Proton signature userscripts: div.protonmail_signature_block in #rooster-editor' },
  quote: { css: '.protonmail_quote, blockquote.protonmail_quote', source: '[E-anon, 2026] blockquote.protonmail_quote holds the quoted thread' },
  send: { css: 'button[data-testid="composer:send-button"]', source: `${WC}/actions/SendActions.tsx; [E-anon, many] button[data-testid="composer:send-button"]` },
  header: {
    css: 'input[data-testid="composer:subject"], input[data-testid^="composer:to"], [data-testid="composer:address"]',
    source: 'The header fields above (the overlay goes below them, above the editor)',
  },
  composeHint: { css: '.composer, [data-testid^="composer"], iframe, textarea, input', source: 'The compose root and its parts above' },
} satisfies Record<string, SelectorSpec>;

export const protonSite: SiteInfo = { id: 'proton', label: 'siteProton', hosts: ['https://mail.proton.me/*'], detect: [] };

function fieldOf(input: Element): RecipientField {
  const id = input.getAttribute('data-testid') ?? '';
  return /bcc$/.test(id) ? 'bcc' : /cc$/.test(id) ? 'cc' : 'to';
}

/** The area of one recipient field: climbing from its input while no other field's input is inside. */
function areaOf(input: Element, root: HTMLElement, inputs: Element[]): Element {
  let area = input;
  for (let p = input.parentElement; p && p !== root; p = p.parentElement) {
    if (inputs.some((o) => o !== input && p.contains(o))) break;
    area = p;
  }
  return area;
}

/** The label → recipient pairs of the expanded editor last read, per compose: the collapsed summary shows labels only. */
const lastRead = new WeakMap<HTMLElement, Map<string, ComposeRecipient>>();

function readEditor(root: HTMLElement, inputs: HTMLInputElement[], r: Reading): void {
  r.found = true;
  const seen = new Map<string, ComposeRecipient>();
  for (const input of inputs) {
    const field = fieldOf(input);
    const area = areaOf(input, root, inputs);
    for (const chip of queryAll(area, SELECTORS.chip.css)) {
      const label = textOf(query(chip, SELECTORS.chipLabel.css));
      const removeId = query(chip, SELECTORS.chipRemove.css)?.getAttribute('data-testid')?.slice('remove-address-button-'.length);
      if (!r.chip(field, [label, removeId])) continue;
      const found = parseAddressList(label)[0] ?? parseAddressList(removeId)[0];
      if (!found) continue;
      const rec: ComposeRecipient = found.name ? { field, address: found.address, name: found.name } : { field, address: found.address };
      seen.set(found.address.toLowerCase(), rec);
      if (found.name) seen.set(found.name.toLowerCase(), rec);
    }
    r.typed(field, input.value);
  }
  lastRead.set(root, seen);
}

/**
 * The collapsed summary: each label must be an address, or the name of a recipient read in the expanded editor
 * before; anything else is a recipient we cannot read.
 */
function readSummary(root: HTMLElement, summary: Element, r: Reading): void {
  r.found = true;
  const known = lastRead.get(root);
  for (const el of queryAll(summary, SELECTORS.summaryLabel.css)) {
    const label = textOf(el);
    if (!label) continue;
    const rec = known?.get(label.toLowerCase());
    if (rec) r.chip(rec.field, [rec.name ? `${rec.name} <${rec.address}>` : rec.address]);
    else r.chip('to', [label]);
  }
}

function body(root: HTMLElement): HTMLElement | null {
  const frame = firstShown(queryAll(root, SELECTORS.editorFrame.css), root);
  const inFrame = frame ? frameBody(frame, SELECTORS.editorInFrame.css) : null;
  if (inFrame) return inFrame;
  const text = query<HTMLTextAreaElement>(root, SELECTORS.textBody.css);
  return text && !isHidden(text, root) ? text : null;
}

const spec: SiteSpec = {
  info: protonSite,
  selectors: SELECTORS,
  composeHint: SELECTORS.composeHint.css,
  matches: (l) => l.hostname === 'mail.proton.me',
  roots: (doc) => queryAll(doc, SELECTORS.root.css).filter((r) => !!query(r, SELECTORS.send.css)),
  kind: () => 'popup',
  recipients(root, r) {
    const inputs = queryAll<HTMLInputElement>(root, SELECTORS.field.css);
    if (inputs.length) return readEditor(root, inputs, r);
    const summary = query(root, SELECTORS.summary.css);
    if (summary) readSummary(root, summary, r);
  },
  subject: (root) => query<HTMLInputElement>(root, SELECTORS.subject.css)?.value ?? null,
  body,
  signature: (b) => (b.tagName === 'TEXTAREA' ? null : query(b, SELECTORS.signature.css)),
  quote: (b) => (b.tagName === 'TEXTAREA' ? null : query(b, SELECTORS.quote.css)),
  editorHint: (b) => (b && b.tagName !== 'TEXTAREA' ? { kind: 'roosterjs' } : null),
  send: (root) => query(root, SELECTORS.send.css),
  slot(root, b) {
    const el = b && b.ownerDocument !== root.ownerDocument ? query(root, SELECTORS.editorFrame.css) : b;
    return slotAbove(root, el, SELECTORS.header.css);
  },
};

export const proton = /* @__PURE__ */ specAdapter(spec);
