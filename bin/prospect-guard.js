#!/usr/bin/env node
// prospect-guard CLI. Runs the TypeScript sources directly through tsx: no build step.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Reading into a closed pipe (`prospect-guard audit big.csv | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });

try {
  const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`prospect-guard: internal error: ${err && err.stack ? err.stack : err}\n`);
  process.exitCode = 1;
}
