import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceRef } from './citation.js';
import { JURISDICTION_INFO } from './jurisdictions.js';
import { COUNTRY_TABLE_BEGIN, COUNTRY_TABLE_END, renderCountryTable, renderLawDoc, withCountryTable } from './law-doc.js';
import { RULES } from './regime.js';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

describe('the law as documents, generated from the rules', () => {
  it('the README\u2019s country table is the one the rules data gives (run `npm run docs` when this fails)', () => {
    const readme = read('README.md');
    expect(readme).toContain(COUNTRY_TABLE_BEGIN);
    expect(readme).toContain(COUNTRY_TABLE_END);
    expect(withCountryTable(readme)).toBe(readme);
  });

  it('docs/law.md is the one the rules data gives (run `npm run docs` when this fails)', () => {
    expect(read('docs/law.md')).toBe(renderLawDoc());
  });

  it('the country table has one row per jurisdiction, and the law doc every rule with its source', () => {
    const table = renderCountryTable();
    for (const j of JURISDICTION_INFO) expect(table).toContain(`| ${j.name.en} |`);
    const doc = renderLawDoc();
    for (const r of RULES) {
      if (r.channels.length === 1 && r.channels[0] === 'linkedin') continue;
      expect(doc).toContain(`\`${r.id}\``);
      expect(doc).toContain(sourceRef(r.source, 'en'));
      if (r.source.note) expect(doc).toContain(r.source.note.en);
    }
  });

  it('changing a rule changes the documents (the check can fail)', () => {
    const readme = read('README.md');
    const stale = readme.replace('| Netherlands | .nl | **opt-in** |', '| Netherlands | .nl | opt-out |');
    expect(stale).not.toBe(readme);
    expect(withCountryTable(stale)).toBe(readme);
    expect(withCountryTable('no markers here')).toBeNull();
  });
});
