/**
 * Leak analysis of a breach's files, run in the background by the instance that received them: the DPO uploads a
 * file or an archive (or names a folder under SCAN_ROOT on the server, for a large carrier), sees progress, and
 * applies the findings to the breach (categories, approximate numbers, children) with an audit entry. The files
 * stay on this machine and are removed after the scan; only counts and the people list are kept.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { appendAudit } from '../db/audit.repository.ts';
import { lockBreach, updateBreach } from '../db/breach.repository.ts';
import {
  failStaleScans,
  findScan,
  insertScan,
  listScans,
  purgeScanPeople,
  updateScan,
} from '../db/scan.repository.ts';
import { DomainError } from '../domain/errors.ts';
import type { Lang } from '../domain/language.ts';
import { type ScanTotals, scanFindings } from '../domain/scan-findings.ts';
import { warsawDate } from '../domain/warsaw-time.ts';
import { viewBreach } from './breach.service.ts';
import type { Actor, ServiceContext } from './service-context.ts';

type ScanRow = NonNullable<Awaited<ReturnType<typeof findScan>>>;

export function presentScan(row: ScanRow) {
  const result = row.result as { totals?: ScanTotals } | null;
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    progress: { bytesDone: Number(row.bytes_done), bytesTotal: Number(row.bytes_total) },
    result,
    findings: result?.totals ? scanFindings(result.totals) : null,
    error: row.error,
    startedBy: row.started_by_label,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

/** Scans in progress in this process, so tests and shutdown can wait for them. */
const running = new Set<Promise<void>>();
export function runningScans(): Promise<unknown> {
  return Promise.allSettled([...running]);
}

async function runInBackground(
  ctx: ServiceContext,
  scanId: string,
  paths: string[],
  cleanup: string | null,
  lang: Lang,
) {
  const { scanPaths } = await import('../scan/scan-paths.ts');
  const listDir = await mkdtemp(join(tmpdir(), 'incydent-scan-list-'));
  const listFile = join(listDir, 'osoby.csv');
  let lastWrite = 0;
  try {
    const asOf = warsawDate(ctx.now());
    const result = await scanPaths({
      paths,
      asOf,
      listFile,
      lang,
      onProgress: (progress) => {
        const now = Date.now();
        if (now - lastWrite < 500) return;
        lastWrite = now;
        void updateScan(ctx.db, scanId, {
          bytes_done: progress.bytesDone,
          bytes_total: progress.bytesTotal,
          updated_at: ctx.now(),
        }).catch(() => {});
      },
    });
    // The list names the files people were found in; only their names, not this machine's temporary folders.
    const list = await readFile(listFile, 'utf8').catch(() => null);
    const people =
      list === null ? null : Buffer.from(cleanup ? list.replaceAll(`${cleanup}/`, '') : list, 'utf8');
    await updateScan(ctx.db, scanId, {
      status: 'done',
      result: JSON.stringify({
        ...result,
        files: result.files.map((f) => ({ ...f, path: basename(f.path) })),
      }),
      people,
      bytes_done: result.totals.bytes,
      bytes_total: result.totals.bytes,
      finished_at: ctx.now(),
      updated_at: ctx.now(),
    });
  } catch (error) {
    await updateScan(ctx.db, scanId, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      finished_at: ctx.now(),
      updated_at: ctx.now(),
    });
  } finally {
    await rm(listDir, { recursive: true, force: true });
    if (cleanup) await rm(cleanup, { recursive: true, force: true });
  }
}

async function start(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  source: { label: string; paths: string[]; cleanup: string | null },
  lang: Lang,
) {
  const now = ctx.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockBreach(trx, actor.organisationId, breachId))) throw new DomainError('not-found');
    const scan = await insertScan(trx, {
      breach_id: breachId,
      organisation_id: actor.organisationId,
      status: 'running',
      source: source.label,
      started_by: actor.userId,
      started_by_label: actor.label,
      started_at: now,
      updated_at: now,
    });
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'scan.started',
      entity: 'breach',
      entityId: breachId,
      after: { scanId: scan.id, source: source.label },
      at: now,
    });
    return scan;
  });
  const job = runInBackground(ctx, row.id, source.paths, source.cleanup, lang);
  running.add(job);
  void job.finally(() => running.delete(job));
  return presentScan(row);
}

/** Scans an uploaded file (a ZIP is opened, recursively). */
export async function scanUpload(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  file: { filename: string; content: Buffer },
  lang: Lang,
) {
  const dir = await mkdtemp(join(tmpdir(), 'incydent-scan-'));
  const name = basename(file.filename).replace(/[^\p{L}\p{N}._ -]+/gu, '_') || 'plik';
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), file.content);
  return start(ctx, actor, breachId, { label: name, paths: [join(dir, name)], cleanup: dir }, lang);
}

