/** The whole catalogues, bundled for the extension's own pages (options, popup). */
import fr from '../../../public/_locales/fr/messages.json';
import en from '../../../public/_locales/en/messages.json';
import type { Catalogues } from './i18n';

export const PAGE_CATALOGUES: Catalogues = { fr, en };
