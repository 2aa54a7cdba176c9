/**
 * Leak analysis of a breach's files, run in the background by the instance that received them: the DPO uploads a
 * file or an archive (or names a folder under SCAN_ROOT on the server, for a large carrier), sees progress, and
 * applies the findings to the breach (categories, approximate numbers, children) with an audit entry. The files
 * stay on this machine and are removed after the scan; only counts and the people list are kept.
 */
import { mkdtemp, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { appendAudit } from '../db/audit.repository.ts';
import { lockBreach, updateBreach } from '../db/breach.repository.ts';
import { isRunning } from '../db/data-dir-lock.ts';
import { scanPeopleList } from '../db/mail.repository.ts';
import {
  failStaleScans,
  findScan,
  insertScan,
  listScans,
  purgeScanPeople,
  updateRunningScan,
  updateScan,
} from '../db/scan.repository.ts';
import { DomainError } from '../domain/errors.ts';
import type { Lang } from '../domain/language.ts';
import {
  type ScanTotals,
  scanFindings,
  scanReadSomething,
  scanSubjectsText,
} from '../domain/scan-findings.ts';
import { warsawDate } from '../domain/warsaw-time.ts';
import type { ScanProgress } from '../scan/scan-paths.ts';
import { viewBreach } from './breach.service.ts';
import { interrupted, startScanProcess } from './scan-process.ts';
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
    // Nothing changes an applied scan's row after it is applied.
    appliedAt: row.status === 'applied' ? new Date(row.updated_at).toISOString() : null,
  };
}

/** Scans in progress in this process, so tests and shutdown can wait for them. */
const running = new Set<Promise<void>>();
/** The scans this process runs, by id: a stop (the server's, or a DPO's cancel) ends its child process. */
const stoppers = new Map<string, AbortController>();
export function runningScans(): Promise<unknown> {
  return Promise.allSettled([...running]);
}
/** Ends this process's scans (the server stops): each is marked failed, as interrupted. */
export function stopScans(): Promise<unknown> {
  for (const stopper of stoppers.values()) stopper.abort();
  return runningScans();
}

/** While its process runs, a scan's row says so every 15 s, so that one whose server died is soon seen to be over. */
const heartbeatMs = 15_000;
/** A running scan not heard from for this long is over (its server stopped mid-way: see failAbandonedScans). */
const abandonedAfterMs = 8 * heartbeatMs;
/** The largest people list kept in the database (for letters and e-mails); a larger one is left to the CLI. */
const maxStoredListBytes = 64 * 1024 * 1024;

// Uploaded files and people lists wait in folders named after the server's process, so that a server started after
// a crash removes those of a process that is gone (the files of a leak must not outlive their scan).
const folderPrefix = 'incydent-scan-';
const folderOfThisProcess = () => join(tmpdir(), `${folderPrefix}${process.pid}-`);

async function runInBackground(
  ctx: ServiceContext,
  scanId: string,
  source: ScanSource,
  lang: Lang,
  signal: AbortSignal,
) {
  const listDir = await mkdtemp(folderOfThisProcess());
  const listFile = join(listDir, 'osoby.csv');
  let lastWrite = 0;
  // Each write says whether the scan still runs: when a DPO cancelled it (on any instance), its process ends here.
  const touch = (progress?: ScanProgress) =>
    void updateRunningScan(ctx.db, scanId, {
      ...(progress ? { bytes_done: progress.bytesDone, bytes_total: progress.bytesTotal } : {}),
      updated_at: ctx.now(),
    }).then(
      (runs) => {
        if (!runs) stoppers.get(scanId)?.abort();
      },
      () => {},
    );
  const heartbeat = setInterval(() => touch(), heartbeatMs);
  heartbeat.unref();
  try {
    signal.throwIfAborted();
    const child = startScanProcess({
      cwd: source.cwd,
      paths: source.paths,
      asOf: warsawDate(ctx.now()),
      lang,
      listFile,
      onProgress: (progress) => {
        const now = Date.now();
        if (now - lastWrite < 500) return;
        lastWrite = now;
        touch(progress);
      },
    });
    signal.addEventListener('abort', () => child.stop());
    const result = await child.result;
    // Paths are relative to the carrier's folder (or the upload's own), so both the report and the list name files
    // as the DPO knows them, never this machine's folders.
    const size = (await stat(listFile).catch(() => null))?.size ?? null;
    const people = size !== null && size <= maxStoredListBytes ? await readFile(listFile) : null;
    await updateRunningScan(ctx.db, scanId, {
      status: 'done',
      result: JSON.stringify(
        size !== null && size > maxStoredListBytes ? { ...result, peopleListBytes: size } : result,
      ),
      people,
      bytes_done: result.totals.bytes,
      bytes_total: result.totals.bytes,
      finished_at: ctx.now(),
      updated_at: ctx.now(),
    });
  } catch (error) {
    await updateRunningScan(ctx.db, scanId, {
      status: 'failed',
      error: signal.aborted ? interrupted : error instanceof Error ? error.message : String(error),
      finished_at: ctx.now(),
      updated_at: ctx.now(),
    }).catch(() => {});
  } finally {
    clearInterval(heartbeat);
    await rm(listDir, { recursive: true, force: true });
    if (source.cleanup) await rm(source.cleanup, { recursive: true, force: true });
  }
}

