/**
 * The overlay's share of the message catalogues: `import fr from '…/fr/messages.json?overlay'` gives only the keys the
 * content script can use (`ov…`, `localeCode`). The catalogue stays one file per locale (what browser.i18n reads); the
 * page that runs the content script does not carry the options page's and the popup's strings.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SUFFIX = '?overlay';
const PREFIX = '\0overlay-messages:';
/** Not ending in .json: the bundler's JSON plugin must leave the module we generate alone. */
const END = '.overlay.js';

/** @returns {import('vite').Plugin} */
export function overlayMessages() {
  return {
    name: 'prospect-guard-overlay-messages',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!id.endsWith(SUFFIX) || !importer) return null;
      return PREFIX + resolve(dirname(importer), id.slice(0, -SUFFIX.length)) + END;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -END.length);
      this.addWatchFile(file);
      const all = JSON.parse(readFileSync(file, 'utf8'));
      const mine = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('ov') || k === 'localeCode'));
      return `export default ${JSON.stringify(mine)};`;
    },
  };
}
