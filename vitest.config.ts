import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure domain, CLI, scan, documents), and the server suite twice — on the embedded PGlite
 * and on a real PostgreSQL server (TEST_POSTGRES_URL, or a throwaway cluster when Debian's postgresql is
 * installed, as .ci/run does). Without either, the PostgreSQL project is left out and says so.
 */
const postgresAvailable =
  Boolean(process.env.TEST_POSTGRES_URL) ||
  (existsSync('/usr/lib/postgresql') &&
    readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)));
if (!postgresAvailable) {
  console.warn(
    '\n[incydent] PostgreSQL not found: the server suite runs on PGlite only. Install it (apt-get install -y postgresql) or set TEST_POSTGRES_URL to run it on PostgreSQL too.\n',
  );
}

/** The browser suite needs Debian's chromium (.ci/run installs it); playwright-core drives it, downloading nothing. */
const chromiumAvailable = existsSync('/usr/bin/chromium');
if (!chromiumAvailable) {
  console.warn(
    '\n[incydent] /usr/bin/chromium not found: the end-to-end browser suite (test/e2e) is left out. Install it (apt-get install -y chromium) to run it.\n',
  );
}

const shared = { testTimeout: 30_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/server/**', 'test/e2e/**'],
        },
      },
      {
        test: {
          ...shared,
          name: 'pglite',
          include: ['test/server/**/*.test.ts'],
          env: { INCYDENT_TEST_DB: 'pglite' },
        },
      },
      ...(postgresAvailable
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                include: ['test/server/**/*.test.ts'],
                env: { INCYDENT_TEST_DB: 'postgres' },
                globalSetup: ['test/support/postgres-global-setup.ts'],
              },
            },
          ]
        : []),
      ...(chromiumAvailable
        ? [
            {
              test: {
                ...shared,
                name: 'e2e',
                include: ['test/e2e/**/*.test.ts'],
                globalSetup: ['test/e2e/support/web-build-setup.ts'],
                testTimeout: 300_000,
                hookTimeout: 300_000,
              },
            },
          ]
        : []),
    ],
  },
});
