/**
 * The message as the analysis reads it: the body's text with its line breaks (a block or a <br> ends a line) and the
 * links whose target is not in their text ("Se désinscrire" → https://…), in one walk of the DOM — no layout (no
 * innerText), nothing written. A textarea's value as it is.
 */
import type { MessageLink } from '../background/protocol';
import { isTextField } from '../sites/dom-util';
import { MAX_BODY, MAX_LINKS } from '../background/protocol';
import { isOwn } from './own-ui';

export interface MessageText {
  text: string;
  links: MessageLink[];
}

const BLOCK = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|OL|P|PRE|SECTION|TABLE|TR|UL)$/;
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT)$/;

export function readMessage(body: HTMLElement): MessageText {
  if (isTextField(body)) return { text: body.value.slice(0, MAX_BODY), links: [] };
  let text = '';
  /** Whether the text ends with a line break (asked of the growing string, endsWith would flatten it each time). */
  let atLineEnd = true;
  const links: MessageLink[] = [];
  const nl = () => {
    if (!atLineEnd) {
      text += '\n';
      atLineEnd = true;
    }
  };
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c && text.length < MAX_BODY; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        if (v) {
          text += v;
          atLineEnd = v.charCodeAt(v.length - 1) === 10;
        }
      } else if (c.nodeType === 1) {
        const el = c as Element;
        const tag = el.tagName.toUpperCase();
        if (SKIP.test(tag) || isOwn(el)) continue;
        if (tag === 'BR') {
          text += '\n';
          atLineEnd = true;
          continue;
        }
        const block = BLOCK.test(tag);
        if (block) nl();
        const start = text.length;
        walk(el);
        if (tag === 'A' && links.length < MAX_LINKS) {
          const href = el.getAttribute('href');
          if (href && text.length > start) links.push({ href: href.slice(0, 2000), start, end: text.length });
        }
        if (block) nl();
      }
    }
  };
  walk(body);
  return { text: text.replace(/\u00a0/g, ' ').slice(0, MAX_BODY), links };
}