/** What a scan reads: paths relative to `cwd`; `cleanup` is removed after it (an upload's folder). */
type ScanSource = { label: string; cwd: string; paths: string[]; cleanup: string | null };

async function start(ctx: ServiceContext, actor: Actor, breachId: string, source: ScanSource, lang: Lang) {
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
  const stopper = new AbortController();
  stoppers.set(row.id, stopper);
  const job = runInBackground(ctx, row.id, source, lang, stopper.signal);
  running.add(job);
  void job.finally(() => {
    running.delete(job);
    stoppers.delete(row.id);
  });
  return presentScan(row);
}

/**
 * The name an upload is stored under for its scan: its last path segment, with letters, digits, spaces, dots and
 * dashes kept (the rest become "_"), no leading dot (".." would name the folder above), and at most 200 bytes, the
 * extension kept, where file systems allow 255.
 */
export function uploadFileName(raw: string): string {
  let name = (raw.split(/[\\/]/).at(-1) ?? '').replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^[. ]+/, '');
  if (name === '') return 'plik';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  const stem = extension ? name.slice(0, dot) : name;
  // Cut once, at 200 bytes, back to a whole character (a cut inside one decodes to U+FFFD, dropped).
  const room = 200 - Buffer.byteLength(extension);
  const cut = Buffer.from(stem, 'utf8')
    .subarray(0, room)
    .toString('utf8')
    .replace(/\uFFFD$/u, '');
  name = cut + extension;
  return name;
}

/**
 * Scans uploaded files as one analysis (a ZIP is opened, recursively): the files a DPO chose together are one set of
 * leaked data, counted together (a person in two of them is one person).
 */
export async function scanUpload(
  ctx: ServiceContext,
  actor: Actor,
  breachId: string,
  files: readonly { filename: string; content: Buffer }[],
  lang: Lang,
) {
  const dir = await mkdtemp(folderOfThisProcess());
  try {
    // Distinct names: two files named alike (from different folders) are both kept, the second as "name (2).ext".
    const names: string[] = [];
    for (const file of files) {
      const wanted = uploadFileName(file.filename);
      let name = wanted;
      for (let n = 2; names.includes(name); n++)
        name = wanted.replace(/(\.[^.]*)?$/, (ext) => ` (${n})${ext}`);
      names.push(name);
      await writeFile(join(dir, name), file.content);
    }
    const label =
      names.length <= 3 ? names.join(', ') : `${names.slice(0, 2).join(', ')} (+${names.length - 2})`;
    return await start(ctx, actor, breachId, { label, cwd: dir, paths: names, cleanup: dir }, lang);
  } catch (error) {
    // Not started (the breach is gone, say): the files are not kept.
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Scans a folder or file on the server (a large carrier mounted there): only under SCAN_ROOT, where it really lies
 * once symbolic links are resolved, and only when it exists; links inside it are not followed (see listFiles).
 */
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
  const outside = new DomainError('validation.invalid', {
    field: 'path',
    detail: { pl: `ścieżka musi leżeć w ${root}`, en: `the path must lie under ${root}` },
  });
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot) {
    throw new DomainError('validation.invalid', {
      field: 'path',
      detail: {
        pl: `nie ma folderu SCAN_ROOT (${root})`,
        en: `the SCAN_ROOT folder does not exist (${root})`,
      },
    });
  }
  const inside = relative(root, resolve(root, path));
  if (inside.startsWith('..') || isAbsolute(inside)) throw outside;
  const target = await realpath(resolve(root, path)).catch(() => null);
  if (!target) {
    throw new DomainError('validation.invalid', {
      field: 'path',
      detail: {
        pl: `nie ma takiego pliku ani folderu w ${root}: ${inside || '.'}`,
        en: `no such file or folder under ${root}: ${inside || '.'}`,
      },
    });
  }
  const real = relative(realRoot, target);
  if (real.startsWith('..') || isAbsolute(real)) throw outside;
  return start(
    ctx,
    actor,
    breachId,
    { label: inside || '.', cwd: realRoot, paths: [real || '.'], cleanup: null },
    lang,
  );
}

