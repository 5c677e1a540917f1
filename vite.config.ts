import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** `BROWSER=firefox vite build` writes dist/firefox; anything else writes dist/chrome. */
const browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
/** PG_TEST_BUILD=1 (`npm run build:test`): the test hooks (src/build-flags.ts), written to dist-test/<browser>. */
const testBuild = process.env.PG_TEST_BUILD === '1';
const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };
const base = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));

function manifestFor(target: 'chrome' | 'firefox'): ManifestV3Export {
  const m = structuredClone(base);
  m.version = pkg.version;
  // Test builds only (never dist/): PG_TEST_HOSTS="https://webmail.example/*,…" pre-grants those hosts, standing in
  // for the user's "yes" to the permission prompt that the popup's "enable on this site" asks (a headless browser
  // cannot answer a permission prompt). The registration path that follows is the product's own.
  if (process.env.PG_TEST_HOSTS) {
    if (!testBuild) throw new Error('PG_TEST_HOSTS needs PG_TEST_BUILD=1: test builds never go to dist/');
    m.host_permissions = process.env.PG_TEST_HOSTS.split(',').map((h) => h.trim()).filter(Boolean);
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
  define: { __PG_TEST_HOOKS__: JSON.stringify(testBuild) },
  plugins: [
    preact(),
    crx({
      manifest: manifestFor(browser),
      browser,
      // One self-contained IIFE: no loader, no web-accessible module files exposed to pages.
      contentScripts: { standaloneFiles: ['src/content/main.ts'] },
    }),
  ],
  build: {
    // PG_OUT_DIR lets parallel builds (tests, benchmarks) write elsewhere than dist/<browser> or dist-test/<browser>.
    outDir: `${process.env.PG_OUT_DIR ?? (testBuild ? 'dist-test' : 'dist')}/${browser}`,
    emptyOutDir: true,
    sourcemap: false,
    target: browser === 'firefox' ? 'firefox140' : 'chrome120',
    modulePreload: false,
    // Extension pages the manifest does not name (crxjs builds those it names): the rules page.
    rolldownOptions: { input: { rules: resolve(import.meta.dirname, 'src/ui/rules/index.html') } },
  },
  server: { cors: { origin: [/chrome-extension:\/\//] } },
});