/** Scans a folder on the server (a large carrier mounted there); only under SCAN_ROOT, never elsewhere. */
export async function scanServerPath(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  path: string,
  lang: Lang,
) {
  const root = ctx.config.scanRoot;
  if (!root) {
    throw new DomainError('validation.invalid', {
      field: 'path',
      detail: {
        pl: 'skanowanie ścieżek na serwerze jest wyłączone (ustaw SCAN_ROOT)',
        en: 'scanning server paths is off (set SCAN_ROOT)',
      },
    });
  }
  const target = resolve(root, path);
  const inside = relative(root, target);
  if (inside.startsWith('..') || resolve(inside) === inside) {
    throw new DomainError('validation.invalid', {
      field: 'path',
      detail: { pl: `ścieżka musi leżeć w ${root}`, en: `the path must lie under ${root}` },
    });
  }
  return start(ctx, actor, breachId, { label: inside || '.', paths: [target], cleanup: null }, lang);
}

export async function scansOf(ctx: ServiceContext, actor: Actor, breachId: string) {
  return (await listScans(ctx.db, actor.organisationId, breachId)).map(presentScan);
}

export async function scanOf(ctx: ServiceContext, actor: Actor, breachId: string, scanId: string) {
  const row = await findScan(ctx.db, actor.organisationId, breachId, scanId);
  if (!row) throw new DomainError('not-found');
  return presentScan(row);
}

/** Fills the breach from a finished scan: categories added (never removed), numbers and children set. */
export async function applyScan(ctx: ServiceContext, actor: Actor, breachId: string, scanId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const breach = await lockBreach(trx, actor.organisationId, breachId);
    const scan = await findScan(trx, actor.organisationId, breachId, scanId);
    if (!breach || !scan) throw new DomainError('not-found');
    const findings = presentScan(scan).findings;
    if (scan.status !== 'done' || !findings) {
      throw new DomainError('validation.invalid', {
        field: 'scanId',
        detail: { pl: 'analiza nie została ukończona', en: 'the scan has not finished' },
      });
    }
    const details = { ...(breach.details as Record<string, unknown>) };
    const before = {
      dataCategories: details.dataCategories ?? [],
      subjectsApprox: details.subjectsApprox ?? null,
      recordsApprox: details.recordsApprox ?? null,
      subjectCategories: details.subjectCategories ?? [],
    };
    const categories = new Set([...((details.dataCategories as string[]) ?? []), ...findings.dataCategories]);
    const subjectCategories = new Set((details.subjectCategories as string[]) ?? []);
    if (findings.children) subjectCategories.add('children');
    details.dataCategories = [...categories];
    details.subjectsApprox = findings.subjectsApprox;
    details.subjectsApproxText = `ok. ${findings.subjectsApprox} (analiza plików)`;
    details.recordsApprox = findings.recordsApprox;
    details.subjectCategories = [...subjectCategories];
    const after = {
      dataCategories: details.dataCategories,
      subjectsApprox: details.subjectsApprox,
      recordsApprox: details.recordsApprox,
      subjectCategories: details.subjectCategories,
    };
    await updateBreach(trx, actor.organisationId, breachId, {
      details: JSON.stringify(details),
      updated_at: ctx.now(),
    });
    await updateScan(trx, scanId, { status: 'applied', updated_at: ctx.now() });
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'scan.applied',
      entity: 'breach',
      entityId: breachId,
      before,
      after: { ...after, scanId },
      at: ctx.now(),
    });
    return viewBreach(ctx, actor, breachId, trx);
  });
}

/** Marks as failed the scans whose instance stopped mid-way (no progress for an hour). */
export async function failAbandonedScans(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  return failStaleScans(
    ctx.db,
    new Date(now.getTime() - 3_600_000),
    now,
    'Przerwane: serwer został zatrzymany w trakcie analizy / interrupted: the server stopped',
  );
}

/**
 * The people found by a scan (identifiers, for letters and e-mails to them, art. 34 RODO) are kept for
 * SCAN_PEOPLE_RETENTION_DAYS after the scan (default 30), then erased; counts and findings stay.
 */
export async function purgeOldScanPeople(ctx: ServiceContext): Promise<number> {
  const days = ctx.config.scanPeopleRetentionDays;
  return purgeScanPeople(ctx.db, new Date(ctx.now().getTime() - days * 86_400_000));
}
