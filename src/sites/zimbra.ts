/**
 * Zimbra's web client (classic Ajax UI), self-hosted by companies, universities and hosting providers. Every selector
 * is data below with the public code that shows it: Zimbra/zm-web-client @518cc8b4 (2024-09) for the markup and ids,
 * Zimbra/zm-selenium FormMailNew.java for the ids as rendered. Addresses live in the bubbles' text only (Zimbra keeps
 * them on JS objects, not in attributes): with the "short address" setting a bubble shows a name alone, and the
 * overlay then says it cannot read the recipients rather than judge the others.
 */
import type { RecipientField, SelectorSpec, SiteInfo } from './types';
import { firstShown, frameBody, query, queryAll, slotAbove, specAdapter, textOf, type SiteSpec } from './spec';
import { isHidden } from './dom-util';

const ZWC = 'Zimbra/zm-web-client (2024-09)';
const SEL = 'Zimbra/zm-selenium projects/ajax/pages/mail/FormMailNew.java';

const SELECTORS = {
  root: {
    css: 'div[id^="zv__COMPOSE"]',
    source: `${ZWC} WebRoot/js/zimbraMail/core/ZmId.js (view id zv__COMPOSE-<n>); ${SEL}`,
    note: 'Only the view itself (zv__COMPOSE-1), not its parts (zv__COMPOSE-1_to_control …).',
  },
  field: {
    css: '[id$="_$f_control"]',
    source: `${SEL}: input[id^=zv__COMPOSE][id$=_to_control] (a textarea in Edge), _cc_control, _bcc_control`,
  },
  cell: { css: '[id$="_$f_cell"]', source: `${SEL}: the bubble containers [id$=_to_cell], _cc_cell, _bcc_cell` },
  bubble: {
    css: 'span.addrBubble',
    source: `${ZWC} share/view/ZmAddressInputField.js ZmAddressBubble.getContent(): <span>address text</span> (+ remove / expand images)`,
  },
  subject: { css: 'input[id$="_subject_control"]', source: `${SEL}: div[id^=zv__COMPOSE] input[id$=_subject_control] (class subjectField)` },
  editorFrame: {
    css: 'iframe[id$="_body_ifr"]',
    source: `${SEL} zBodyFrameCss [id$='_body_ifr']; ${ZWC} share/view/htmlEditor/ZmHtmlEditor.js (TinyMCE, body#tinymce)`,
  },
  textBody: {
    css: 'textarea.ZmHtmlEditorTextArea, textarea[id$="_body"]',
    source: `${SEL}: div.ZmHtmlEditor .ZmHtmlEditorTextArea (plain text); ZmHtmlEditor.js textarea ZmHtmlEditor1_body`,
  },
  signature: {
    css: '[data-marker="__SIG_PRE__"]',
    source: 'Zimbra/zm-selenium signature tests: body#tinymce div[data-marker="__SIG_PRE__"]; zm-mailbox defanger tests',
  },
  quote: {
    css: '[data-marker="__QUOTED_TEXT__"], [data-marker="__HEADERS__"]',
    source: 'Public quote-stripping code for Zimbra mail: div[data-marker="__QUOTED_TEXT__"] and "__HEADERS__"',
  },
  send: {
    css: '[id^="zb__COMPOSE"][id$="__SEND"], [id^="zb__COMPOSE"][id$="__SEND_title"]',
    source: `${SEL}: div[id^='ztb__COMPOSE'] td[id='zb__COMPOSE-1__SEND_title'] — the toolbar button zb__COMPOSE-<n>__SEND`,
    note: "The compose's toolbar is outside its view: found by the view's number (zv__COMPOSE-1 → zb__COMPOSE-1__SEND).",
  },
  headers: {
    css: '[id$="_to_control"], [id$="_cc_control"], [id$="_subject_control"]',
    source: 'The header fields above (the overlay goes below them, above the editor)',
  },
  composeHint: { css: '[id^="zv__COMPOSE"], span.addrBubble, iframe, textarea, input', source: 'The compose view and its parts above' },
  detectMessages: {
    css: 'script[src*="/js/msgs/"][src*="ZmMsg"]',
    source: `${ZWC} WebRoot/public/launchZCS.jsp and launchNewWindow.jsp: the ZmMsg message bundle (/js/msgs/I18nMsg,AjxMsg,ZMsg,ZmMsg.js)`,
  },
  detectViews: { css: 'div[id^="zv__"][id*="__"]', source: `${ZWC} ZmId.js: every view of the client is a div#zv__<view>` },
} satisfies Record<string, SelectorSpec>;

const FIELDS: RecipientField[] = ['to', 'cc', 'bcc'];
const VIEW_ID = /^zv__COMPOSE(-\d+)?$/;

export const zimbraSite: SiteInfo = {
  id: 'zimbra',
  label: 'siteZimbra',
  hosts: [],
  detect: [SELECTORS.detectMessages, SELECTORS.detectViews],
};

const f = (css: string, field: RecipientField) => css.split('$f').join(field);

function body(root: HTMLElement): HTMLElement | null {
  const frame = firstShown(queryAll(root, SELECTORS.editorFrame.css), root);
  const inFrame = frame ? frameBody(frame) : null;
  if (inFrame) return inFrame;
  return firstShown(queryAll<HTMLTextAreaElement>(root, SELECTORS.textBody.css), root);
}

const spec: SiteSpec = {
  info: zimbraSite,
  selectors: SELECTORS,
  composeHint: SELECTORS.composeHint.css,
  roots: (doc) => queryAll(doc, SELECTORS.root.css).filter((r) => VIEW_ID.test(r.id) && !isHidden(r)),
  recipients(root, r) {
    for (const field of FIELDS) {
      const control = query<HTMLInputElement | HTMLTextAreaElement>(root, f(SELECTORS.field.css, field));
      const cell = query(root, f(SELECTORS.cell.css, field));
      if (!control && !cell) continue;
      r.found = true;
      for (const b of cell ? queryAll(cell, SELECTORS.bubble.css) : []) r.chip(field, [textOf(b)]);
      if (control) r.typed(field, control.value);
    }
  },
  subject: (root) => query<HTMLInputElement>(root, SELECTORS.subject.css)?.value ?? null,
  body,
  signature: (b) => (b.tagName === 'TEXTAREA' ? null : query(b, SELECTORS.signature.css)),
  quote: (b) => (b.tagName === 'TEXTAREA' ? null : query(b, SELECTORS.quote.css)),
  send(root) {
    const doc = root.ownerDocument;
    const id = root.id.replace(/^zv__/, 'zb__');
    const own = doc.getElementById(`${id}__SEND`) ?? doc.getElementById(`${id}__SEND_title`);
    return own ?? firstShown(queryAll(doc, SELECTORS.send.css));
  },
  slot(root, b) {
    const el = b && b.ownerDocument !== root.ownerDocument ? query(root, SELECTORS.editorFrame.css) : b;
    return slotAbove(root, el, SELECTORS.headers.css);
  },
};

export const zimbra = /* @__PURE__ */ specAdapter(spec);
