import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the built extension in Debian's Chromium and Firefox ESR (e2e/harness.ts; PG_BROWSERS picks one).
 * PG_E2E_WORKERS test files at a time, each with its own browser (default 1; `npm test` runs each browser's pass
 * with 2, both passes at the same time: the browsers mostly wait, on pages, timers and each other).
 */
const browsers = (process.env.PG_BROWSERS ?? 'chromium,firefox').split(',').map((s) => s.trim());
/** TRANSITIONAL: files still on the Chromium-only harness (e2e/chromium-legacy.ts), run with Chromium only. */
const CHROMIUM_ONLY: string[] = [];
const workers = Math.max(1, Number(process.env.PG_E2E_WORKERS ?? 1) || 1);

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    exclude: browsers.includes('chromium') ? [] : CHROMIUM_ONLY,
    environment: 'node',
    fileParallelism: workers > 1,
    maxWorkers: workers,
    testTimeout: 60000,
    hookTimeout: 120000,
  },
});
