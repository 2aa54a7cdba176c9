import { type FileHandle, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type Command, Option } from 'commander';
import { type DocumentFormat, documentFormats, formatsByKind } from '../documents/document-formats.ts';
import type { BreachCase } from '../domain/breach-case.ts';
import type { Recipient } from '../domain/documents/communication-audience.ts';
import { type DocumentKind, documentKinds } from '../domain/documents/document-kinds.ts';
import { DomainError } from '../domain/errors.ts';
import type { Lang } from '../domain/language.ts';
import { notificationPhases } from '../domain/notification-phases.ts';
import type { FieldProblem } from '../domain/validation.ts';
import { CliExit, type CliIo, exitCodes } from './cli-io.ts';
import { langOf, langOption } from './cli-lang.ts';

const texts = {
  pl: {
    unreadable: 'Nie można odczytać „{file}”: {detail}',
    unwritable: 'Nie można zapisać „{file}”: {detail}',
    notJson: 'Plik „{file}” nie jest poprawnym JSON-em: {detail}',
    invalid: 'Nieprawidłowy opis naruszenia ({count}):',
    kind: 'Nieznany rodzaj dokumentu „{kind}”. Dostępne: {kinds}.',
    format: 'Dokument „{kind}” nie ma formatu „{format}”. Dostępne: {formats}.',
    notArray: 'Dokument „{kind}” dotyczy jednego naruszenia; podano tablicę lub folder.',
    noCases: 'Nie znaleziono żadnego naruszenia w „{file}”.',
    date: 'Nieprawidłowa data dokumentu „{value}” (oczekiwano ISO 8601, np. 2019-10-11T09:00:00+02:00).',
    written: 'Zapisano {file} ({count}).',
  },
  en: {
    unreadable: 'Cannot read "{file}": {detail}',
    unwritable: 'Cannot write "{file}": {detail}',
    notJson: 'The file "{file}" is not valid JSON: {detail}',
    invalid: 'Invalid breach case ({count}):',
    kind: 'Unknown document kind "{kind}". Available: {kinds}.',
    format: 'The document "{kind}" has no format "{format}". Available: {formats}.',
    notArray: 'The document "{kind}" is about one breach; an array or a folder was given.',
    noCases: 'No breach found in "{file}".',
    date: 'Invalid document date "{value}" (expected ISO 8601, e.g. 2019-10-11T09:00:00+02:00).',
    written: 'Written {file} ({count}).',
  },
} as const;

function say(lang: Lang, key: keyof (typeof texts)['pl'], params: Record<string, string | number>): string {
  return texts[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

const detailOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function readJson(file: string, lang: Lang): Promise<unknown> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliExit(exitCodes.badInput, say(lang, 'unreadable', { file, detail: detailOf(error) }));
  }
  try {
    return JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliExit(exitCodes.badInput, say(lang, 'notJson', { file, detail: detailOf(error) }));
  }
}

