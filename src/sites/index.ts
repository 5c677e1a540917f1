/**
 * Which site adapter reads the current page. A dedicated adapter wins when its host matches; every other
 * page the user enables is read by the generic adapter.
 */
import type { SiteAdapter } from './types';
import { gmail } from './gmail';
import { generic } from './generic';
import { linkedin } from './linkedin';

export type { SiteAdapter, ComposeHandle, ComposeRecipient, RecipientField, SelectorSpec, ComposeKind } from './types';
export { gmail, generic, linkedin };

/** Dedicated adapters first, the generic one last. */
export const ADAPTERS: readonly SiteAdapter[] = [gmail, linkedin, generic];

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
