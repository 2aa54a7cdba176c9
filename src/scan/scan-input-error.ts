import { type ScanLang, type ScanMessages, scanMessages } from './scan-messages.ts';

/** A bad argument to a scan (missing path, bad date, unwritable list file): the CLI exits with code 2. */
export class ScanInputError extends Error {
  /** The message in both languages, "pl / en": what a server keeps for a scan that a colleague may read in either. */
  readonly bothLanguages: string;

  constructor(lang: ScanLang, say: (text: ScanMessages) => string) {
    super(say(scanMessages[lang]));
    this.name = 'ScanInputError';
    const bare = (text: string) => text.replace(/^scan: /, '');
    this.bothLanguages = `scan: ${bare(say(scanMessages.pl))} / ${bare(say(scanMessages.en))}`;
  }
}