/**
 * The people list a finished analysis kept (identifiers, and names and addresses from tables), for the e-mails and
 * letters to them (art. 34 RODO); an error naming the scan when it has none (not finished, or erased after
 * SCAN_PEOPLE_RETENTION_DAYS).
 */
export async function scanPeople(ctx: ServiceContext, actor: Actor, breachId: string, scanId: string) {
  const scan = await scanPeopleList(ctx.db, actor.organisationId, breachId, scanId);
  if (!scan) throw new DomainError('not-found');
  if (!scan.people || (scan.status !== 'done' && scan.status !== 'applied')) {
    throw new DomainError('validation.invalid', {
      field: 'scanId',
      detail: {
        pl: 'ta analiza nie zakończyła się listą osób',
        en: 'this analysis did not finish with a people list',
      },
    });
  }
  return { id: scan.id, people: scan.people };
}

export async function scansOf(ctx: ServiceContext, actor: Actor, breachId: string) {
  return (await listScans(ctx.db, actor.organisationId, breachId)).map(presentScan);
}

export async function scanOf(ctx: ServiceContext, actor: Actor, breachId: string, scanId: string) {
  const row = await findScan(ctx.db, actor.organisationId, breachId, scanId);
  if (!row) throw new DomainError('not-found');
  return presentScan(row);
}

/**
 * Stops a running scan (a wrong folder, a carrier larger than thought): it ends as cancelled (its error field names
 * who stopped it), with an audit entry.
 * Its process ends at once when this instance runs it, else at that instance's next write (within 15 s).
 */
export async function cancelScan(ctx: ServiceContext, actor: Actor, breachId: string, scanId: string) {
  const row = await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockBreach(trx, actor.organisationId, breachId))) throw new DomainError('not-found');
    const scan = await findScan(trx, actor.organisationId, breachId, scanId);
    if (!scan) throw new DomainError('not-found');
    if (scan.status !== 'running') {
      throw new DomainError('validation.invalid', {
        field: 'scanId',
        detail: { pl: 'ta analiza nie jest w toku', en: 'this scan is not running' },
      });
    }
    const now = ctx.now();
    // Only while it still runs: a scan that finished meanwhile (on another instance) keeps its result.
    const stopped = await updateRunningScan(trx, scanId, {
      status: 'cancelled',
      error: actor.label,
      finished_at: now,
      updated_at: now,
    });
    if (!stopped) {
      throw new DomainError('validation.invalid', {
        field: 'scanId',
        detail: { pl: 'ta analiza nie jest w toku', en: 'this scan is not running' },
      });
    }
    await appendAudit(trx, {
      organisationId: actor.organisationId,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: 'scan.cancelled',
      entity: 'breach',
      entityId: breachId,
      after: { scanId, source: scan.source },
      at: now,
    });
    return (await findScan(trx, actor.organisationId, breachId, scanId))!;
  });
  stoppers.get(scanId)?.abort();
  return presentScan(row);
}

