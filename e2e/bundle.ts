/**
 * Bundles project source (e.g. src/content/insert.ts and src/sites) into one classic script that a browser test
 * injects with page.addScriptTag: lets the insertion and the site adapters be proven in a real browser without
 * the extension build. Uses Vite (a declared devDependency) in library mode, writing nothing to disk except
 * the small generated entry under .tmp/.
 */
import { build } from 'vite';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * `exports` maps a global property name to `[module path relative to the project root, export name]`;
 * the script sets `window[globalName] = { name: export, … }`.
 */
export async function bundleForPage(globalName: string, exports: Record<string, [string, string]>): Promise<string> {
  const dir = join(ROOT, '.tmp', 'e2e-bundles');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, `${globalName}-${process.pid}.ts`);
  const lines: string[] = [];
  const names: string[] = [];
  Object.entries(exports).forEach(([as, [file, name]], i) => {
    lines.push(`import { ${name} as e${i} } from ${JSON.stringify(resolve(ROOT, file))};`);
    names.push(`${JSON.stringify(as)}: e${i}`);
  });
  lines.push(`(globalThis as any)[${JSON.stringify(globalName)}] = { ${names.join(', ')} };`);
  writeFileSync(entry, lines.join('\n'));
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: false,
      target: 'chrome120',
      lib: { entry, formats: ['iife'], name: `${globalName}Bundle`, fileName: () => 'bundle.js' },
    },
  });
  rmSync(entry, { force: true });
  const results = Array.isArray(out) ? out : [out];
  for (const r of results) {
    if ('output' in r) {
      const chunk = r.output.find((o) => o.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('bundleForPage: no output');
}
