/**
 * Small DOM and text helpers shared by the site adapters (src/sites) and the insertion code.
 * No selectors for any particular site live here. Addresses are recognised by the rules engine's parser
 * (src/rules/address.ts), the project's only one: this file only finds the candidates in a text.
 */
import { insideOwn } from '../content/own-ui';
import { findAddresses, parseAddress, splitAddressList, type ParsedAddressOk } from '../rules/address';

/** One address found in a chip, a title attribute or a field value (normalised by the parser). */
export interface FoundAddress {
  address: string;
  name?: string;
}

const found = (p: ParsedAddressOk): FoundAddress => (p.name ? { address: p.email, name: p.name } : { address: p.email });

/**
 * Every address in a free text such as `Jean Dupont <jean@acme.fr>, paul@x.fr; "Durand, M." <m@d.fr>` or
 * "Supprimer jean@acme.fr", in order, display names kept (the rules engine's findAddresses). IP literals are no
 * recipient a webmail shows.
 */
export function parseAddressList(text: string | null | undefined): FoundAddress[] {
  if (!text || text.indexOf('@') < 0) return [];
  return findAddresses(text)
    .filter((p) => !p.ipLiteral)
    .map(found);
}

/** True when the text contains at least one email address. */
export function containsAddress(text: string | null | undefined): boolean {
  return !!text && text.indexOf('@') >= 0 && parseAddressList(text).length > 0;
}

/**
 * Whether a piece of text still being typed in a recipient input is a complete mailbox (`a@b.fr` or
 * `Name <a@b.fr>`), i.e. what the site would turn into a chip: the parser accepts it, and its top-level label
 * has at least two characters (`a@b.f` is a half-typed `a@b.fr`).
 */
export function isCompleteMailbox(text: string): boolean {
  const p = parseAddress(text);
  if (!p.ok || p.ipLiteral) return false;
  const tld = p.asciiDomain.slice(p.asciiDomain.lastIndexOf('.') + 1);
  return p.asciiDomain.indexOf('.') > 0 && tld.length >= 2;
}

/** The complete mailboxes in a typed value, split on `,` and `;`. Incomplete pieces are ignored. */
export function completeMailboxes(value: string | null | undefined): FoundAddress[] {
  if (!value || value.indexOf('@') < 0) return [];
  const out: FoundAddress[] = [];
  for (const piece of splitAddressList(value)) {
    if (!isCompleteMailbox(piece)) continue;
    const p = parseAddress(piece);
    if (p.ok) out.push(found(p));
  }
  return out;
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
