/**
 * Every site adapter, and which one reads a page by its host (a dedicated adapter wins when its host matches; every
 * other page is read by the generic adapter). The content scripts do not import this: each page's own script carries
 * its one site file (src/content/entries/); this is for tests and tools that need them all.
 */
import type { SiteAdapter } from './types';
import { gmail } from './gmail';
import { generic } from './generic';
import { outlook } from './outlook';
import { yahoo } from './yahoo';
import { proton } from './proton';
import { ox } from './ox';
import { zimbra } from './zimbra';
import { roundcube } from './roundcube';
import { linkedin } from './linkedin';

export type { SiteAdapter, ComposeHandle, ComposeRecipient, RecipientField, SelectorSpec, ComposeKind } from './types';
export { gmail, generic, outlook, yahoo, proton, ox, zimbra, roundcube, linkedin };

/** Dedicated adapters first, the generic one last. */
export const ADAPTERS: readonly SiteAdapter[] = [gmail, linkedin, outlook, yahoo, proton, ox, zimbra, roundcube, generic];

export function adapterFor(location: { hostname: string; pathname: string }): SiteAdapter {
  for (const a of ADAPTERS) {
    try {
      if (a.matches?.(location)) return a;
    } catch {
      /* a broken adapter never stops the page from being read */
    }
  }
  return generic;
}
