/**
 * The overlay's share of the catalogues (only its own keys: scripts/overlay-messages.ts). The service worker holds
 * them and gives the content script the one it needs when browser.i18n speaks another language than the overlay
 * must (the user picked the other one in the options): compose pages carry no catalogue of their own.
 */
import fr from '../../../public/_locales/fr/messages.json?overlay';
import en from '../../../public/_locales/en/messages.json?overlay';
import type { Catalogues } from './i18n';

export const OVERLAY_CATALOGUES: Catalogues = { fr, en };
