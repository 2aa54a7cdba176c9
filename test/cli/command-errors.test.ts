import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { polishCommanderError } from '../../src/cli/main.ts';
import { runMain } from '../support/run-main.ts';

describe("commander's own errors, in Polish first", () => {
  it.each([
    [['scan'], "błąd: brak wymaganego argumentu 'paths'", "error: missing required argument 'paths'"],
    [['scna'], "błąd: nieznane polecenie 'scna' (czy chodziło o: scan?)", "error: unknown command 'scna'"],
    [['scan', '--nieznana', '.'], "błąd: nieznana opcja '--nieznana'", "error: unknown option '--nieznana'"],
    [['scan', '.', '--threads'], "błąd: opcja '--threads <n>' wymaga wartości", 'argument missing'],
    [
      ['assess', 'a', 'b'],
      "błąd: za dużo argumentów polecenia 'assess': oczekiwano 1, podano 2",
      "error: too many arguments for 'assess'",
    ],
  ])('incydent %j', async (args, polish, english) => {
    const run = await runMain(args);
    expect(run.code).toBe(2);
    // The Polish line first, then commander's own, then the command's help.
    expect(run.stderr.startsWith(`${polish}\n`)).toBe(true);
    expect(run.stderr).toContain(english);
    expect(run.stderr).toContain('Usage: incydent');
  });

  it('describes its help option and help command in Polish too, in every command', async () => {
    for (const args of [['--help'], ['scan', '--help'], ['user', '--help']]) {
      expect((await runMain(args)).stdout).toMatch(/-h, --help +pokaż pomoc \/ display help/);
    }
    expect((await runMain(['--help'])).stdout).toContain('pomoc do polecenia / help for a command');
  });

  it("gives commander's help titles and option notes in Polish too", async () => {
    const help = (await runMain(['user', 'create', '--help'])).stdout;
    expect(help).toMatch(/^Użycie \/ Usage: incydent user create/);
    expect(help).toContain('Opcje / Options:');
    expect(help).toMatch(/domyślnie \/ default: "admin"/);
    expect(help).toMatch(/do\s+wyboru \/ choices: "pl", "en"/);
    // A description's own words stay as written: only commander's notes after it are translated.
    expect((await runMain(['scan', '--help'])).stdout).toMatch(
      /threads that\s+scan\s+\(default:\s+one\s+per\s+core,\s+fewer\s+for\s+large\s+files,\s+to\s+bound\s+memory\)/,
    );
  });

  it('ends quietly when the reader of its output goes away (a pipe into head)', async () => {
    const bin = fileURLToPath(new URL('../../bin/incydent.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'scan', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the command writes anything: its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('leaves text it does not know as it is', () => {
    expect(polishCommanderError('error: something new\n')).toBe('error: something new\n');
  });
});
