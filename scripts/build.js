#!/usr/bin/env node
// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox).
// `node scripts/build.js chrome` builds one browser only. `--test` (npm run build:test) builds the test variant
// into dist-test/<browser>: the same code, plus the overlay's test hooks (src/build-flags.ts).
// PG_OUT_DIR=dir writes dir/<browser> instead.
import { build } from 'vite';

const args = process.argv.slice(2);
if (args.includes('--test')) process.env.PG_TEST_BUILD = '1';
const wanted = args.filter((a) => a !== '--test');
const browsers = wanted.length ? wanted : ['chrome', 'firefox'];
const test = process.env.PG_TEST_BUILD === '1';
for (const browser of browsers) {
  if (browser !== 'chrome' && browser !== 'firefox') {
    console.error(`build: unknown browser "${browser}" (chrome or firefox)`);
    process.exit(2);
  }
  process.env.BROWSER = browser;
  await build({ logLevel: process.env.CI ? 'warn' : 'info', mode: 'production' });
  console.log(`built ${process.env.PG_OUT_DIR ?? (test ? 'dist-test' : 'dist')}/${browser}`);
}
