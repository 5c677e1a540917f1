/**
 * Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com, outlook.cloud.microsoft) and
 * Outlook Web App on a company's own domain, recognised by its page markers. The compose is docked in the reading
 * pane or popped out; its body is roosterjs. Every selector is data below with the public code that shows it
 * ("[E-anon]": seen in several public automation scripts whose repositories the index did not name).
 */
import type { RecipientField, SelectorSpec, SiteInfo } from './types';
import { firstShown, forField, query, queryAll, specAdapter, textOf, type Reading, type SiteSpec } from './spec';
import { parseAddressList } from './dom-util';

const BRISKINE = 'Briskine/briskine src/content/plugins/outlook.js (2026-03)';

const SELECTORS = {
  compose: {
    css: '[id^="docking_InitVisiblePart"], [data-app-section="Form_Content"]',
    source: `${BRISKINE} getCompose(): the docked compose form, or the pop-out's`,
  },
  field: {
    css: '[id^="MSG_"][id$="_$f"]',
    source: `${BRISKINE} getField(): e.g. MSG_74cda7ce35c_TO, _CC, _BCC; [E-anon, 2026] a [role=group] per field`,
    note: '$f: TO, CC, BCC.',
  },
  well: { css: '[contenteditable=true]', source: `${BRISKINE} getRecipients(): the field's contenteditable recipient well` },
  chip: {
    css: ':scope > [contenteditable]:not([contenteditable=true]), ._EType_RECIPIENT_ENTITY',
    source: `${BRISKINE} getFieldData(): the well's children with their own contenteditable (the chips); [E-anon] ._EType_RECIPIENT_ENTITY`,
  },
  chipText: {
    css: '[class*="textContainer-"], [class*="individualText-"]',
    source: `${BRISKINE} getFieldData(): "full name <name@email.com>" (a re-opened draft), the name alone, or the address alone`,
  },
  chipLabel: {
    css: '[aria-label]',
    source: '[E-anon] the chip (._EType_RECIPIENT_ENTITY) carries the address in its aria-label even when a name is shown',
  },
  subject: {
    css: '[id^="MSG_"][id$="_SUBJECT"]',
    source: `${BRISKINE} getSubjectField(): the SUBJECT field, an input or holding one; [E-anon] [id$=_SUBJECT] input`,
  },
  subjectFallback: { css: 'input[aria-label="Add a subject"], input[aria-label="Ajouter un objet"]', source: 'toggl/track-extension src/content/outlook.js (localised label)' },
  body: {
    css: '[role=textbox][aria-multiline=true]',
    source: `${BRISKINE} getOutlookEditor(): "the message body is the only multiline textbox" (roosterjs, in #editorParent_1)`,
  },
  editorParent: { css: '[id^="editorParent"]', source: "[E-anon] #editorParent_1 holds the body (Briskine's spec selects it there)" },
  signature: {
    css: '#Signature, #signature',
    source: '[E-anon, 2026] an Outlook recipients/signature config: insert before #Signature / #signature',
  },
  quote: {
    css: '#divRplyFwdMsg, #appendonsend, #mail-editor-reference-message-container',
    source: '[E-anon, 2026] the same config: the reply / forward header and the quoted message follow #appendonsend, #divRplyFwdMsg',
  },
  send: {
    css: 'button[name="Send"], button.fui-SplitButton__primaryActionButton, button[id$="__primaryActionButton"]',
    source:
      'toggl/track-extension button[name="Send"]; CH3COOOH/OutlookSendingSafety (2025-02) button.fui-SplitButton__primaryActionButton; [E-anon] splitButton-r3a__primaryActionButton',
    note: "The first one only: the split button's other half (fui-SplitButton__menuButton) opens the menu, it does not send.",
  },
  composeHint: {
    css: '[id^="docking_InitVisiblePart"], [data-app-section="Form_Content"], [id^="MSG_"], [contenteditable], input',
    source: 'The compose roots and parts above',
  },
  detectCdn: { css: 'head [href*="cdn.office.net"]', source: `${BRISKINE} isActive(): OWA loads its assets from the Office CDN` },
  detectMeta: { css: 'meta[content*="owamail"]', source: `${BRISKINE} isActive()` },
  detectScript: { css: 'script[src*="/owamail/"], link[href*="/owamail/"]', source: `${BRISKINE} isActive()` },
} satisfies Record<string, SelectorSpec>;

const FIELDS: Record<RecipientField, string> = { to: 'TO', cc: 'CC', bcc: 'BCC' };
const HOSTS = ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'];

