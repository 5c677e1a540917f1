/**
 * The overlay's bundled catalogues, for when the user picked the language the browser is not in: only the overlay's
 * own keys (scripts/overlay-messages.ts), as every compose page carries them. The extension pages use the whole files
 * (page-catalogues.ts).
 */
import fr from '../../../public/_locales/fr/messages.json?overlay';
import en from '../../../public/_locales/en/messages.json?overlay';
import type { Catalogues } from './i18n';

export const OVERLAY_CATALOGUES: Catalogues = { fr, en };
