/**
 * The `prospect-guard` command line: finds the subcommand (see commands.ts) and runs it, with every
 * side effect behind `io` and the classifier passed in, so that it can be tested without processes or
 * the real engine.
 */
import { readFileSync } from 'node:fs';
import { JURISDICTIONS, parseArgs } from './args';
import { PROGRAM } from './audit-command';
import { COMMANDS, type CommandContext } from './commands';
import { langFromEnv, MESSAGES, usage, type Lang } from './i18n';
import type { Io } from './io';

export { PROGRAM };
export type { Io };

/** The package's version, from the nearest package.json named prospect-guard above this module (sources or bundle). */
export function version(): string {
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'prospect-guard') return pkg.version ?? '0.0.0';
    } catch {
      // no package.json here: go up
    }
    dir = new URL('..', dir);
  }
  return '0.0.0';
}

/** The language for messages: --lang wins over the environment. */
function langOf(argv: readonly string[], env: Io['env']): Lang {
  let lang = langFromEnv(env);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v !== undefined && (v.toLowerCase() === 'fr' || v.toLowerCase() === 'en')) lang = v.toLowerCase() as Lang;
  }
  return lang;
}

/** The first argument that is neither an option nor an option's value: the subcommand's name. */
export function commandName(argv: readonly string[]): string | undefined {
  const valueOptions = new Set<string>();
  for (const c of Object.values(COMMANDS)) for (const o of c.valueOptions) valueOptions.add(o);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return argv[i + 1];
    if (a === '-' || !a.startsWith('-')) return a;
    if (!a.includes('=') && valueOptions.has(a)) i++;
  }
  return undefined;
}

export function helpText(lang: Lang): string {
  return usage(
    lang,
    JURISDICTIONS,
    Object.entries(COMMANDS).map(([name, c]) => ({ name, summary: c.summary[lang] })),
  );
}

/**
 * Runs the command line; resolves to the exit code (0 done, 2 usage error or unusable input).
 * `getEngine` is called only for an audit, so --help and --version never load the engine.
 */
export async function run(argv: readonly string[], io: Io, getEngine: CommandContext['loadEngine']): Promise<number> {
  const lang = langOf(argv, io.env);
  const names = Object.keys(COMMANDS);
  const name = commandName(argv);
  const command = name !== undefined ? COMMANDS[name] : undefined;
  if (command && name !== 'audit') return command.run(argv, io, { lang, loadEngine: getEngine, commands: names });
  const args = parseArgs(argv, io.env, names);
  switch (args.command) {
    case 'help':
      io.stdout.write(helpText(args.lang));
      return 0;
    case 'version':
      io.stdout.write(`${PROGRAM} ${version()}\n`);
      return 0;
    case 'error':
      io.stderr.write(`${PROGRAM}: ${args.message}\n`);
      return 2;
    case 'audit':
      return COMMANDS.audit!.run(argv, io, { lang: args.lang, loadEngine: getEngine, commands: names });
  }
}

export { MESSAGES };
