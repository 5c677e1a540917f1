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

/** `check-message` (the message analysis, src/rules/message): its own module, loaded when used. */
const checkMessageCommand: Command = {
  summary: {
    fr: "analyse un message : prospection ou non, éléments B2B présents ou manquants, interdiction (--help)",
    en: 'checks a message: prospecting or not, B2B elements present or missing, ban (--help)',
  },
  valueOptions: new Set(['--audience', '--subject', '--format', '--lang', '--topic']),
  async run(argv, io) {
    const at = argv.indexOf('check-message');
    const { checkMessage } = await import('./check-message');
    return checkMessage([...argv.slice(0, at), ...argv.slice(at + 1)], io);
  },
};

export const COMMANDS: Readonly<Record<string, Command>> = {
  audit,
  'check-message': checkMessageCommand,
};
