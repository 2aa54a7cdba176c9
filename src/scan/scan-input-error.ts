/** A bad argument to a scan (missing path, bad date, unwritable list file): the CLI exits with code 2. */
export class ScanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanInputError';
  }
}
