#!/usr/bin/env node
// Builds the extension for Chrome (dist/chrome) and Firefox (dist/firefox).
// `node scripts/build.js chrome` builds one browser only. PG_OUT_DIR=dir writes dir/<browser> instead.
import { build } from 'vite';

const wanted = process.argv.slice(2);
const browsers = wanted.length ? wanted : ['chrome', 'firefox'];
for (const browser of browsers) {
  if (browser !== 'chrome' && browser !== 'firefox') {
    console.error(`build: unknown browser "${browser}" (chrome or firefox)`);
    process.exit(2);
  }
  process.env.BROWSER = browser;
  await build({ logLevel: process.env.CI ? 'warn' : 'info', mode: 'production' });
  console.log(`built ${process.env.PG_OUT_DIR ?? 'dist'}/${browser}`);
}
