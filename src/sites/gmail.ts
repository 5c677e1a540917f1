/**
 * Gmail (mail.google.com) compose windows: popup, full screen, inline reply and the standalone compose page.
 * Every selector is data below, with the public code that shows it (see the project's DOM evidence notes).
 * `$f` in a selector stands for the recipient field name: to, cc or bcc.
 */
import type { ComposeHandle, ComposeKind, ComposeRecipient, RecipientField, SelectorSpec, SiteAdapter, SiteInfo } from './types';
import { completeMailboxes, cleanName, isHidden, parseAddressList, query, queryAll } from './dom-util';

const SELECTORS = {
  composeInner: {
    css: 'div.M9',
    source: 'KartikTalwar/gmail.js src/gmail.js api.dom.compose (2026-03); Briskine src/content/plugins/gmail.js (2026-08)',
    note: 'Present in popup, full-screen and inline-reply composes.',
  },
  composeDialog: {
    css: '[role=dialog]',
    source: 'InboxSDK gmail-driver/setup-compose-view-driver-stream.ts (2026-07)',
    note: 'Popup/full-screen root: the dialog around .M9, only when it contains a form. 2020 snapshot: div.nH.Hd[role=dialog].',
  },
  composeDialogInContainer: {
    css: 'div.AD [role=dialog], .aSt [role=dialog]',
    source: 'InboxSDK gmail-driver/setup-compose-view-driver-stream.ts + gmail-element-getter.ts (2026-07)',
    note: 'Dialogs found without a .M9 (should Gmail drop that class) are still composes when they hold a form.',
  },
  form: { css: 'form', source: 'InboxSDK gmail-driver/setup-compose-view-driver-stream.ts (2026-07)' },
  fullscreenContainer: {
    css: '.aSs .aSt',
    source: 'InboxSDK gmail-element-getter.ts getFullscreenComposeWindowContainer (2026-07)',
  },
  inlineThread: {
    css: '.AO',
    source: 'KartikTalwar/gmail.js src/gmail.js compose is_inline: closest(".AO") (2026-03)',
  },
  inlineReply: {
    css: '.ip.adB',
    source: 'InboxSDK views/gmail-message-view.ts (reply element .ip gains class adB, compose is the .M9 inside) (2026-07)',
  },
  recipientField: {
    css: '.anm[name="$f"], div[name="$f"]',
    source: 'InboxSDK gmail-compose-view/page-parser.ts getRecipientRowForType (2026-07); gmail.js `div[name=to]` (2026-03)',
    note: 'PeopleKit recipient UI, late 2021 onwards.',
  },
  recipientChip: {
    css: '[role=option][data-hovercard-id], .afV[data-hovercard-id], span[email][data-hovercard-id]',
    source:
      'InboxSDK gmail-compose-view/get-recipients.ts (2026-07) + Briskine gmail.js (2026-08); older chips: mailvelope providerSpecific.js .afV (2022), FlowCrypt gmail-element-replacer.ts span[email]',
    note: 'Address in data-hovercard-id, display name in data-name.',
  },
  recipientChipShape: {
    css: '[role=option], .afV, .vR',
    source: 'InboxSDK get-recipients.ts / page-parser.ts (2026-07): a chip is a [role=option] of the field listbox; older .afV and classic .vR',
    note: 'What a chip looks like whatever its attributes: each one must give an address, else the overlay says it cannot read.',
  },
  recipientInput: {
    css: 'input[role=combobox], input[peoplekit-id]',
    source: 'InboxSDK gmail-compose-view/set-recipients.ts (2026-07); gmail.js `input[peoplekit-id]` (2026-03)',
    note: 'Text still being typed; counted (pending) only when it is a complete address.',
  },
  classicRecipientField: {
    css: 'textarea.vO[name="$f"], .GS tr input[name="$f"]:not([type=hidden])',
    source: 'InboxSDK gmail-compose-view/page-parser.ts getOldRecipientRowForType (2026-07); 2020 snapshot (evan-brass/js-min)',
  },
  classicRecipientRow: { css: 'tr', source: 'InboxSDK gmail-compose-view/page-parser.ts: input.closest("tr") (2026-07)' },
  classicChip: {
    css: '.vR > input[type=hidden]',
    source: 'InboxSDK gmail-compose-view/page-parser.ts getRecipientChips (2026-07)',
    note: 'Hidden input value holds the mailbox; the chip (.vR) may carry [email] on a child.',
  },
  classicChipEmail: { css: '[email]', source: 'FlowCrypt gmail-element-replacer.ts (span[email]); mailvelope providerSpecific.js (2022)' },
  subject: { css: 'input[name=subjectbox]', source: 'InboxSDK gmail-compose-view.ts (2026-07); gmail.js (2026-03); 2020 snapshot' },
  subjectRow: { css: '.aoD', source: '2020 snapshot (evan-brass/js-min): div.aoD.az6 wraps input[name=subjectbox]' },
  body: {
    css: '.Ap [g_editable=true]',
    source: 'InboxSDK gmail-compose-view.ts getBodyElement (2026-07); 2020 snapshot: div.Am.Al.editable[g_editable=true]',
  },
  bodyFallback: {
    css: 'div[contenteditable=true][role=textbox]',
    source: '2020 snapshot (evan-brass/js-min): div.Am.Al.editable[contenteditable=true][role=textbox]',
    note: 'Only inside the compose root; never the loose gmail.js div[contenteditable=true]:not([id=subject]).',
  },
  signature: {
    css: '.gmail_signature, [data-smartmail=gmail_signature]',
    source: 'HTML of Gmail-sent messages in public mailing-list archives (div.gmail_signature[data-smartmail], after span.gmail_signature_prefix "-- ")',
  },
  quote: {
    css: '.gmail_quote',
    source: 'HTML of Gmail-sent replies in public mailing-list archives (div.gmail_quote holds the quoted thread)',
  },
  composeHint: {
    css: 'div.M9, [role=dialog], form, [contenteditable], textarea, input',
    source: 'The compose roots and parts above (.M9, dialogs holding a form, the editor and fields)',
    note: 'The document is searched again only when an element added to it is or holds one of these.',
  },
  send: {
    css: '.IZ .Up div > div[role=button]:not(.Uo):not([aria-haspopup=true])',
    source: 'InboxSDK gmail-compose-view.ts getSendButton (2026-07); .Uo is Send & Archive',
  },
  sendClassic: {
    css: 'td.gU.Up div.T-I.aoO[role=button]',
    source: '2020 snapshot (evan-brass/js-min): div.T-I.aoO[role=button][data-tooltip^="Send"] in td.gU.Up',
  },
  sendPrimary: {
    css: '.aoO',
    source: '2020 snapshot (evan-brass/js-min): the Send button is div.T-I.aoO',
    note: 'Among the buttons the send selector matches, the one with .aoO is Send: another button in that area ("Send and request money", planadecu/gmail-templates #2) is never taken for it.',
  },
  moreSendOptions: {
    css: '.IZ .Up [role=button][aria-haspopup=true]',
    source: 'InboxSDK gmail-compose-view.ts getSendButton (2026-07): the send area\'s [aria-haspopup=true] button is not Send; Fashionably Late / OutboxIQ gmail-recipe (2026): the "More send options" chevron next to Send opens the menu',
  },
  scheduleSend: {
    css: '[role=menuitem][selector=scheduledSend]',
    source: 'InboxSDK (`[selector=scheduledSend]` is Schedule send, 2026-07); Fashionably Late compose-integration (2026): div.J-N[role=menuitem][selector="scheduledSend"], in a menu Gmail adds to the document, outside the compose, activated by mousedown → mouseup → click',
    note: 'Locale-independent. Gmail schedules the compose whose "More send options" menu is open (aria-expanded).',
  },
} satisfies Record<string, SelectorSpec>;

