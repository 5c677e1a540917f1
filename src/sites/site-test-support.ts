/** Shared by the site files' unit tests (not shipped: only *.test.ts import it). */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { URL as NodeURL } from 'node:url';
import type { SelectorSpec } from './types';

/** A fixture page of src/sites/fixtures/. */
export const fixture = (name: string): string => readFileSync(new NodeURL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Every selector names a public source and parses ($f stands for a recipient field). */
export function everySelectorHasASource(selectors: Readonly<Record<string, SelectorSpec>>): void {
  for (const [name, spec] of Object.entries(selectors)) {
    expect(spec.css, name).toBeTruthy();
    expect(spec.source.length, name).toBeGreaterThan(10);
    for (const f of ['to', 'TO']) expect(() => document.querySelector(spec.css.split('$f').join(f)), name).not.toThrow();
  }
}