/** Fills the breach from a finished scan: categories added (never removed), numbers and children set. */
export async function applyScan(ctx: ServiceContext, actor: Actor, breachId: string, scanId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const breach = await lockBreach(trx, actor.organisationId, breachId);
    const scan = await findScan(trx, actor.organisationId, breachId, scanId);
    if (!breach || !scan) throw new DomainError('not-found');
    const view = presentScan(scan);
    const findings = view.findings;
    const refuse = (pl: string, en: string) =>
      new DomainError('validation.invalid', { field: 'scanId', detail: { pl, en } });
    if (scan.status === 'applied') {
      throw refuse('ta analiza jest już wpisana do naruszenia', 'this scan is already applied to the breach');
    }
    if (scan.status !== 'done' || !findings) {
      throw refuse('analiza nie została ukończona', 'the scan has not finished');
    }
    if (!scanReadSomething((view.result as { files?: { error: string | null }[] } | null)?.files ?? [])) {
      throw refuse(
        'żadnego pliku tej analizy nie udało się odczytać: nie ma czego wpisać do naruszenia',
        'none of the files of this scan could be read: there is nothing to fill in',
      );
    }
    const details = { ...(breach.details as Record<string, unknown>) };
    const before = {
      dataCategories: details.dataCategories ?? [],
      subjectsApprox: details.subjectsApprox ?? null,
      subjectsApproxText: details.subjectsApproxText ?? null,
      recordsApprox: details.recordsApprox ?? null,
      recordsApproxText: details.recordsApproxText ?? null,
      subjectCategories: details.subjectCategories ?? [],
    };
    const categories = new Set([...((details.dataCategories as string[]) ?? []), ...findings.dataCategories]);
    const subjectCategories = new Set((details.subjectCategories as string[]) ?? []);
    if (findings.children) subjectCategories.add('children');
    details.dataCategories = [...categories];
    details.subjectsApprox = findings.subjectsApprox;
    details.subjectsApproxText = scanSubjectsText(findings.subjectsApprox);
    details.recordsApprox = findings.recordsApprox;
    // A DPO's text of the old number ("ok. 2000 wpisów") must not stand beside the scan's: the number shows alone.
    details.recordsApproxText = null;
    details.subjectCategories = [...subjectCategories];
    const after = {
      dataCategories: details.dataCategories,
      subjectsApprox: details.subjectsApprox,
      subjectsApproxText: details.subjectsApproxText,
      recordsApprox: details.recordsApprox,
      recordsApproxText: details.recordsApproxText,
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

/** Marks as failed the scans whose instance stopped mid-way (not heard from for two minutes: see heartbeatMs). */
export async function failAbandonedScans(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  return failStaleScans(ctx.db, new Date(now.getTime() - abandonedAfterMs), now, interrupted);
}

/**
 * The people found by a scan (identifiers, for letters and e-mails to them, art. 34 RODO) are kept for
 * SCAN_PEOPLE_RETENTION_DAYS after the scan (default 30), then erased; counts and findings stay.
 */
export async function purgeOldScanPeople(ctx: ServiceContext): Promise<number> {
  const days = ctx.config.scanPeopleRetentionDays;
  return purgeScanPeople(ctx.db, new Date(ctx.now().getTime() - days * 86_400_000));
}

/** Removes the uploaded files and people lists that a server process which is gone (a crash, say) left behind. */
export async function removeLeftScanFolders(): Promise<number> {
  let removed = 0;
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    // Only folders named as this module names them: a process id, a dash, then mkdtemp's letters and digits.
    const pid = Number(new RegExp(`^${folderPrefix}(\\d+)-[A-Za-z0-9]{6}$`).exec(name)?.[1]);
    if (!(pid > 0)) continue;
    if (pid === process.pid) {
      // This process's own id, from before it started: a container's server is always process 1, and its /tmp
      // may outlive a crash.
      const made = (await stat(join(tmpdir(), name)).catch(() => null))?.mtimeMs ?? Number.POSITIVE_INFINITY;
      if (made >= Date.now() - process.uptime() * 1000) continue;
    } else if (isRunning(pid)) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