/** One case, an array of cases, or a folder of case files, each validated with the one breach schema. */
async function readCases(source: string, lang: Lang): Promise<{ cases: BreachCase[]; many: boolean }> {
  const items: { value: unknown; path: PropertyKey[] }[] = [];
  let many = false;
  const isFolder = await stat(source)
    .then((s) => s.isDirectory())
    .catch(() => false);
  if (isFolder) {
    many = true;
    const names = (await readdir(source)).filter((name) => name.endsWith('.json')).sort();
    for (const name of names) items.push({ value: await readJson(join(source, name), lang), path: [name] });
  } else {
    const value = await readJson(source, lang);
    if (Array.isArray(value)) {
      many = true;
      value.forEach((item, index) => {
        items.push({ value: item, path: [index] });
      });
    } else items.push({ value, path: [] });
  }
  if (items.length === 0) throw new CliExit(exitCodes.badInput, say(lang, 'noCases', { file: source }));
  // The case schema and the document builders load when a document is rendered, not for every command.
  const [{ breachCaseSchema }, { parseInput, ValidationError }] = await Promise.all([
    import('../domain/breach-case.ts'),
    import('../domain/validation.ts'),
  ]);
  const problems: FieldProblem[] = [];
  const cases: BreachCase[] = [];
  for (const item of items) {
    try {
      cases.push(parseInput(breachCaseSchema, item.value, lang, item.path));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) {
    const lines = problems.map((p) => `  ${p.field}: ${p.message}`);
    throw new CliExit(
      exitCodes.badInput,
      [say(lang, 'invalid', { count: problems.length }), ...lines].join('\n'),
    );
  }
  return { cases, many };
}

type RenderOptions = {
  format: DocumentFormat;
  output: string;
  lang?: string;
  phase?: string;
  people?: string;
  date?: string;
  docVersion: string;
};

export function registerRenderCommand(program: Command, io: CliIo): void {
  program
    .command('render')
    .description(
      'dokument naruszenia z pliku sprawy (JSON, jak zwraca API) → PDF, DOCX, XLSX lub CSV\n' +
        'a breach document from a case file (JSON, as the API returns it) → PDF, DOCX, XLSX or CSV',
    )
    .argument('<kind>', `rodzaj dokumentu / document kind: ${documentKinds.join(', ')}`)
    .argument(
      '<case>',
      'plik JSON sprawy (rejestr: także tablica lub folder) / case JSON (register: also an array or a folder)',
    )
    .addOption(
      new Option('--format <format>', 'format pliku / file format')
        .choices(documentFormats)
        .makeOptionMandatory(),
    )
    .requiredOption(
      '-o, --output <file>',
      'plik wynikowy (jedyny zapisywany plik) / output file (the only file written)',
    )
    .addOption(langOption())
    .addOption(
      new Option('--phase <phase>', 'zgłoszenie do UODO: etap / UODO notification phase').choices(
        notificationPhases,
      ),
    )
    .option('--people <file>', 'lista osób do pism (CSV lub XLSX) / people to write to (CSV or XLSX)')
    .option('--date <iso>', 'data dokumentu (domyślnie teraz) / document date (default now)')
    .option('--doc-version <version>', 'wersja dokumentu / document version', '1')
    .addHelpText(
      'after',
      '\nFormaty / formats: ' +
        Object.entries(formatsByKind)
          .map(([kind, formats]) => `${kind}: ${formats.join('|')}`)
          .join('; ') +
        '.\nKod wyjścia 2 / exit code 2: nieprawidłowe dane (pole wskazane) / bad input (field named).',
    )
    .action(async (kindArgument: string, source: string, options: RenderOptions) => {
      const lang = langOf(options);
      const [{ PeopleListError, readPeopleList }, { phaseOf, renderDocument }] = await Promise.all([
        import('../documents/read-people-list.ts'),
        import('../documents/render-document.ts'),
      ]);
      if (!(documentKinds as readonly string[]).includes(kindArgument)) {
        throw new CliExit(
          exitCodes.badInput,
          say(lang, 'kind', { kind: kindArgument, kinds: documentKinds.join(', ') }),
        );
      }
      const kind = kindArgument as DocumentKind;
      const format = options.format;
      if (!formatsByKind[kind].includes(format)) {
        throw new CliExit(
          exitCodes.badInput,
          say(lang, 'format', { kind, format, formats: formatsByKind[kind].join(', ') }),
        );
      }
      const generatedAt = options.date ? new Date(options.date) : new Date();
      if (Number.isNaN(generatedAt.getTime())) {
        throw new CliExit(exitCodes.badInput, say(lang, 'date', { value: options.date ?? '' }));
      }
      const base = { lang, generatedAt, version: options.docVersion };
      const { cases, many } = await readCases(source, lang);
      if (many && kind !== 'register') throw new CliExit(exitCodes.badInput, say(lang, 'notArray', { kind }));
      const breach = cases[0]!;

      try {
        let recipients: (Recipient | null)[] = [null];
        if (kind === 'subject-letter' && options.people) {
          let bytes: Buffer;
          try {
            bytes = await readFile(options.people);
          } catch (error) {
            throw new CliExit(
              exitCodes.badInput,
              say(lang, 'unreadable', { file: options.people, detail: detailOf(error) }),
            );
          }
          recipients = await readPeopleList(bytes, basename(options.people), lang);
        }
        let handle: FileHandle;
        try {
          handle = await open(options.output, 'w');
        } catch (error) {
          throw new CliExit(
            exitCodes.badInput,
            say(lang, 'unwritable', { file: options.output, detail: detailOf(error) }),
          );
        }
        const output = handle.createWriteStream();
        try {
          await renderDocument(
            { ...base, kind, format, cases, phase: phaseOf(breach, options.phase), recipients },
            output,
          );
        } catch (error) {
          // Nothing half-written is left under the name asked for.
          output.destroy();
          await rm(options.output, { force: true });
          throw error;
        }
        const count = kind === 'subject-letter' ? recipients.length : `${output.bytesWritten} B`;
        io.stdout.write(`${say(lang, 'written', { file: options.output, count })}\n`);
      } catch (error) {
        if (error instanceof DomainError) throw new CliExit(exitCodes.badInput, error.messageIn(lang));
        if (error instanceof PeopleListError) throw new CliExit(exitCodes.badInput, error.message);
        throw error;
      }
    });
}
