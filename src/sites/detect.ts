/**
 * Recognising a self-hosted webmail by its page markers (each site file's `detect` selectors, with their sources):
 * the worker runs `detectInPage` in the tab the user is on (scripting.executeScript, the user's click on the toolbar
 * button granting activeTab), and the generic content script runs it on a domain enabled without a tab (from the
 * options page), so that every enabled domain ends up with its own site file.
 */
import type { SiteInfo } from './types';

/** One site's markers, as plain data (passed to the page as an argument). */
export interface Detector {
  id: string;
  css: string[];
}

export function detectorsOf(sites: readonly SiteInfo[]): Detector[] {
  return sites.filter((s) => s.detect.length > 0).map((s) => ({ id: s.id, css: s.detect.map((d) => d.css) }));
}

/**
 * The first site whose markers are in the document, or null. Self-contained (no outer reference): the worker hands it
 * to scripting.executeScript as `func`, serialised, with the detectors as its argument.
 */
export function detectInPage(detectors: ReadonlyArray<{ id: string; css: readonly string[] }>, doc?: Document): string | null {
  const d = doc ?? document;
  for (const site of detectors) {
    for (const css of site.css) {
      try {
        if (d.querySelector(css)) return site.id;
      } catch {
        /* a selector this engine does not know */
      }
    }
  }
  return null;
}
