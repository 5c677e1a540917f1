/**
 * Which elements are the extension's own (overlay hosts). Production builds put no attribute on them for the
 * page to find, so the content script keeps them in a WeakSet: nothing the page can read or forge.
 * Site files and the insertion code ask here before reading an element as page content.
 */
const OWN = new WeakSet<Node>();

export function markOwn(el: Element): void {
  OWN.add(el);
}

export function isOwn(node: Node | null | undefined): boolean {
  return !!node && OWN.has(node);
}

/** True when `node` is one of our hosts or inside one (light DOM ancestors, or our shadow root's host). */
export function insideOwn(node: Node | null | undefined): boolean {
  for (let n: Node | null | undefined = node; n; ) {
    if (OWN.has(n)) return true;
    const parent: Node | null = n.parentNode;
    // A shadow root's parentNode is null: continue from its host.
    n = parent ?? ((n as ShadowRoot).host as Node | undefined) ?? null;
  }
  return false;
}
