import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.ts';
import { runMain } from '../support/run-main.ts';

const saved = { ...process.env };
afterEach(() => {
  for (const name of ['SMTP_HOST', 'SMTP_FROM', 'PORT']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('settings a command cannot use: a message naming them, exit code 2, no stack trace', () => {
  it('serve --port that is not a port number', async () => {
    for (const port of ['abc', '70000', '-1']) {
      const run = await runMain(['serve', '--port', port]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`serve: --port: numer portu 0–65535 / a port number 0–65535 (${port})`);
    }
  });

  it('an environment variable that cannot be used, in any command that reads the settings', async () => {
    process.env.SMTP_HOST = 'smtp.example.pl';
    delete process.env.SMTP_FROM;
    const run = await runMain(['migrate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Ustawiono SMTP_HOST bez SMTP_FROM.*SMTP_FROM is required with SMTP_HOST\n$/);
    expect(run.stderr).not.toContain('    at ');
  });

  it('ports outside 0–65535 and numbers that are not numbers are refused by name', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '80.5' })).toThrow('PORT');
    expect(() => loadConfig({ SMTP_HOST: 'h', SMTP_FROM: 'a@b.pl', SMTP_PORT: 'x' })).toThrow('SMTP_PORT');
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
  });
});
