/**
 * Entry point loaded by bin/prospect-guard.js (bundled, or through tsx): wires the real rules engine and
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
  const code = await run(argv, io, loadEngine);
  // PG_REPORT_RESOURCES=1: peak memory for the benchmarks, on stderr.
  if (io.env.PG_REPORT_RESOURCES === '1') {
    const u = process.resourceUsage();
    const m = process.memoryUsage();
    const mb = (x: number) => Math.round(x / 1048576);
    io.stderr.write(
      `PG_RESOURCES ${JSON.stringify({ maxRSSKiB: u.maxRSS, userMs: Math.round(u.userCPUTime / 1000), systemMs: Math.round(u.systemCPUTime / 1000), rssMB: mb(m.rss), heapTotalMB: mb(m.heapTotal), heapUsedMB: mb(m.heapUsed), externalMB: mb(m.external), arrayBuffersMB: mb(m.arrayBuffers) })}\n`,
    );
  }
  return code;
}
