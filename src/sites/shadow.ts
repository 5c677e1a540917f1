/**
 * Searching through open shadow roots. LinkedIn renders its message bubbles, the new-message composer and the
 * connect dialog inside the open shadow root of `#interop-outlet[data-testid="interop-shadowdom"]` (Briskine's
 * spec and its `querySelectorDeep` / `closestDeep`, in the project's DOM evidence notes): a site file names the hosts
 * whose shadow roots hold its composes (`SiteAdapter.shadowHosts`), and the watcher observes inside them too.
 * Closed shadow roots stay closed (the page's own, and ours).
 */
import { insideOwn } from '../content/own-ui';
import { queryAll } from './dom-util';

/** The document, then the open shadow root of every element matching `hosts` in it (and in those roots, 3 deep). */
export function searchRoots(doc: Document, hosts: string | undefined): ParentNode[] {
  const out: ParentNode[] = [doc];
  if (!hosts) return out;
  for (let i = 0; i < out.length && out.length < 50 && i < 4; i++) {
    for (const host of queryAll<Element>(out[i]!, hosts)) {
      const root = host.shadowRoot;
      if (root && !out.includes(root) && !insideOwn(host)) out.push(root);
    }
  }
  return out;
}

/** Every element matching `css` in the document and in the open shadow roots of `hosts`, document order per root. */
export function queryAllDeep<T extends Element = HTMLElement>(doc: Document, css: string, hosts: string | undefined): T[] {
  const out: T[] = [];
  for (const root of searchRoots(doc, hosts)) for (const el of queryAll<T>(root, css)) out.push(el);
  return out;
}

/** `el.closest(css)`, continuing from the host of each shadow root it is in. */
export function closestDeep<T extends Element = HTMLElement>(el: Element | null, css: string): T | null {
  for (let cur: Element | null = el; cur; ) {
    let hit: Element | null = null;
    try {
      hit = cur.closest(css);
    } catch {
      return null;
    }
    if (hit) return hit as T;
    const root = cur.getRootNode();
    cur = root && (root as ShadowRoot).host ? (root as ShadowRoot).host : null;
  }
  return null;
}
