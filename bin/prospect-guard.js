#!/usr/bin/env node
// prospect-guard CLI, straight from the TypeScript sources: no build step for whoever clones or installs it.
//
// The sources are bundled once with esbuild into node_modules/.cache/prospect-guard/ (rebuilt when a
// source file changes) and the bundle runs as plain JavaScript; only when that folder cannot be written
// do they run through tsx's loader. Measured on a 1 M-row list: tsx's loader thread alone costs ~38 MB
// of the 150 MB memory budget. PG_NO_BUNDLE=1 forces the tsx path.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Reading into a closed pipe (`prospect-guard audit big.csv | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'src/cli/main.ts');
const cacheDir = join(root, 'node_modules/.cache/prospect-guard');
const bundle = join(cacheDir, 'cli.mjs');
const manifest = join(cacheDir, 'inputs.json');

/** The inputs recorded at the last build still have the same size and time: the bundle is current. */
function bundleIsCurrent() {
  try {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.node !== process.version || m.entry !== entry) return false;
    for (const [file, size, mtime] of m.inputs) {
      const st = statSync(join(root, file));
      if (st.size !== size || st.mtimeMs !== mtime) return false;
    }
    statSync(bundle);
    return true;
  } catch {
    return false;
  }
}

async function buildBundle() {
  const esbuild = await import('esbuild');
  const tmp = `${bundle}.${process.pid}.tmp`;
  mkdirSync(dirname(bundle), { recursive: true });
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The rules' npm lists are bundled too (no CommonJS export scan at start); SheetJS stays a lazy import.
    external: ['@e965/xlsx'],
    outfile: tmp,
    metafile: true,
    logLevel: 'silent',
    define: { __PG_TEST_HOOKS__: 'false' },
  });
  const inputs = Object.keys(result.metafile.inputs).map((f) => {
    const abs = join(process.cwd(), f);
    const st = statSync(abs);
    return [relative(root, abs), st.size, st.mtimeMs];
  });
  renameSync(tmp, bundle);
  const mtmp = `${manifest}.${process.pid}.tmp`;
  writeFileSync(mtmp, JSON.stringify({ node: process.version, entry, inputs }));
  renameSync(mtmp, manifest);
}

async function loadMain() {
  if (process.env.PG_NO_BUNDLE !== '1') {
    try {
      if (!bundleIsCurrent()) await buildBundle();
      return (await import(pathToFileURL(bundle).href)).main;
    } catch {
      // not writable, or esbuild missing: run the sources through tsx below
    }
  }
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  return (await import(pathToFileURL(entry).href)).main;
}

try {
  const main = await loadMain();
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`prospect-guard: internal error: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 1;
}
