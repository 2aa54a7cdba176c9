import type { Command } from 'commander';
import type { AppDatabase } from '../db/database.ts';
import { DomainError } from '../domain/errors.ts';
import { roles } from '../domain/permissions.ts';
import { loadConfig } from '../server/config.ts';
import { CliExit, type CliIo, exitCodes, readAll } from './cli-io.ts';
import { langOf, langOption } from './cli-lang.ts';

// The database layer (PGlite, pg, Kysely) and what uses it load when one of these commands runs, not for every
// command: `incydent scan` or `assess` start sooner and smaller without them.
const databaseModule = () => import('../db/database.ts');

/** Opens the configured database (DATABASE_URL or PGlite in DATA_DIR), migrated, for one command. */
async function withDatabase<T>(work: (database: AppDatabase) => Promise<T>, migrate = true): Promise<T> {
  const { migrateToLatest, openDatabase } = await databaseModule();
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (migrate) await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

export function registerMigrateCommand(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('zaktualizuj schemat bazy danych / bring the database schema up to date')
    .action(async () => {
      const { migrateToLatest } = await databaseModule();
      const applied = await withDatabase(async (database) => {
        const config = loadConfig();
        const names = await migrateToLatest(database.db);
        io.stdout.write(
          `${database.kind === 'pglite' ? `PGlite: ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}\n`,
        );
        return names;
      }, false);
      io.stdout.write(
        applied.length
          ? `Zastosowano / applied: ${applied.join(', ')}\n`
          : 'Schemat aktualny / schema up to date\n',
      );
    });
}

export function registerUserCommand(program: Command, io: CliIo): void {
  const user = program.command('user').description('konta użytkowników / user accounts');
  user
    .command('create')
    .description(
      'utwórz konto (i organizację, jeśli nie istnieje) / create an account (and the organisation if new)',
    )
    .requiredOption('--email <email>', 'adres e-mail / e-mail address')
    .requiredOption('--org <organisation>', 'nazwa lub id organizacji / organisation name or id')
    .option('--role <role>', `rola / role: ${roles.join(', ')}`, 'admin')
    .option('--name <name>', 'imię i nazwisko / full name')
    .option('--password-stdin', 'czytaj hasło ze standardowego wejścia / read the password from stdin')
    .addOption(langOption())
    .action(
      async (options: {
        email: string;
        org: string;
        role: string;
        name?: string;
        passwordStdin?: boolean;
        lang?: string;
      }) => {
        const lang = langOf(options);
        if (!(roles as readonly string[]).includes(options.role)) {
          throw new CliExit(
            exitCodes.badInput,
            lang === 'pl'
              ? `Nieznana rola „${options.role}”; dozwolone: ${roles.join(', ')}`
              : `Unknown role "${options.role}"; allowed: ${roles.join(', ')}`,
          );
        }
        const password = (
          options.passwordStdin ? await readAll(io.stdin) : (process.env.INCYDENT_PASSWORD ?? '')
        ).trim();
        if (password.length < 10) {
          throw new CliExit(
            exitCodes.badInput,
            lang === 'pl'
              ? 'Hasło (pole „password”) musi mieć co najmniej 10 znaków: podaj je przez --password-stdin lub zmienną INCYDENT_PASSWORD.'
              : 'The password (field "password") needs at least 10 characters: give it with --password-stdin or INCYDENT_PASSWORD.',
          );
        }
        const result = await withDatabase(async (database) => {
          try {
            const { createUser } = await import('../server/auth.service.ts');
            return await createUser(
              { db: database.db, config: loadConfig(), now: () => new Date() },
              {
                email: options.email,
                name: options.name ?? options.email,
                password,
                organisation: options.org,
                role: options.role as (typeof roles)[number],
              },
            );
          } catch (error) {
            if (error instanceof DomainError) throw new CliExit(exitCodes.badInput, error.messageIn(lang));
            if (error instanceof Error && error.name === 'ZodError') {
              throw new CliExit(
                exitCodes.badInput,
                lang === 'pl'
                  ? 'Nieprawidłowy adres e-mail (pole „email”).'
                  : 'Invalid e-mail address (field "email").',
              );
            }
            throw error;
          }
        });
        io.stdout.write(
          lang === 'pl'
            ? `Utworzono konto ${result.user.email} (rola: ${result.role}) w organizacji ${result.organisationId}\n`
            : `Created ${result.user.email} (role: ${result.role}) in organisation ${result.organisationId}\n`,
        );
      },
    );
}

const polishPlural = new Intl.PluralRules('pl');
/** "1 wpis", "2 wpisy", "5 wpisów". */
function entriesPl(count: number): string {
  return { one: 'wpis', few: 'wpisy', many: 'wpisów', other: 'wpisu', two: 'wpisy', zero: 'wpisów' }[
    polishPlural.select(count)
  ];
}

export function registerAuditCommand(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('dziennik zdarzeń / audit trail');
  audit
    .command('verify')
    .description(
      'sprawdź łańcuch skrótów dziennika: wykrywa wpisy zmienione lub usunięte / verify the hash chain',
    )
    .option('--json', 'wynik jako JSON / JSON output')
    .addOption(langOption())
    .action(async (options: { json?: boolean; lang?: string }) => {
      const lang = langOf(options);
      const { verifyAuditChains } = await import('../db/audit.repository.ts');
      const result = await withDatabase((database) => verifyAuditChains(database.db));
      if (options.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        io.stdout.write(
          lang === 'pl'
            ? `Sprawdzono ${result.entries} ${entriesPl(result.entries)} w ${result.organisations} ${result.organisations === 1 ? 'organizacji' : 'organizacjach'}.\n`
            : `Checked ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'} in ${result.organisations} ${result.organisations === 1 ? 'organisation' : 'organisations'}.\n`,
        );
        for (const p of result.problems) {
          io.stdout.write(`  ${p.organisationId} #${p.seq}: ${p.problem}\n`);
        }
        io.stdout.write(
          result.problems.length === 0 ? (lang === 'pl' ? 'Łańcuch nienaruszony.\n' : 'Chain intact.\n') : '',
        );
      }
      if (result.problems.length > 0) {
        throw new CliExit(
          exitCodes.failure,
          lang === 'pl'
            ? `Wykryto ${result.problems.length} problem(ów) w dzienniku.`
            : `Found ${result.problems.length} problem(s) in the audit trail.`,
        );
      }
    });
}

type BackupModule = typeof import('../db/backup.ts');

/** A file the backup cannot use is bad input (exit 2, its message); any other failure goes on as it is. */
function asBadInput(BackupError: BackupModule['BackupError']) {
  return (error: unknown): never => {
    throw error instanceof BackupError ? new CliExit(exitCodes.badInput, error.message) : error;
  };
}

const rowsOf = (summary: { tables: Record<string, number> }) =>
  Object.values(summary.tables).reduce((a, b) => a + b, 0);

export function registerBackupCommands(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description(
      'kopia zapasowa całej bazy do pliku (JSON Lines, gzip) / back up the whole database to a file',
    )
    .argument('<file>', 'plik docelowy / target file')
    .action(async (file: string) => {
      const { backupDatabase, BackupError } = await import('../db/backup.ts');
      const summary = await withDatabase((database) => backupDatabase(database.db, file, new Date())).catch(
        asBadInput(BackupError),
      );
      io.stdout.write(`Zapisano / written: ${file} (${rowsOf(summary)} wierszy / rows)\n`);
    });
  program
    .command('restore')
    .description(
      'odtwórz bazę z kopii (do pustej bazy, albo --replace) / restore a backup (into an empty database, or --replace)',
    )
    .argument('<file>', 'plik kopii / backup file')
    .option('--replace', 'zastąp istniejące dane / overwrite existing data')
    .action(async (file: string, options: { replace?: boolean }) => {
      const { BackupError, restoreDatabase } = await import('../db/backup.ts');
      const summary = await withDatabase((database) =>
        restoreDatabase(database.db, file, { replace: options.replace === true }),
      ).catch(asBadInput(BackupError));
      io.stdout.write(`Odtworzono / restored: ${rowsOf(summary)} wierszy / rows\n`);
    });
}
