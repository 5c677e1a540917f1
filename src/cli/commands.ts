/**
 * The subcommands, one entry each. A command parses its own arguments and returns the exit code
 * (0 done, 2 usage error or unusable input). To add one: a file of its own exporting a Command, and
 * one line in COMMANDS below.
 */
import { parseArgs, VALUE_OPTIONS } from './args';
import { runAudit } from './audit-command';
import type { Engine, Classifier } from './audit';
import type { Lang } from './i18n';
import type { Io } from './io';

export interface CommandContext {
  lang: Lang;
  /** The rules engine, loaded on demand (--help stays instant). */
  loadEngine: () => Engine | Classifier | Promise<Engine | Classifier>;
  /** Every command's name, for messages. */
  commands: readonly string[];
}

export interface Command {
  /** One line for the general help. */
  summary: Record<Lang, string>;
  /** This command's options that take a value (the dispatcher skips their values when looking for the command's name). */
  valueOptions: ReadonlySet<string>;
  /** argv as given, command name included. */
  run(argv: readonly string[], io: Io, ctx: CommandContext): Promise<number>;
}

const audit: Command = {
  summary: { fr: 'audite une liste de prospects (voir ci-dessus)', en: 'audits a prospect list (see above)' },
  valueOptions: VALUE_OPTIONS,
  async run(argv, io, ctx) {
    const args = parseArgs(argv, io.env, ctx.commands);
    if (args.command !== 'audit') throw new Error('audit: not an audit command line');
    return runAudit(args, io, ctx.loadEngine);
  },
};

export const COMMANDS: Readonly<Record<string, Command>> = {
  audit,
};
