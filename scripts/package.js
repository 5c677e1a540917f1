#!/usr/bin/env node
// `npm run package`: the store packages, from the production build (dist/, never dist-test/):
//   artifacts/prospect-guard-chrome-<version>.zip   dist/chrome zipped, manifest at the root (Chrome Web Store, Edge Add-ons)
//   artifacts/prospect-guard-firefox-<version>.zip  `web-ext build` of dist/firefox (addons.mozilla.org)
// then `web-ext lint` of the Firefox zip (exits 1 on any error).
//
// `--no-build` packages the dist/ already there (the browser test does, after `npm test` built it).
// PG_ARTIFACTS_DIR=dir writes the zips to dir instead of artifacts/; PG_DIST_DIR=dir reads dir/<browser>.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);
const args = process.argv.slice(2);
const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const dist = resolve(process.env.PG_DIST_DIR ?? 'dist');
const out = resolve(process.env.PG_ARTIFACTS_DIR ?? 'artifacts');

if (!args.includes('--no-build')) {
  // The production build: a test build (dist-test/, PG_TEST_BUILD) must never become a store package.
  const env = { ...process.env, CI: '1' };
  delete env.PG_TEST_BUILD;
  delete env.PG_TEST_HOSTS;
  delete env.PG_OUT_DIR;
  const r = spawnSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Fails early with a clear message when a build is missing or is not the one for that store. */
function checkBuild(browser) {
  const manifestFile = join(dist, browser, 'manifest.json');
  if (!existsSync(manifestFile)) {
    console.error(`package: ${manifestFile} not found; run npm run build first (or npm run package without --no-build).`);
    process.exit(2);
  }
  const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
  if (m.version !== version) {
    console.error(`package: ${manifestFile} is version ${m.version}, package.json says ${version}; rebuild.`);
    process.exit(2);
  }
  // A test build may pre-grant hosts (PG_TEST_HOSTS); a store build has exactly the source manifest's.
  const wanted = JSON.parse(readFileSync('manifest.json', 'utf8')).host_permissions ?? [];
  const extra = (m.host_permissions ?? []).filter((h) => !wanted.includes(h));
  if (extra.length) {
    console.error(`package: ${manifestFile} pre-grants hosts (${extra.join(', ')}): a test build, not a store build.`);
    process.exit(2);
  }
  if ((browser === 'firefox') !== Boolean(m.browser_specific_settings?.gecko?.id)) {
    console.error(`package: ${manifestFile} is not the ${browser} build.`);
    process.exit(2);
  }
}

mkdirSync(out, { recursive: true });
const zips = {};
for (const browser of ['chrome', 'firefox']) {
  checkBuild(browser);
  const filename = `prospect-guard-${browser}-${version}.zip`;
  const target = join(out, filename);
  rmSync(target, { force: true });
  // web-ext build zips the folder's content with the manifest at the root and leaves out hidden files (.vite/ …);
  // the same zip suits the Chrome Web Store, which takes a zip of the unpacked extension.
  const staging = join(out, `.${browser}`);
  rmSync(staging, { recursive: true, force: true });
  const result = await webExt.cmd.build(
    { sourceDir: join(dist, browser), artifactsDir: staging, filename, overwriteDest: true },
    { shouldExitProgram: false, showReadyMessage: false },
  );
  renameSync(result.extensionPath, target);
  rmSync(staging, { recursive: true, force: true });
  zips[browser] = target;
  console.log(`wrote ${target.startsWith(root) ? target.slice(root.length + 1) : target}`);
}

// AMO runs the same linter on upload: 0 errors here, or the store refuses the package.
const lint = spawnSync(process.execPath, ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', zips.firefox, '--output', 'json'], {
  encoding: 'utf8',
});
let summary;
try {
  const j = JSON.parse(lint.stdout);
  for (const k of ['errors', 'warnings']) for (const m of j[k]) console.log(`  ${k.slice(0, -1)} ${m.code} ${m.file ?? ''}: ${m.message}`);
  summary = j.summary;
} catch {
  console.error(`package: web-ext lint gave no report:\n${lint.stdout}\n${lint.stderr}`);
  process.exit(1);
}
console.log(`web-ext lint (firefox zip): ${summary.errors} errors, ${summary.warnings} warnings, ${summary.notices} notices`);
process.exit(summary.errors === 0 ? 0 : 1);
