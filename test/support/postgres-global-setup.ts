import type { TestProject } from 'vitest/node';
import { migrateToLatest, openDatabase } from '../../src/db/database.ts';
import { type Cluster, startThrowawayCluster } from './postgres-cluster.ts';

export const templateDatabase = 'incydent_test_template';

/**
 * For the `postgres` test project: uses TEST_POSTGRES_URL, or starts a throwaway cluster, and prepares a migrated
 * template database that each test copies (CREATE DATABASE … TEMPLATE), which is much faster than migrating.
 */
export default async function setup(project: TestProject) {
  let cluster: Cluster | null = null;
  let url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    cluster = await startThrowawayCluster();
    url = cluster.url;
  }
  const admin = await openDatabase({ databaseUrl: url, poolSize: 1 });
  const { sql } = await import('kysely');
  await sql.raw(`drop database if exists ${templateDatabase}`).execute(admin.db);
  await sql.raw(`create database ${templateDatabase}`).execute(admin.db);
  await admin.close();
  const template = await openDatabase({ databaseUrl: withDatabase(url, templateDatabase), poolSize: 1 });
  await migrateToLatest(template.db);
  await template.close();
  project.provide('postgresUrl', url);
  return () => cluster?.stop();
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
