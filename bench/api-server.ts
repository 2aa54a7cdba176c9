/**
 * The API server for bench/api.ts, in its own process so the load generator does not share its CPU. The same app
 * as `incydent serve`, plus one bare route to compare against.
 */
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

const config = { ...loadConfig(), sweepIntervalSeconds: 0 };
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: Number(process.env.BENCH_POOL ?? 10),
});
await migrateToLatest(database.db);
const app = await buildApp({ database, config });
app.get('/bench/bare', async () => ({ ok: true }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(
  `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
);
process.once('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
