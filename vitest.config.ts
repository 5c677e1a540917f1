import { defineConfig } from 'vitest/config';
import { availableParallelism } from 'node:os';
import preact from '@preact/preset-vite';
import { overlayMessages } from './scripts/overlay-messages.js';

export default defineConfig({
  plugins: [overlayMessages(), preact()],
  // Unit tests see the test build's hooks (src/build-flags.ts); tests of the production shape pass testHooks: false.
  define: { __PG_TEST_HOOKS__: 'true' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    // Every core (vitest's default leaves one free): on a 2-core machine the unit tests take ~25 % less time.
    maxWorkers: availableParallelism(),
  },
});
