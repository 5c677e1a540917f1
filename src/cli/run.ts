/**
 * The `prospect-guard` command, with every side effect behind `io` and the classifier passed in,
 * so that it can be tested without processes or the real engine.
 */
import { readFileSync } from 'node:fs';
import type { ClassifyOptions } from '../rules/types';
import { parseArgs, type AuditArgs } from './args';
import { auditAddresses, type Classifier, type Engine } from './audit';
import { decodeBytes } from './decode';
import { extractAddresses } from './extract';
import { writeCsv, writeJson, writeTable, type Sink } from './format';
import { MESSAGES, USAGE } from './i18n';
import { isStdin, readInput, ReadError, type ByteSource } from './input';
import { createProgress, type ProgressStream } from './progress';

export const PROGRAM = 'prospect-guard';

export interface Io {
  stdin: ByteSource & { isTTY?: boolean };
  stdout: { write(s: string | Uint8Array): unknown };
  stderr: ProgressStream;
  env: Readonly<Record<string, string | undefined>>;
}

export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * Runs the command; resolves to the exit code (0 done, 2 usage error or unreadable input).
 * `getEngine` is called only for an audit, so --help and --version never load the engine.
 */
export async function run(
  argv: readonly string[],
  io: Io,
  getEngine: () => Engine | Classifier | Promise<Engine | Classifier>,
): Promise<number> {
  const args = parseArgs(argv, io.env);
  switch (args.command) {
    case 'help':
      io.stdout.write(USAGE[args.lang]);
      return 0;
    case 'version':
      io.stdout.write(`${PROGRAM} ${version()}\n`);
      return 0;
    case 'error':
      io.stderr.write(`${PROGRAM}: ${args.message}\n`);
      return 2;
    case 'audit':
      return audit(args, io, getEngine);
  }
}

async function audit(args: AuditArgs, io: Io, getEngine: () => Engine | Classifier | Promise<Engine | Classifier>): Promise<number> {
  // Loaded while the input is read.
  const enginePromise = Promise.resolve().then(getEngine);
  enginePromise.catch(() => {}); // awaited below; no unhandled rejection if the input fails first
  const M = MESSAGES[args.lang];
  if (args.file === undefined && io.stdin.isTTY) {
    io.stderr.write(`${PROGRAM}: ${M.noInputTty()} (${M.seeHelp})\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readInput(args.file, io.stdin);
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    const name = isStdin(args.file) ? M.stdinName : args.file!;
    const why = M.readErrors[e.code] ?? e.message.split('\n')[0]!;
    io.stderr.write(`${PROGRAM}: ${M.cannotRead(name, why)}\n`);
    return 2;
  }
  const { text, encoding } = decodeBytes(bytes);
  if (encoding !== 'utf-8' && io.stderr.isTTY) io.stderr.write(`${PROGRAM}: ${M.encodingNote(encoding)}\n`);
  const { addresses } = extractAddresses(text);

  const options: ClassifyOptions = {};
  if (args.ownDomains.length) options.ownDomains = args.ownDomains;
  if (args.jurisdiction) options.jurisdiction = args.jurisdiction;
  if (args.channel) options.channel = args.channel;
  if (args.date) options.date = args.date;
  if (args.topic) options.topic = args.topic;

  const progress = createProgress(addresses.length, io.stderr, M.progress);
  const results = auditAddresses(addresses, options, await enginePromise, progress);

  const sink: Sink = (chunk) => void io.stdout.write(chunk);
  if (args.format === 'json') writeJson(results, sink);
  else if (args.format === 'csv') writeCsv(results, sink);
  else writeTable(results, args.lang, sink);
  return 0;
}
