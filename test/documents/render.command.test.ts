import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/run-main.ts';
import { tempDir } from '../support/temp-dir.ts';

const examples = fileURLToPath(new URL('../../examples/cases/', import.meta.url));
const mopr = join(examples, 'mopr-bialystok-2019.json');

describe('incydent render KIND CASE.json --format … -o FILE', () => {
  it('writes only the -o file', async () => {
    const folder = await tempDir('incydent-render-');
    const output = join(folder, 'zgloszenie.docx');
    const result = await runMain(['render', 'uodo-notification', mopr, '--format', 'docx', '-o', output]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(await readdir(folder)).toEqual(['zgloszenie.docx']);
    expect((await readFile(output)).subarray(0, 2).toString()).toBe('PK');
  });

  it('register takes a folder of cases', async () => {
    const folder = await tempDir('incydent-render-');
    const output = join(folder, 'rejestr.csv');
    expect((await runMain(['render', 'register', examples, '--format', 'csv', '-o', output])).code).toBe(0);
    expect((await readFile(output, 'utf8')).split('\r\n').filter(Boolean)).toHaveLength(1 + 5);
  });

  it('bad case → exit 2 naming the field', async () => {
    const folder = await tempDir('incydent-render-');
    const broken = JSON.parse(await readFile(mopr, 'utf8')) as Record<string, unknown>;
    broken.organisation = { ...(broken.organisation as object), name: 42 };
    const file = join(folder, 'broken.json');
    await writeFile(file, JSON.stringify(broken));
    const result = await runMain([
      'render',
      'internal-report',
      file,
      '--format',
      'pdf',
      '-o',
      join(folder, 'x.pdf'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('organisation.name: oczekiwano: tekst; podano: 42');
    expect(await readdir(folder)).toEqual(['broken.json']);
  });

  it('a format the document does not have → exit 2 with the formats it has', async () => {
    const result = await runMain([
      'render',
      'subject-letter',
      mopr,
      '--format',
      'xlsx',
      '-o',
      '/tmp/never.xlsx',
    ]);
    expect(result).toMatchObject({ code: 2 });
    expect(result.stderr).toContain('Dokument „subject-letter” nie ma formatu „xlsx”. Dostępne: pdf, docx.');
  });

  it('a supplementary notification without an earlier one → exit 2 with the catalogue message', async () => {
    const folder = await tempDir('incydent-render-');
    const fresh = { ...JSON.parse(await readFile(mopr, 'utf8')), notifications: [] };
    const file = join(folder, 'fresh.json');
    await writeFile(file, JSON.stringify(fresh));
    const result = await runMain([
      'render',
      'uodo-notification',
      file,
      '--phase',
      'supplementary',
      '--format',
      'pdf',
      '-o',
      join(folder, 'z.pdf'),
      '--lang',
      'en',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'A supplementary notification needs an earlier initial or complete notification.',
    );
    // Refused while rendering: no empty or half-written file is left under the name asked for.
    expect(existsSync(join(folder, 'z.pdf'))).toBe(false);
  });

  it('an output file that cannot be written → exit 2 naming it, no stack trace', async () => {
    const folder = await tempDir('incydent-render-');
    const output = join(folder, 'nie-ma', 'zgloszenie.pdf');
    const result = await runMain(['render', 'uodo-notification', mopr, '--format', 'pdf', '-o', output]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Nie można zapisać „${output}”`);
  });
});
