import type { FastifyInstance } from 'fastify';
import { type AppDatabase, migrateToLatest, openDatabase } from '../db/database.ts';
import { buildApp } from './app.ts';
import type { AppConfig } from './config.ts';
import { runDeadlineSweep } from './deadline-sweep.ts';
import { startMailSender } from './mail-sender.ts';
import { runMailSweep } from './mail-sweep.ts';
import { failAbandonedScans, purgeOldScanPeople, removeLeftScanFolders, stopScans } from './scan.service.ts';

export type RunningServer = {
  app: FastifyInstance;
  database: AppDatabase;
  url: string;
  stop(): Promise<void>;
};

/** Opens the database, migrates it, serves HTTP and runs the deadline sweep on a timer; `stop` undoes all. */
export async function startServer(
  config: AppConfig,
  options: { logger?: boolean } = {},
): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  const app = await buildApp({ database, config, logger: options.logger ?? false });
  await removeLeftScanFolders();
  const services = { db: database.db, config, now: () => new Date() };
  const { smtpProvider } = await import('../mail/smtp-provider.ts');
  const mailSender = config.smtp
    ? startMailSender(services, {
        provider: smtpProvider(config.smtp),
        onError: (error) => app.log.error(error),
      })
    : null;
  if (!config.smtp && options.logger)
    console.warn('[incydent] SMTP_HOST not set: e-mail is off / wysyłka e-mail wyłączona');
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = runDeadlineSweep(services)
      .then(() => failAbandonedScans(services))
      .then(() => purgeOldScanPeople(services))
      .then(() => runMailSweep(services))
      .then(() => mailSender?.wake())
      .catch((error) => app.log.error(error));
  };
  const timer =
    config.sweepIntervalSeconds > 0 ? setInterval(sweep, config.sweepIntervalSeconds * 1000) : null;
  timer?.unref();
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Nothing is left running: the caller says why (a port in use, say) and the process can end.
    if (timer) clearInterval(timer);
    await mailSender?.stop();
    await app.close();
    await database.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  sweep();
  return {
    app,
    database,
    url: `http://localhost:${port}`,
    async stop() {
      if (timer) clearInterval(timer);
      await sweeping;
      await mailSender?.stop();
      await app.close();
      // A scan in progress ends as interrupted: its row says so before the database closes.
      await stopScans();
      await database.close();
    },
  };
}
