import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in Debian's Chromium. One file at a time (2-core machines).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
