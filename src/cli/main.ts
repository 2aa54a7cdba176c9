import { Command, CommanderError, Help } from 'commander';
import { DatabaseInUseError } from '../db/data-dir-lock.ts';
import { ConfigError } from '../server/config.ts';
import { registerAssessCommand } from './assess.command.ts';
import { CliExit, type CliIo, exitCodes, processIo } from './cli-io.ts';
import {
  registerAuditCommand,
  registerBackupCommands,
  registerMigrateCommand,
  registerUserCommand,
} from './database-commands.ts';
import { registerRenderCommand } from './render.command.ts';
import { registerScanCommand } from './scan.command.ts';
import { registerServeCommand } from './serve.command.ts';

/**
 * A command module adds itself to the program. Its action writes to `io` and throws `CliExit` to end with a
 * non-zero exit code; it never calls process.exit, so commands are testable in-process.
 */
export type CommandRegistrar = (program: Command, io: CliIo) => void;

const registrars: CommandRegistrar[] = [
  registerServeCommand,
  registerMigrateCommand,
  registerUserCommand,
  registerAssessCommand,
  registerScanCommand,
  registerRenderCommand,
  registerAuditCommand,
  registerBackupCommands,
];

/** Why the PostgreSQL server in DATABASE_URL could not be used, said plainly instead of a stack trace. */
const databaseFailures: Record<string, string> = {
  ECONNREFUSED: 'serwer nie przyjmuje połączeń / the server refuses connections',
  ENOTFOUND: 'nie ma takiego hosta / no such host',
  ETIMEDOUT: 'serwer nie odpowiada / the server does not answer',
  EHOSTUNREACH: 'host nieosiągalny / host unreachable',
  '28P01': 'złe hasło / wrong password',
  '28000': 'brak dostępu dla tego użytkownika / access denied for this user',
  '3D000': 'nie ma takiej bazy danych / no such database',
};

function databaseFailure(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? databaseFailures[code] : undefined;
  if (!reason) return null;
  return `Nie można użyć bazy PostgreSQL z DATABASE_URL / Cannot use the PostgreSQL database in DATABASE_URL: ${reason} (${(error as Error).message})`;
}

/** Commander's own errors (written in English), each said in Polish first: `[its English, the Polish]`. */
const commanderErrors: [RegExp, (...parts: string[]) => string][] = [
  [/^error: unknown command '(.*)'/, (name) => `nieznane polecenie '${name}'`],
  [/^error: unknown option '(.*)'/, (flag) => `nieznana opcja '${flag}'`],
  [/^error: missing required argument '(.*)'/, (name) => `brak wymaganego argumentu '${name}'`],
  [/^error: option '(.*)' argument missing/, (flags) => `opcja '${flags}' wymaga wartości`],
  [/^error: required option '(.*)' not specified/, (flags) => `brak wymaganej opcji '${flags}'`],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (name, expected, got) =>
      `za dużo argumentów${name ? ` polecenia '${name}'` : ''}: oczekiwano ${expected}, podano ${got}`,
  ],
];

/** Commander's help titles, said in Polish first. */
const helpTitles: Record<string, string> = {
  'Usage:': 'Użycie / Usage:',
  'Options:': 'Opcje / Options:',
  'Commands:': 'Polecenia / Commands:',
  'Arguments:': 'Argumenty / Arguments:',
  'Global Options:': 'Opcje ogólne / Global Options:',
};

/** The notes commander adds after a description (choices, default), said in Polish first. */
function bilingualNotes(described: string, description: string): string {
  const notes = described.slice(description.length);
  return (
    description +
    notes.replace(/\bchoices: /, 'do wyboru / choices: ').replace(/\bdefault: /, 'domyślnie / default: ')
  );
}

/** A command-line error of commander's in Polish, then as commander wrote it (with its suggestion, if any). */
export function polishCommanderError(text: string): string {
  for (const [english, polish] of commanderErrors) {
    const match = english.exec(text);
    if (!match) continue;
    const similar = /\(Did you mean (?:one of )?(.*)\?\)/.exec(text);
    const suggestion = similar ? ` (czy chodziło o: ${similar[1]}?)` : '';
    return `błąd: ${polish(...match.slice(1).map((part) => part ?? ''))}${suggestion}\n${text}`;
  }
  return text;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = new Command('incydent')
    .description(
      'incydent — rejestr i obsługa naruszeń ochrony danych osobowych (RODO)\n' +
        'incydent — personal data breach handling under the GDPR',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(polishCommanderError(text)),
    })
    .showHelpAfterError()
    .configureHelp({
      styleTitle: (title) => helpTitles[title] ?? title,
      optionDescription(option) {
        return bilingualNotes(Help.prototype.optionDescription.call(this, option), option.description);
      },
      argumentDescription(argument) {
        return bilingualNotes(Help.prototype.argumentDescription.call(this, argument), argument.description);
      },
    })
    // Set before the commands are added, which inherit them.
    .helpOption('-h, --help', 'pokaż pomoc / display help')
    .helpCommand('help [command]', 'pomoc do polecenia / help for a command');
  for (const register of registrars) register(program, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    if (argv.length === 0) program.outputHelp();
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpCodes = ['commander.helpDisplayed', 'commander.help', 'commander.version'];
      return helpCodes.includes(error.code) ? exitCodes.ok : exitCodes.badInput;
    }
    if (error instanceof CliExit) {
      io.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return exitCodes.badInput;
    }
    if (error instanceof DatabaseInUseError) {
      io.stderr.write(`${error.message}\n`);
      return exitCodes.failure;
    }
    const unreachable = databaseFailure(error);
    if (unreachable) {
      io.stderr.write(`${unreachable}\n`);
      return exitCodes.failure;
    }
    throw error;
  }
}
