import type { Readable, Writable } from 'node:stream';

/** The streams a command talks to; tests pass their own. */
export type CliIo = {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
};

/** Exit codes shared by every command (see ../shared/contracts). */
export const exitCodes = { ok: 0, failure: 1, badInput: 2 } as const;

/** Thrown by a command to stop with a message on stderr and the given exit code. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const processIo: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