const FIELDS: RecipientField[] = ['to', 'cc', 'bcc'];
const sel = (key: keyof typeof SELECTORS, field?: RecipientField) =>
  field ? SELECTORS[key].css.split('$f').join(field) : SELECTORS[key].css;

/** Chips nested in another matched chip (old .afV wrapping span[email]) are counted once. */
function outermost(els: Element[]): Element[] {
  const set = new Set(els);
  return els.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

/** The address a chip carries in its attribute, through the rules engine's parser; null when there is none. */
function chipAddress(chip: Element): string | null {
  const raw = chip.getAttribute('data-hovercard-id') ?? chip.getAttribute('email') ?? '';
  return parseAddressList(raw)[0]?.address ?? null;
}

interface FieldReading {
  recipients: ComposeRecipient[];
  /** Chips (by their shape) that gave no address. */
  unread: number;
}

function readNewField(area: Element, field: RecipientField): FieldReading {
  const out: ComposeRecipient[] = [];
  const seen = new Set<string>();
  const read = new Set<Element>();
  for (const chip of outermost(queryAll(area, sel('recipientChip')))) {
    const address = chipAddress(chip);
    if (!address) continue;
    read.add(chip);
    if (seen.has(address)) continue;
    const name = cleanName(chip.getAttribute('data-name'), address);
    seen.add(address);
    out.push(name ? { field, address, name } : { field, address });
  }
  let unread = 0;
  for (const shape of outermost(queryAll(area, sel('recipientChipShape')))) {
    if (![...read].some((r) => r === shape || shape.contains(r) || r.contains(shape))) unread++;
  }
  for (const input of queryAll<HTMLInputElement>(area, sel('recipientInput'))) {
    for (const m of completeMailboxes(input.value)) {
      if (seen.has(m.address.toLowerCase())) continue;
      seen.add(m.address.toLowerCase());
      out.push({ field, address: m.address, ...(m.name ? { name: m.name } : {}), pending: true });
    }
  }
  return { recipients: out, unread };
}

function readClassicField(input: HTMLTextAreaElement | HTMLInputElement, field: RecipientField): FieldReading {
  const out: ComposeRecipient[] = [];
  const seen = new Set<string>();
  const row = input.closest(sel('classicRecipientRow')) ?? input.parentElement;
  let unread = 0;
  if (row) {
    const read = new Set<Element>();
    for (const hidden of queryAll<HTMLInputElement>(row, sel('classicChip'))) {
      let found = parseAddressList(hidden.value);
      if (!found.length) {
        const email = hidden.parentElement ? query(hidden.parentElement, sel('classicChipEmail')) : null;
        const address = parseAddressList(email?.getAttribute('email'))[0]?.address;
        if (address) found = [{ address, name: cleanName(email?.textContent, address) }];
      }
      if (found.length && hidden.parentElement) read.add(hidden.parentElement);
      for (const m of found) {
        if (seen.has(m.address.toLowerCase())) continue;
        seen.add(m.address.toLowerCase());
        out.push({ field, address: m.address, ...(m.name ? { name: m.name } : {}) });
      }
    }
    for (const shape of outermost(queryAll(row, sel('recipientChipShape')))) {
      if (![...read].some((r) => r === shape || shape.contains(r) || r.contains(shape))) unread++;
    }
  }
  for (const m of completeMailboxes(input.value)) {
    if (seen.has(m.address.toLowerCase())) continue;
    seen.add(m.address.toLowerCase());
    out.push({ field, address: m.address, ...(m.name ? { name: m.name } : {}), pending: true });
  }
  return { recipients: out, unread };
}

class GmailCompose implements ComposeHandle {
  constructor(readonly root: HTMLElement) {}

  get kind(): ComposeKind {
    const r = this.root;
    if (r.closest(sel('inlineThread')) || r.closest(sel('inlineReply'))) return 'inline';
    if (r.closest(sel('fullscreenContainer'))) return 'fullscreen';
    if (r.closest(sel('composeDialog'))) return 'popup';
    return 'page';
  }

  readRecipients(): ComposeRecipient[] | null {
    try {
      let found = false;
      let unread = 0;
      const out: ComposeRecipient[] = [];
      for (const field of FIELDS) {
        const area = query(this.root, sel('recipientField', field));
        const classic = area ? null : query<HTMLTextAreaElement | HTMLInputElement>(this.root, sel('classicRecipientField', field));
        const reading = area ? readNewField(area, field) : classic ? readClassicField(classic, field) : null;
        if (!reading) continue;
        found = true;
        unread += reading.unread;
        out.push(...reading.recipients);
      }
      // A chip we could not read: say so, rather than judge the message on the others.
      return found && unread === 0 ? out : null;
    } catch {
      return null;
    }
  }

  readSubject(): string | null {
    const input = query<HTMLInputElement>(this.root, sel('subject'));
    return input ? input.value : null;
  }

  body(): HTMLElement | null {
    const candidates = [...queryAll(this.root, sel('body')), ...queryAll(this.root, sel('bodyFallback'))];
    return candidates.find((el) => !isHidden(el, this.root)) ?? candidates[0] ?? null;
  }

  signature(): HTMLElement | null {
    const body = this.body();
    return body ? query(body, sel('signature')) : null;
  }

  quote(): HTMLElement | null {
    const body = this.body();
    return body ? query(body, sel('quote')) : null;
  }

  sendButton(): HTMLElement | null {
    const candidates = queryAll(this.root, sel('send'));
    return candidates.find((b) => b.matches(sel('sendPrimary'))) ?? candidates[0] ?? query(this.root, sel('sendClassic'));
  }

  scheduleSendButtons(): HTMLElement[] {
    const inside = queryAll(this.root, sel('scheduleSend'));
    const chevron = query(this.root, sel('moreSendOptions'));
    // The menu is the document's; it belongs to this compose while this compose's chevron has it open.
    if (chevron?.getAttribute('aria-expanded') !== 'true') return inside;
    return [...inside, ...queryAll(this.root.ownerDocument, sel('scheduleSend')).filter((el) => !inside.includes(el))];
  }

  overlaySlot(): { parent: HTMLElement; before: Node | null } | null {
    // Popup / full screen: right after the subject row, i.e. above the editor, below the header fields.
    if (this.kind !== 'inline') {
      const subject = query(this.root, sel('subject'));
      const row = subject ? (subject.closest(sel('subjectRow')) ?? subject.parentElement) : null;
      if (row && row !== this.root && this.root.contains(row) && row.parentElement && !isHidden(row, this.root)) {
        return { parent: row.parentElement, before: row.nextSibling };
      }
    }
    // Inline reply (no subject row) or no subject found: directly above the editor, inside its container.
    const body = this.body();
    if (body?.parentElement && this.root.contains(body.parentElement)) return { parent: body.parentElement, before: body };
    return null;
  }

  observeTargets(): Node[] {
    return [this.root];
  }
}

const handles = new WeakMap<HTMLElement, GmailCompose>();

function handleFor(root: HTMLElement): GmailCompose {
  let h = handles.get(root);
  if (!h) {
    h = new GmailCompose(root);
    handles.set(root, h);
  }
  return h;
}

function looksLikeCompose(root: Element): boolean {
  return !!(
    query(root, sel('form')) ||
    query(root, sel('body')) ||
    query(root, sel('bodyFallback')) ||
    query(root, '.anm[name], textarea.vO')
  );
}

/** The element a compose window is identified by, for one `.M9`. */
function rootOf(m9: HTMLElement): HTMLElement {
  if (m9.closest(sel('inlineThread')) || m9.closest(sel('inlineReply'))) return m9;
  const dialog = m9.closest<HTMLElement>(sel('composeDialog'));
  if (dialog && query(dialog, sel('form')) && queryAll(dialog, sel('composeInner')).length === 1) return dialog;
  return m9;
}

export function findGmailComposes(doc: Document): ComposeHandle[] {
  try {
    const roots: HTMLElement[] = [];
    for (const m9 of queryAll(doc, sel('composeInner'))) {
      const root = rootOf(m9);
      if (!roots.includes(root) && looksLikeCompose(root)) roots.push(root);
    }
    for (const dialog of queryAll(doc, sel('composeDialogInContainer'))) {
      if (roots.some((r) => r === dialog || dialog.contains(r) || r.contains(dialog))) continue;
      if (query(dialog, sel('form')) && looksLikeCompose(dialog)) roots.push(dialog);
    }
    // Document order, and no root nested inside another one.
    return roots.filter((r) => !roots.some((o) => o !== r && o.contains(r))).map(handleFor);
  } catch {
    return [];
  }
}

export const gmail: SiteAdapter = {
  id: 'gmail',
  selectors: SELECTORS,
  composeHint: SELECTORS.composeHint.css,
  matches(location) {
    return location.hostname === 'mail.google.com';
  },
  findComposes: findGmailComposes,
};

/** Gmail runs on its own host only (manifest.json). */
export const gmailSite: SiteInfo = { id: 'gmail', label: 'siteGmail', hosts: ['https://mail.google.com/*'], detect: [] };
