import type { Command } from 'commander';
import { formatSummary } from '../scan/format-summary.ts';
import { ProgressBar } from '../scan/progress-bar.ts';
import { ScanInputError } from '../scan/scan-input-error.ts';
import { type ScanLang, scanMessages } from '../scan/scan-messages.ts';
import { type ScanProgress, scanPaths } from '../scan/scan-paths.ts';
import { CliExit, type CliIo, exitCodes } from './cli-io.ts';

type ScanFlags = { json?: boolean; asOf?: string; list?: string; lang?: string; threads?: string };

const helpAfter = `
Osoby (subjectsApprox) / people: every distinct valid PESEL is one person; in each record (a table row, a JSON
line, a paragraph of text) without a PESEL, each distinct ID-card number is a person; without either, each
distinct e-mail address; without any of these, each distinct phone number. The same person found once by PESEL and
elsewhere only by e-mail counts twice, so the number is approximate (art. 33(3)(a) RODO asks for an approximate
number). Records: rows of CSV/TSV, spreadsheets and JSON lines, elements of a JSON array (header excluded).
Children (minors): distinct PESEL numbers of people under 18 on --as-of.
Nothing identifying is printed; only --list writes the people found (CSV) to the named file.
Symbolic links inside folders are not followed (a link is not data the carrier holds); a path named is.
Exit codes: 0 done (unreadable files are listed with their error), 2 bad arguments.`;

/**
 * Progress for a server that runs this command in a child process of its own (src/server/scan-process.ts), over
 * the IPC channel, a message at most every 250 ms; the channel does not keep the process alive.
 */
function progressToParent(): ((progress: ScanProgress) => void) | null {
  const send = process.send?.bind(process);
  if (process.env.INCYDENT_SCAN_PROGRESS !== 'ipc' || !send) return null;
  process.channel?.unref();
  // The server that started it is gone (a crash, kill -9): nobody would read the result, and the leaked files must
  // not go on being read.
  process.on('disconnect', () => process.exit(1));
  let last = 0;
  return (progress) => {
    const now = Date.now();
    if (now - last < 250 && progress.bytesDone < progress.bytesTotal) return;
    last = now;
    send({ type: 'progress', progress });
  };
}

function languageOf(flag: string | undefined): ScanLang {
  const lang = flag ?? process.env.INCYDENT_LANG ?? 'pl';
  return lang === 'en' ? 'en' : 'pl';
}

export function registerScanCommand(program: Command, io: CliIo): void {
  program
    .command('scan')
    .description(
      'analiza wycieku: osoby, rekordy i kategorie danych w plikach, folderach i archiwach\n' +
        'leak analysis: people, records and kinds of personal data in files, folders and archives',
    )
    .argument('<paths...>', 'pliki lub foldery / files or folders')
    .option('--json', 'jeden obiekt JSON na stdout / one JSON object on stdout')
    .option('--as-of <date>', 'dzień liczenia wieku (RRRR-MM-DD), domyślnie dziś / day ages are counted on')
    .option('--list <file>', 'zapisz listę osób (CSV) do pliku / write the people found (CSV) to this file')
    .option('--lang <lang>', 'pl lub en (domyślnie INCYDENT_LANG albo pl) / pl or en')
    .option(
      '--threads <n>',
      'wątki skanujące (domyślnie: po jednym na rdzeń, mniej przy dużych plikach, by ograniczyć pamięć) / threads that scan (default: one per core, fewer for large files, to bound memory)',
    )
    .addHelpText('after', helpAfter)
    .action(async (paths: string[], flags: ScanFlags) => {
      const lang = languageOf(flags.lang);
      if (flags.lang !== undefined && flags.lang !== 'pl' && flags.lang !== 'en') {
        throw new CliExit(exitCodes.badInput, `scan: --lang: pl | en (${flags.lang})`);
      }
      const threads = flags.threads === undefined ? undefined : Number(flags.threads);
      if (threads !== undefined && (!Number.isInteger(threads) || threads < 0 || threads > 64)) {
        throw new CliExit(exitCodes.badInput, `scan: --threads: 0–64 (${flags.threads})`);
      }
      const asOf = flags.asOf ?? new Date().toISOString().slice(0, 10);
      const bar = !flags.json && io.stderr.isTTY ? new ProgressBar(io.stderr) : null;
      const toParent = bar ? null : progressToParent();
      const onProgress = bar ? (p: ScanProgress) => bar.update(p) : toParent;
      let result: Awaited<ReturnType<typeof scanPaths>>;
      try {
        result = await scanPaths({
          paths,
          asOf,
          lang,
          // The command's own thread scans too: it would only wait for the workers. Not for a server that runs it
          // (progress over IPC): its thread stays free to report progress and to see the server gone.
          scanHere: toParent === null,
          ...(threads === undefined ? {} : { threads }),
          ...(flags.list === undefined ? {} : { listFile: flags.list }),
          ...(onProgress ? { onProgress } : {}),
        });
      } catch (error) {
        // A server that runs the command keeps the message for colleagues who read either language.
        if (error instanceof ScanInputError) {
          throw new CliExit(exitCodes.badInput, toParent ? error.bothLanguages : error.message);
        }
        throw error;
      } finally {
        bar?.clear();
      }
      if (flags.json) {
        io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const people = result.totals.subjectsApprox;
      const note = flags.list === undefined ? undefined : scanMessages[lang].listWritten(flags.list, people);
      io.stdout.write(formatSummary(result, lang, note));
    });
}
