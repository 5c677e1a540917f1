/**
 * Every webmail Prospect Guard has a site file for, with what the worker and the popup need to know of it (its name,
 * its public hosts, its page markers) — data kept in each site file, gathered here. Importing this does not bring the
 * sites' reading code along (only their SiteInfo records).
 */
import type { SiteInfo } from './types';
import { gmailSite } from './gmail';
import { genericSite } from './generic';
import { outlookSite } from './outlook';
import { yahooSite } from './yahoo';
import { protonSite } from './proton';
import { oxSite } from './ox';
import { zimbraSite } from './zimbra';
import { roundcubeSite } from './roundcube';
import { detectorsOf, type Detector } from './detect';

/** Dedicated sites; their order is the order in which page markers are tried (the most specific first). */
export const SITES: readonly SiteInfo[] = [gmailSite, outlookSite, yahooSite, protonSite, oxSite, zimbraSite, roundcubeSite];

export { genericSite };

export function siteById(id: string | null | undefined): SiteInfo | null {
  if (id === genericSite.id) return genericSite;
  return SITES.find((s) => s.id === id) ?? null;
}

/** The page markers of the products that live on any domain (self-hosted), in detection order. */
export const DETECTORS: readonly Detector[] = detectorsOf(SITES);
