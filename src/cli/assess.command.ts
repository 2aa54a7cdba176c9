import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Lang } from '../domain/language.ts';
import type { FieldProblem } from '../domain/validation.ts';
import { CliExit, type CliIo, exitCodes, readAll } from './cli-io.ts';
import { langOf, langOption } from './cli-lang.ts';

const texts = {
  pl: {
    unreadable: 'Nie można odczytać pliku „{file}”: {detail}',
    notJson: 'Dane wejściowe nie są poprawnym JSON-em: {detail}',
    invalid: 'Nieprawidłowe fakty naruszenia ({count}):',
  },
  en: {
    unreadable: 'Cannot read file "{file}": {detail}',
    notJson: 'The input is not valid JSON: {detail}',
    invalid: 'Invalid breach facts ({count}):',
  },
} as const;

function say(lang: Lang, key: keyof (typeof texts)['pl'], params: Record<string, string | number>): string {
  return texts[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
}

async function readInput(source: string, io: CliIo, lang: Lang): Promise<unknown> {
  let text: string;
  try {
    text = source === '-' ? await readAll(io.stdin) : await readFile(source, 'utf8');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliExit(exitCodes.badInput, say(lang, 'unreadable', { file: source, detail }));
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliExit(exitCodes.badInput, say(lang, 'notJson', { detail }));
  }
}

export function registerAssessCommand(program: Command, io: CliIo): void {
  program
    .command('assess')
    .description(
      'ocena ryzyka naruszenia: fakty (JSON, obiekt lub tablica) → decyzja z uzasadnieniem (JSON)\n' +
        'breach risk assessment: facts (JSON object or array) → decision with reasons (JSON)',
    )
    .argument('<file>', 'plik JSON z faktami albo „-” dla standardowego wejścia / JSON file, or - for stdin')
    .addOption(langOption())
    .addHelpText(
      'after',
      '\nKontrakt / contract: ../shared/contracts/assess.md. Kod wyjścia 2 / exit code 2: nieprawidłowe dane (pole wskazane) / bad input (field named).',
    )
    .action(async (file: string, options: { lang?: string }) => {
      const lang = langOf(options);
      // The rules load when a case is assessed, not for every command.
      const [{ assessBreach }, { parseBreachFacts }, { ValidationError }] = await Promise.all([
        import('../domain/assess-breach.ts'),
        import('../domain/breach-facts.ts'),
        import('../domain/validation.ts'),
      ]);
      const input = await readInput(file, io, lang);
      const items = Array.isArray(input) ? input : [input];
      const problems: FieldProblem[] = [];
      const decisions = items.map((item, index) => {
        try {
          return assessBreach(parseBreachFacts(item, lang, Array.isArray(input) ? [index] : []), lang);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          problems.push(...error.problems);
          return null;
        }
      });
      if (problems.length > 0) {
        const lines = problems.map((p) => `  ${p.field}: ${p.message}`);
        throw new CliExit(
          exitCodes.badInput,
          [say(lang, 'invalid', { count: problems.length }), ...lines].join('\n'),
        );
      }
      io.stdout.write(`${JSON.stringify(Array.isArray(input) ? decisions : decisions[0], null, 2)}\n`);
    });
}