export const outlookSite: SiteInfo = {
  id: 'outlook',
  label: 'siteOutlook',
  // outlook.cloud.microsoft: where Microsoft 365 now serves Outlook (its endpoint list names it with outlook.office.com).
  hosts: HOSTS.map((h) => `https://${h}/*`),
  detect: [SELECTORS.detectCdn, SELECTORS.detectMeta, SELECTORS.detectScript],
};

/**
 * The recipient wells of a compose, by field: the editable well, or — a field the user has not focused yet, which
 * Outlook shows read-only (Briskine focuses it first, makeFieldsEditable) — the field itself.
 */
function wells(root: HTMLElement, field: RecipientField): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const f of queryAll(root, forField(SELECTORS.field.css, field, FIELDS))) {
    const w = f.matches(SELECTORS.well.css) ? f : (query(f, SELECTORS.well.css) ?? f);
    if (!out.includes(w)) out.push(w);
  }
  return out;
}

/** The chips of a well: its chip elements, and name texts that stand outside any (a read-only field). */
function chipsOf(well: HTMLElement): HTMLElement[] {
  const chips = queryAll(well, SELECTORS.chip.css);
  for (const t of queryAll(well, SELECTORS.chipText.css)) if (!chips.some((c) => c.contains(t))) chips.push(t);
  return chips.filter((c, _, all) => !all.some((o) => o !== c && o.contains(c)));
}

function readWell(well: HTMLElement, field: RecipientField, r: Reading): void {
  const chips = chipsOf(well);
  for (const chip of chips) {
    const text = textOf(query(chip, SELECTORS.chipText.css)) || textOf(chip);
    const labelled = chip.closest(SELECTORS.chipLabel.css);
    const labels = [chip, ...queryAll(chip, SELECTORS.chipLabel.css), ...(labelled && well.contains(labelled) && labelled !== well ? [labelled] : [])].map((el) =>
      el.getAttribute('aria-label'),
    );
    // "Name <address>" in the text, else the address the chip's label carries, the text being the name.
    const name = parseAddressList(text).length ? null : text;
    r.chip(field, [text, ...labels], name);
  }
  // What the user is typing: the well's own text outside the chips.
  let typed = '';
  const walk = (n: Node) => {
    for (const c of Array.from(n.childNodes)) {
      if (c.nodeType === 3) typed += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !chips.includes(c as HTMLElement)) walk(c);
      else typed += ' ';
    }
  };
  if (well.isContentEditable || well.getAttribute('contenteditable') === 'true') {
    walk(well);
    r.typed(field, typed.replace(/[\u200b\u00a0]/g, ' '));
  }
}

const spec: SiteSpec = {
  info: outlookSite,
  selectors: SELECTORS,
  composeHint: SELECTORS.composeHint.css,
  matches: (l) => HOSTS.includes(l.hostname),
  roots: (doc) => queryAll(doc, SELECTORS.compose.css).filter((root) => !!query(root, SELECTORS.body.css)),
  kind: (root) => (root.matches('[data-app-section="Form_Content"]') ? 'fullscreen' : 'inline'),
  recipients(root, r) {
    for (const field of ['to', 'cc', 'bcc'] as RecipientField[]) {
      for (const w of wells(root, field)) {
        r.found = true;
        readWell(w, field, r);
      }
    }
  },
  subject(root) {
    const s = query(root, SELECTORS.subject.css);
    const input = (s?.matches('input') ? s : s ? query(s, 'input') : null) ?? query(root, SELECTORS.subjectFallback.css);
    return (input as HTMLInputElement | null)?.value ?? null;
  },
  body: (root) => firstShown(queryAll(root, SELECTORS.body.css), root) ?? query(root, SELECTORS.body.css),
  signature: (b) => query(b, SELECTORS.signature.css),
  quote: (b) => query(b, SELECTORS.quote.css),
  editorHint: () => ({ kind: 'roosterjs' }),
  send: (root) => {
    for (const css of SELECTORS.send.css.split(', ')) {
      const b = firstShown(queryAll(root, css), root);
      if (b) return b;
    }
    return null;
  },
  slot(root, body) {
    if (!body) return null;
    const holder = body.closest<HTMLElement>(SELECTORS.editorParent.css) ?? body;
    return holder.parentElement && root.contains(holder) ? { parent: holder.parentElement, before: holder } : null;
  },
};

export const outlook = /* @__PURE__ */ specAdapter(spec);
