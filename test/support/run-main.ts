import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';

/** Runs the `incydent` command in this process, as bin/incydent.js does, with its output collected. */
export async function runMain(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  err.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const code = await main(args, { stdin: new PassThrough(), stdout: out, stderr: err });
  return { code, stdout, stderr };
}
