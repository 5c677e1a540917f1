import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built extension in Debian's Chromium and Firefox ESR (e2e/harness.ts; PG_BROWSERS picks one).
 * One file at a time (2-core machines).
 */
const browsers = (process.env.PG_BROWSERS ?? 'chromium,firefox').split(',').map((s) => s.trim());
/** TRANSITIONAL: files still on the Chromium-only harness (e2e/chromium-legacy.ts), run with Chromium only. */
const CHROMIUM_ONLY: string[] = [];

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    exclude: browsers.includes('chromium') ? [] : CHROMIUM_ONLY,
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 120000,
  },
});
