/**
 * Entry point loaded by bin/prospect-guard.js (through tsx): wires the real rules engine and
 * the process streams into `run`.
 */
import type { Engine } from './audit';
import { run, type Io } from './run';

/** The engine is imported only for an audit: --help and --version stay instant. */
async function loadEngine(): Promise<Engine> {
  const { classify, classifyMany } = await import('../rules/index');
  return { classify, classifyMany };
}

export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  // `check-message` (the message analysis) has its own module; everything else is `run`'s.
  const code = argv[0] === 'check-message' ? await (await import('./check-message')).checkMessage(argv.slice(1), io) : await run(argv, io, loadEngine);
  // PG_REPORT_RESOURCES=1: peak memory for the benchmarks, on stderr.
  if (io.env.PG_REPORT_RESOURCES === '1') {
    const u = process.resourceUsage();
    io.stderr.write(`PG_RESOURCES ${JSON.stringify({ maxRSSKiB: u.maxRSS, userMs: Math.round(u.userCPUTime / 1000), systemMs: Math.round(u.systemCPUTime / 1000) })}\n`);
  }
  return code;
}
