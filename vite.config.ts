import { build, defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { overlayMessages } from './scripts/overlay-messages.js';
import { resolve } from 'node:path';

/** `BROWSER=firefox vite build` writes dist/firefox; anything else writes dist/chrome. */
const browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
/** PG_TEST_BUILD=1 (`npm run build:test`): the test hooks (src/build-flags.ts), written to dist-test/<browser>. */
const testBuild = process.env.PG_TEST_BUILD === '1';
const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };
const base = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));

const outDir = `${process.env.PG_OUT_DIR ?? (testBuild ? 'dist-test' : 'dist')}/${browser}`;
const target = browser === 'firefox' ? 'firefox140' : 'chrome120';
const define = { __PG_TEST_HOOKS__: JSON.stringify(testBuild) };
/**
 * One content script per site: every `src/content/entries/<site>.ts` (the shared core + exactly one site file) is built
 * into `content/<site>.js` (src/background/sites.ts `contentFile`). The manifest names the entries of the sites it
 * runs on by itself (Gmail …); the others are registered at run time for the domains the user enables.
 */
const ENTRIES_DIR = 'src/content/entries';
const CONTENT_ENTRIES: string[] = readdirSync(resolve(import.meta.dirname, ENTRIES_DIR))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const builtName = (source: string): string => {
  const m = new RegExp(`^${ENTRIES_DIR}/([a-z0-9-]+)\\.ts$`).exec(source);
  if (!m || !CONTENT_ENTRIES.includes(m[1]!)) throw new Error(`manifest content script ${source}: not an entry of ${ENTRIES_DIR}`);
  return `content/${m[1]}.js`;
};

/**
 * The content scripts: each one self-contained IIFE (no loader, no shared chunk, nothing web-accessible), built after
 * the rest, the manifest's entries rewritten to the built files. Built here rather than by crxjs's standalone mode,
 * whose nested build passes an option the bundler ignores for an IIFE and warns about on every build.
 */
function contentScripts(): Plugin {
  return {
    name: 'prospect-guard-content-scripts',
    apply: 'build',
    async closeBundle() {
      for (const entry of CONTENT_ENTRIES) {
        await build({
          configFile: false,
          root: import.meta.dirname,
          mode: 'production',
          logLevel: 'warn',
          define,
          plugins: [overlayMessages(), preact()],
          build: {
            outDir,
            emptyOutDir: false,
            copyPublicDir: false,
            sourcemap: false,
            target,
            lib: {
              entry: resolve(import.meta.dirname, ENTRIES_DIR, `${entry}.ts`),
              formats: ['iife'],
              name: 'prospectGuardContent',
              fileName: () => `content/${entry}.js`,
            },
          },
        });
      }
      const file = resolve(import.meta.dirname, outDir, 'manifest.json');
      const built = JSON.parse(readFileSync(file, 'utf8'));
      built.content_scripts = base.content_scripts.map((cs: { js: string[] }) => ({ ...cs, js: cs.js.map(builtName) }));
      writeFileSync(file, JSON.stringify(built, null, 2));
    },
  };
}

function manifestFor(target: 'chrome' | 'firefox'): ManifestV3Export {
  const m = structuredClone(base);
  // Added back, built, by the contentScripts() plugin.
  delete m.content_scripts;
  m.version = pkg.version;
  // Test builds only (never dist/): PG_TEST_HOSTS="https://webmail.example/*,…" pre-grants those hosts, standing in
  // for the user's "yes" to the permission prompt that the popup's "enable on this site" asks (a headless browser
  // cannot answer a permission prompt). The registration path that follows is the product's own.
  if (process.env.PG_TEST_HOSTS) {
    if (!testBuild) throw new Error('PG_TEST_HOSTS needs PG_TEST_BUILD=1: test builds never go to dist/');
    m.host_permissions = [...(base.host_permissions ?? []), ...process.env.PG_TEST_HOSTS.split(',').map((h) => h.trim()).filter(Boolean)];
  }
  if (target === 'firefox') {
    // Firefox reads managed storage from enterprise policy (3rdparty.Extensions) or a native manifest, without a
    // schema in the extension: the key is Chrome's (and Edge's).
    delete m.storage;
    // Firefox MV3 runs background scripts as an event page, not a service worker.
    m.background = { scripts: [base.background.service_worker], type: 'module' };
    m.browser_specific_settings = {
      gecko: {
        id: 'prospect-guard@prospect-guard.eu',
        strict_min_version: '140.0',
        // Nothing leaves the browser: declared to Firefox as such.
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return m as ManifestV3Export;
}

export default defineConfig({
  define,
  plugins: [overlayMessages(), preact(), crx({ manifest: manifestFor(browser), browser }), contentScripts()],
  build: {
    // PG_OUT_DIR lets parallel builds (tests, benchmarks) write elsewhere than dist/<browser> or dist-test/<browser>.
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    target,
    modulePreload: false,
    // Extension pages the manifest does not name (crxjs builds those it names): the rules page.
    rolldownOptions: { input: { rules: resolve(import.meta.dirname, 'src/ui/rules/index.html') } },
    // The service worker carries the maintained domain lists (about 3 MB, read from the extension's own files, never
    // downloaded): the web-page warning about large chunks does not apply. `npm run bench` reports its size.
    chunkSizeWarningLimit: 4096,
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
