/**
 * Small DOM and text helpers shared by the site adapters (src/sites) and the insertion code.
 * No selectors for any particular site live here.
 */
import { insideOwn } from './own-ui';

/** One address found in a chip, a title attribute or a field value. */
export interface FoundAddress {
  address: string;
  name?: string;
}

// Local part: the RFC 5322 atom characters (plus Unicode letters for internationalised addresses).
const LOCAL = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.\\-]+";
// Domain: dot-separated labels ending in a top-level domain of at least two letters.
const DOMAIN = '(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]*[\\p{L}\\p{N}])?\\.)+\\p{L}{2,}';
const ADDR = `${LOCAL}@${DOMAIN}`;

/** A bare address anywhere in a text. */
const ADDRESS_IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}.\\-_+])${ADDR}(?![\\p{L}\\p{N}\\-])`, 'giu');
/** `Name <address>` or `"Name, Inc." <address>` or a bare address. */
const MAILBOX = new RegExp(`(?:"([^"]*)"|([^<>,;"\\n]*?))\\s*<\\s*(${ADDR})\\s*>|(${ADDR})`, 'giu');
const EXACT_MAILBOX = new RegExp(`^(?:(?:"[^"]*"|[^<>,;"\\n]*?)\\s*<\\s*${ADDR}\\s*>|${ADDR})$`, 'iu');

/** True when the text contains at least one thing that looks like an email address. */
export function containsAddress(text: string | null | undefined): boolean {
  if (!text || text.indexOf('@') < 0) return false;
  ADDRESS_IN_TEXT.lastIndex = 0;
  return ADDRESS_IN_TEXT.test(text);
}

/**
 * Every mailbox in a free text such as `Jean Dupont <jean@acme.fr>, paul@x.fr; "Durand, M." <m@d.fr>`.
 * Names are trimmed; a name equal to the address is dropped.
 */
export function parseAddressList(text: string | null | undefined): FoundAddress[] {
  if (!text || text.indexOf('@') < 0) return [];
  const out: FoundAddress[] = [];
  MAILBOX.lastIndex = 0;
  for (let m = MAILBOX.exec(text); m; m = MAILBOX.exec(text)) {
    const address = (m[3] ?? m[4] ?? '').trim();
    if (!address) continue;
    const rawName = (m[1] ?? m[2] ?? '').trim();
    const name = cleanName(rawName, address);
    out.push(name ? { address, name } : { address });
  }
  return out;
}

/**
 * Whether a piece of text still being typed in a recipient input is a complete mailbox
 * (`a@b.fr` or `Name <a@b.fr>`), i.e. what the site would turn into a chip.
 */
export function isCompleteMailbox(text: string): boolean {
  return EXACT_MAILBOX.test(text.trim());
}

/** The complete mailboxes in a typed value, split on `,` and `;`. Incomplete pieces are ignored. */
export function completeMailboxes(value: string | null | undefined): FoundAddress[] {
  if (!value) return [];
  const out: FoundAddress[] = [];
  for (const piece of splitOutsideQuotes(value)) {
    if (piece.trim() && isCompleteMailbox(piece)) out.push(...parseAddressList(piece));
  }
  return out;
}

function splitOutsideQuotes(value: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';' || ch === '\n')) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** A display name cleaned of punctuation and remove-button glyphs; undefined when empty or just the address. */
export function cleanName(raw: string | null | undefined, address?: string): string | undefined {
  if (!raw) return undefined;
  let s = raw.replace(/\s+/g, ' ');
  if (address) s = s.split(address).join(' ').replace(/<\s*>/g, ' ');
  s = s
    .replace(/[<>()[\]]/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.)]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s || s.length > 120) return undefined;
  if (address && s.toLowerCase() === address.toLowerCase()) return undefined;
  return s;
}

/** Text with every kind of white space removed: used to compare texts across DOM line structures. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u200b\u200c\u200d\ufeff]+/g, '');
}

/** Lower-cased words of an identifier or label: `message-to-field` → [message, to, field], `composeTo` → [compose, to]. */
export function words(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A label's text normalised for comparison: lower case, no trailing colon, asterisk or spaces. */
export function normLabel(value: string | null | undefined): string {
  return (value ?? '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:*\u00a0]+$/u, '')
    .replace(/^[\s\u00a0]+/u, '')
    .toLowerCase();
}

/**
 * Best-effort "is this element hidden": the `hidden` attribute, `type=hidden`, `aria-hidden=true` on the element,
 * `display: none` on it or an ancestor (up to `stop`), `visibility: hidden` as computed for the element itself
 * (a descendant may override an ancestor's visibility: TinyMCE does), and off-screen tricks (Roundcube moves its
 * real textarea to left:-5000px). Uses `checkVisibility()` where the browser has it.
 */
export function isHidden(el: Element, stop?: Element | null): boolean {
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return true;
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    if (cur.hasAttribute('hidden')) return true;
    const style = (cur as HTMLElement).style;
    if (style) {
      if (style.display === 'none') return true;
      const left = parseInt(style.left || '', 10);
      if (style.position === 'absolute' && left <= -1000) return true;
    }
  }
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') {
    try {
      return !check.call(el, { visibilityProperty: true });
    } catch {
      /* fall through */
    }
  }
  const view = el.ownerDocument?.defaultView;
  if (view && typeof view.getComputedStyle === 'function') {
    try {
      const cs = view.getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') return true;
    } catch {
      /* detached or foreign element */
    }
  } else if ((el as HTMLElement).style?.visibility === 'hidden') return true;
  return false;
}

/** querySelectorAll that never throws (a malformed selector yields nothing). */
export function queryAll<T extends Element = HTMLElement>(root: ParentNode, css: string): T[] {
  try {
    return Array.from(root.querySelectorAll<T>(css as string) as unknown as ArrayLike<T>);
  } catch {
    return [];
  }
}

/** querySelector that never throws. */
export function query<T extends Element = HTMLElement>(root: ParentNode, css: string): T | null {
  try {
    return root.querySelector(css) as T | null;
  } catch {
    return null;
  }
}

/** The extension's own overlay (see own-ui.ts): nothing inside it is ever read as page content. */
export function isOwnUi(el: Element): boolean {
  return insideOwn(el);
}

/** Whether `el` is a native text field (input or textarea). Works across frames (no instanceof). */
export function isTextField(el: Element | null | undefined): el is HTMLInputElement | HTMLTextAreaElement {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'TEXTAREA' || tag === 'INPUT';
}

/** The value of a text field or the text of an editable element. */
export function fieldText(el: Element): string {
  if (isTextField(el)) return el.value;
  return el.textContent ?? '';
}
