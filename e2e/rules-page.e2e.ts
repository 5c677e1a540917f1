/**
 * The rules page (src/ui/rules) in the built extension, in each browser: rendered from the rules data in the
 * browser's language, in English on request, every cell's link lands on its rule, and axe-core finds no serious or
 * critical accessibility violation.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/regime';
import { JURISDICTION_INFO } from '../src/rules/jurisdictions';
import { seriousAxeViolations } from './axe';
import { BROWSERS, useBrowser } from './harness';

describe.each(BROWSERS)('rules page [%s]', (name) => {
  const b = useBrowser(name);

  it('shows France’s matrix, the 11 August 2026 phone change, calling hours, bans and other countries, in French', async () => {
    const page = await b.openExtensionPage('src/ui/rules/index.html');
    await page.waitFor(() => !!document.querySelector('[data-testid="matrix-FR"]'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.text('h1')).toBe('Les règles appliquées par Prospect Guard');
    expect(await page.text({ css: '[data-testid="matrix-FR"] [data-channel="phone"] [data-audience="private"]' })).toMatch(/11 août 2026/);
    expect(await page.text({ css: '[data-change="FR-phone-consumer-consent"]' })).toMatch(/11 août 2026/);
    expect(await page.text({ css: '[data-testid="phone"]' })).toMatch(/10:00 à 13:00/);
    // One detail entry per rule of the data, each citing its source.
    const ids = await page.evaluate(() => [...document.querySelectorAll('[data-rule-details]')].map((e) => e.getAttribute('data-rule-details')));
    expect([...new Set(ids)].sort()).toEqual(RULES.map((r) => r.id).sort());
    const codes = [...new Set(RULES.map((r) => r.jurisdiction).filter((j) => j !== '*' && j !== 'FR'))];
    expect(await page.evaluate(() => [...document.querySelectorAll('#other h3')].map((h) => h.textContent))).toEqual(
      codes.map((c) => JURISDICTION_INFO.find((j) => j.code === c)!.name.fr),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('speaks English with ?lang=en, and a cell’s source link goes to the rule’s conditions', async () => {
    const page = await b.openExtensionPage('src/ui/rules/index.html?lang=en');
    await page.waitFor(() => !!document.querySelector('[data-testid="matrix-FR"]'));
    expect(await page.text('h1')).toBe('The rules Prospect Guard applies');
    await page.click({ css: '[data-testid="matrix-FR"] [data-channel="email"] [data-audience="private"] a' });
    await page.waitFor(() => location.hash === '#rule-FR-electronic-private');
    expect(await page.text({ css: '#rule-FR-electronic-private' })).toContain('CPCE art. L34-5');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The checker does see a violation: an unlabelled image planted in the page.
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'icons/icon-16.png' })));
    expect((await seriousAxeViolations(page)).map((v) => v.id)).toContain('image-alt');
  });
});
