/**
 * `npm run docs`: the law as documents, from the rules' data (src/rules/law-doc.ts) — the README's
 * country table (between its markers) and docs/law.md. src/rules/law-doc.test.ts fails when they are stale.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { renderLawDoc, withCountryTable } from '../src/rules/law-doc';

const root = new URL('..', import.meta.url);
const readmeUrl = new URL('README.md', root);
const readme = readFileSync(readmeUrl, 'utf8');
const next = withCountryTable(readme);
if (next === null) {
  console.error('README.md: the country-table markers are missing (see src/rules/law-doc.ts COUNTRY_TABLE_BEGIN / END)');
  process.exit(1);
}
writeFileSync(readmeUrl, next);
mkdirSync(new URL('docs/', root), { recursive: true });
writeFileSync(new URL('docs/law.md', root), renderLawDoc());
console.log(`README.md country table ${next === readme ? 'already up to date' : 'updated'}; docs/law.md written`);
