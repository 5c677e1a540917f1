import { build, defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, writeFileSync } from 'node:fs';
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
/** The content script as the manifest names it (source) and as it is built. */
const CONTENT_SOURCE: string = base.content_scripts[0].js[0];
const CONTENT_OUT = CONTENT_SOURCE.replace(/\.ts$/, '.js');

/**
 * The content script: one self-contained IIFE (no loader, no web-accessible module files exposed to pages), built
 * after the rest and written into the manifest. Built here rather than by crxjs's standalone mode, whose nested build
 * passes an option the bundler ignores for an IIFE and warns about on every build.
 */
function contentScript(): Plugin {
  return {
    name: 'prospect-guard-content-script',
    apply: 'build',
    async closeBundle() {
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
          lib: { entry: resolve(import.meta.dirname, CONTENT_SOURCE), formats: ['iife'], name: 'prospectGuardContent', fileName: () => CONTENT_OUT },
        },
      });
      const file = resolve(import.meta.dirname, outDir, 'manifest.json');
      const built = JSON.parse(readFileSync(file, 'utf8'));
      built.content_scripts = base.content_scripts.map((cs: { js: string[] }) => ({ ...cs, js: [CONTENT_OUT] }));
      writeFileSync(file, JSON.stringify(built, null, 2));
    },
  };
}

function manifestFor(target: 'chrome' | 'firefox'): ManifestV3Export {
  const m = structuredClone(base);
  // Added back, built, by the contentScript() plugin.
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
  plugins: [overlayMessages(), preact(), crx({ manifest: manifestFor(browser), browser }), contentScript()],
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
