/**
 * axe-core (the accessibility engine) run in a page of a browser test, Chromium or Firefox: the source is evaluated
 * in the page's main world (DevTools / WebDriver BiDi evaluation is not subject to the page's CSP, so extension
 * pages can be checked too), then `axe.run` on the document or on a context (e.g. an overlay's shadow host).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type Tab } from './harness';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The violations axe finds (WCAG 2.x A and AA rules and best practices), most serious first. */
export async function axeViolations(tab: Tab, context?: unknown): Promise<AxeViolation[]> {
  const raw = tab.raw as unknown as { evaluate(code: string): Promise<unknown> };
  await raw.evaluate(`${AXE};undefined`);
  const json = (await raw.evaluate(`(async () => {
    const r = await axe.run(${context === undefined ? 'document' : JSON.stringify(context)}, { resultTypes: ['violations'] });
    return JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => String(n.target) + ' ' + (n.failureSummary || '')) })));
  })()`)) as string;
  const order = ['critical', 'serious', 'moderate', 'minor'];
  return (JSON.parse(json) as AxeViolation[]).sort((a, b) => order.indexOf(a.impact ?? 'minor') - order.indexOf(b.impact ?? 'minor'));
}

/** Only the serious and critical ones: the acceptance bar. */
export async function seriousAxeViolations(tab: Tab, context?: unknown): Promise<AxeViolation[]> {
  return (await axeViolations(tab, context)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
