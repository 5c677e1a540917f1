import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildUpstreamLists, GENERATED_PATH, generatedModule, normalizeEntry } from '../../scripts/upstream-lists.js';

describe('upstream.generated.ts', () => {
  it('is what `npm run lists:generate` makes from the installed lists (regenerate after a bump)', () => {
    const lists = buildUpstreamLists();
    // compared without printing two 2 MB strings on failure
    const same = readFileSync(GENERATED_PATH, 'utf8') === generatedModule(lists);
    expect(same, 'src/rules/data/upstream.generated.ts is stale: run npm run lists:generate').toBe(true);
  });

  it.each([
    ['Gmail.com', 'gmail.com'],
    ['müllmail.com', 'xn--mllmail-n2a.com'],
    ['gmaıl.net', 'xn--gmal-nza.net'], // a look-alike of gmail.net, kept in its ASCII form
    ['ywoe@mailed.ro', null],
    ['com', null],
    ['example.com.', 'example.com'],
  ])('normalizeEntry(%s)', (raw, want) => {
    expect(normalizeEntry(raw)).toBe(want);
  });
});
