import type { Command } from 'commander';
import { CliExit, type CliIo, exitCodes } from './cli-io.ts';

export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('uruchom serwer (API i aplikację) / start the server (API and web app)')
    .option('--port <port>', 'port HTTP (domyślnie PORT albo 3000) / HTTP port (default PORT or 3000)')
    .action(async (options: { port?: string }) => {
      const port = options.port;
      if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) > 65535)) {
        throw new CliExit(
          exitCodes.badInput,
          `serve: --port: numer portu 0–65535 / a port number 0–65535 (${port})`,
        );
      }
      // The server and its packages load for this command only, so the others start quickly and stay small.
      const [{ loadConfig }, { startServer }] = await Promise.all([
        import('../server/config.ts'),
        import('../server/start-server.ts'),
      ]);
      const config = loadConfig({ ...process.env, ...(port === undefined ? {} : { PORT: port }) });
      const server = await startServer(config, { logger: true }).catch((error: unknown) => {
        const code = (error as { code?: unknown } | null)?.code;
        if (code === 'EADDRINUSE') {
          throw new CliExit(
            exitCodes.failure,
            `serve: port ${config.port} jest zajęty przez inny program (może działa już incydent); wybierz inny: --port albo PORT / port ${config.port} is in use by another program; choose another with --port or PORT`,
          );
        }
        if (code === 'EACCES') {
          throw new CliExit(
            exitCodes.failure,
            `serve: brak uprawnień do portu ${config.port} (porty poniżej 1024 wymagają uprawnień administratora) / no permission for port ${config.port} (ports below 1024 need administrator rights)`,
          );
        }
        throw error;
      });
      const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite: ${config.dataDir}`;
      io.stdout.write(`incydent: ${server.url} — baza danych / database: ${where}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          io.stdout.write('incydent: zatrzymywanie… / stopping…\n');
          server.stop().then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
