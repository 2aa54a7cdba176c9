import { type FormEvent, useEffect, useRef, useState } from 'react';
import { dataCategoryDefinitions } from '../../../src/domain/data-categories.ts';
import {
  type ScanIdentifier,
  scanReadSomething,
  scanSubjectsText,
} from '../../../src/domain/scan-findings.ts';
import { type ScanLang, scanMessages } from '../../../src/scan/scan-messages.ts';
import { api } from '../api/api-client.ts';
import type { BreachView, ScanView } from '../api/api-types.ts';
import { Link } from '../app/router.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { type FieldLabels, useFieldErrors } from '../components/field-errors.tsx';
import { FilePicker } from '../components/file-picker.tsx';
import { loadScans } from '../components/scan-select.tsx';
import { useLoad } from '../components/use-load.ts';
import { type I18n, useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { BreachPanelProps } from './breach-page.tsx';

/**
 * Leak analysis on the breach page (issue 6): the DPO uploads the leaked files (or names a folder on the server for
 * a large carrier), watches the background scan, reads what it found (counts only, never identifiers) and fills
 * the breach's categories and approximate numbers (art. 33(3)(a) RODO; UODO form sections 5–7) from it.
 */
const identifierOrder: ScanIdentifier[] = [
  'pesel',
  'idCard',
  'passport',
  'nip',
  'regon',
  'iban',
  'card',
  'email',
  'phone',
];

/** A file's error as the scan wrote it (in the language of whoever started it), in the reader's language. */
function fileErrorIn(error: string, lang: ScanLang): string {
  const [code] =
    Object.entries(scanMessages.pl.fileError).find(([, text]) => text === error) ??
    Object.entries(scanMessages.en.fileError).find(([, text]) => text === error) ??
    [];
  return code ? scanMessages[lang].fileError[code as keyof typeof scanMessages.pl.fileError] : error;
}

export function formatBytes(bytes: number, number: I18n['number']): string {
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 1)} KB`;
  if (bytes < 1024 ** 3) return `${number(bytes / 1024 ** 2, 1)} MB`;
  return `${number(bytes / 1024 ** 3, 2)} GB`;
}

export function useScans(base: string) {
  const scans = useLoad(() => loadScans(base), [base]);
  const running = scans.data?.some((s) => s.status === 'running') ?? false;
  const { reload } = scans;
  // Every second while one runs; every 15 s otherwise, so a scan a colleague starts shows up here too.
  useEffect(() => {
    const timer = window.setInterval(() => void reload('poll'), running ? 1000 : 15_000);
    return () => window.clearInterval(timer);
  }, [running, reload]);
  return scans;
}

function ScanProgress(props: { scan: ScanView }) {
  const { t, number } = useI18n();
  const { bytesDone, bytesTotal } = props.scan.progress;
  const percent = bytesTotal > 0 ? Math.min(100, Math.round((bytesDone / bytesTotal) * 100)) : null;
  const id = `scan-progress-${props.scan.id}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t('scan.progress')}</label>
      {percent === null ? <progress id={id} /> : <progress id={id} max={100} value={percent} />}
      <p className="hint" aria-live="polite">
        {percent === null
          ? t('scan.preparing')
          : t('scan.progressText', {
              percent,
              done: formatBytes(bytesDone, number),
              total: formatBytes(bytesTotal, number),
            })}
      </p>
    </div>
  );
}

function ScanReport(props: { scan: ScanView }) {
  const { t, l, number, lang } = useI18n();
  const { scan } = props;
  const totals = scan.result?.totals;
  const findings = scan.findings;
  if (!totals || !findings) return null;
  const identifiers = identifierOrder.filter((kind) => {
    const count = totals.identifiers[kind];
    return count && (count.valid > 0 || (count.invalid ?? 0) > 0);
  });
  const files = scan.result?.files ?? [];
  return (
    <div className="stack">
      <dl className="facts scan-totals">
        <div className="fact-row">
          <dt>{t('scan.files')}</dt>
          <dd>
            {number(totals.files ?? files.length)}
            {totals.bytes !== undefined ? ` (${formatBytes(totals.bytes, number)})` : ''}
          </dd>
        </div>
        <div className="fact-row">
          <dt>{t('scan.records')}</dt>
          <dd>{number(totals.records)}</dd>
        </div>
        <div className="fact-row">
          <dt>{t('scan.subjects')}</dt>
          <dd>{number(totals.subjectsApprox)}</dd>
        </div>
        <div className="fact-row">
          <dt>{t('scan.minors')}</dt>
          <dd>{number(totals.minors)}</dd>
        </div>
        <div className="fact-row">
          <dt>{t('scan.categories')}</dt>
          <dd>
            {totals.dataCategories.length
              ? totals.dataCategories.map((c) => t(`scan.category.${c}` as MessageKey)).join('; ')
              : '—'}
          </dd>
        </div>
      </dl>
      <h4>{t('scan.identifiers')}</h4>
      {identifiers.length === 0 ? (
        <p className="empty">{t('scan.noIdentifiers')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('scan.identifier')}</th>
              <th scope="col" className="numeric">
                {t('scan.valid')}
              </th>
              <th scope="col" className="numeric">
                {t('scan.distinct')}
              </th>
              <th scope="col" className="numeric">
                {t('scan.invalid')}
              </th>
            </tr>
          </thead>
          <tbody>
            {identifiers.map((kind) => {
              const count = totals.identifiers[kind];
              return (
                <tr key={kind}>
                  <th scope="row">{t(`scan.kind.${kind}` as MessageKey)}</th>
                  <td className="numeric">{number(count.valid)}</td>
                  <td className="numeric">{number(count.distinct)}</td>
                  <td className="numeric">{count.invalid === undefined ? '—' : number(count.invalid)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {files.length > 0 ? (
        <details>
          <summary>{t('scan.fileList', { count: files.length })}</summary>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{t('scan.file')}</th>
                <th scope="col">{t('scan.format')}</th>
                <th scope="col" className="numeric">
                  {t('scan.size')}
                </th>
                <th scope="col" className="numeric">
                  {t('scan.records')}
                </th>
                <th scope="col">{t('scan.fileError')}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={`${f.path}:${f.bytes}:${f.records}:${f.format}`}>
                  <td>{f.path}</td>
                  <td>{f.format}</td>
                  <td className="numeric">{formatBytes(f.bytes, number)}</td>
                  <td className="numeric">{number(f.records)}</td>
                  <td>{f.error ? fileErrorIn(f.error, lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      <h4>{t('scan.findings')}</h4>
      <dl className="facts">
        <div className="fact-row">
          <dt>{t('details.dataCategories')}</dt>
          <dd>
            {findings.dataCategories
              .map((id) => dataCategoryDefinitions.find((d) => d.id === id))
              .map((d, i) => (d ? l(d.label) : findings.dataCategories[i]))
              .join('; ') || '—'}
          </dd>
        </div>
        <div className="fact-row">
          <dt>{t('details.subjectsApprox')}</dt>
          <dd>{number(findings.subjectsApprox)}</dd>
        </div>
        <div className="fact-row">
          <dt>{t('details.recordsApprox')}</dt>
          <dd>{number(findings.recordsApprox)}</dd>
        </div>
        <div className="fact-row">
          <dt>{t('scan.children')}</dt>
          <dd>{findings.children ? t('common.yes') : t('common.no')}</dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * What applying a scan would replace in the breach: a number set before that differs, or a DPO's own text of a
 * number (applying writes its own, or none), each as before → after.
 */
function replacedNumbers(breach: BreachView, scan: ScanView) {
  const findings = scan.findings;
  if (!findings) return [];
  const fromScan = scanSubjectsText(findings.subjectsApprox);
  const changes: { key: MessageKey; before: string | number; after: number | null }[] = [];
  const subjectsText = breach.subjectsApproxText ?? null;
  if (
    (breach.subjectsApprox !== null && breach.subjectsApprox !== findings.subjectsApprox) ||
    (subjectsText !== null && subjectsText !== fromScan)
  ) {
    changes.push({
      key: 'details.subjectsApprox',
      before: subjectsText ?? breach.subjectsApprox ?? 0,
      after: findings.subjectsApprox,
    });
  }
  const recordsText = breach.recordsApproxText ?? null;
  if (
    (breach.recordsApprox !== null && breach.recordsApprox !== findings.recordsApprox) ||
    recordsText !== null
  ) {
    changes.push({
      key: 'details.recordsApprox',
      before: recordsText ?? breach.recordsApprox ?? 0,
      after: findings.recordsApprox,
    });
  }
  return changes;
}

function ScanCard(props: BreachPanelProps & { scan: ScanView; onApplied: () => void }) {
  const { t, dateTime, number } = useI18n();
  const { scan } = props;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Applied from this card: its note takes the focus when it shows, as the button that had it is gone.
  const appliedHere = useRef(false);
  const appliedNote = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (scan.status === 'applied' && appliedHere.current) {
      appliedHere.current = false;
      appliedNote.current?.focus();
    }
  }, [scan.status]);
  const files = scan.result?.files ?? [];
  const unreadable = files.filter((f) => f.error !== null).length;
  const readSomething = scanReadSomething(files);
  const canApply =
    props.breach.permissions.includes('breach.update') && scan.status === 'done' && readSomething;
  const replaced = replacedNumbers(props.breach, scan);
  useEffect(() => {
    if (window.location.hash === `#scan-report-${scan.id}`) {
      document.getElementById(`scan-report-${scan.id}`)?.scrollIntoView();
    }
  }, [scan.id]);
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post<ScanView>(`${props.base}/scans/${scan.id}/cancel`);
      props.onApplied();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (replaced.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      props.onChange(await api.post<BreachView>(`${props.base}/scans/${scan.id}/apply`));
      appliedHere.current = true;
      props.onApplied();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="card stack scan-card" aria-labelledby={`scan-${scan.id}`} data-status={scan.status}>
      <header className="scan-head" id={`scan-report-${scan.id}`}>
        <h3 id={`scan-${scan.id}`} tabIndex={-1}>
          {scan.source}
        </h3>
        <span className={`status scan-status-${scan.status}`} role="status">
          {t(`scan.status.${scan.status}`)}
        </span>
      </header>
      <p className="hint">
        {t('scan.startedBy', { at: dateTime(scan.startedAt), who: scan.startedBy })}
        {scan.finishedAt ? ` · ${t('scan.finishedAt', { at: dateTime(scan.finishedAt) })}` : ''}
      </p>
      {scan.status === 'running' ? <ScanProgress scan={scan} /> : null}
      {scan.status === 'running' && props.breach.permissions.includes('breach.update') ? (
        <div>
          <button type="button" className="button" disabled={busy} onClick={cancel}>
            {t('scan.cancel')}
          </button>
        </div>
      ) : null}
      {scan.status === 'failed' ? (
        <p className="notice error">{t('scan.failed', { error: scan.error ?? '—' })}</p>
      ) : null}
      {scan.status === 'cancelled' ? (
        <p className="notice info">{t('scan.cancelledBy', { who: scan.error ?? '—' })}</p>
      ) : null}
      {(scan.status === 'done' || scan.status === 'applied') && unreadable > 0 && readSomething ? (
        <p className="notice warning" role="status">
          {t('scan.unreadableFiles', { count: unreadable, total: files.length })}
        </p>
      ) : null}
      {scan.result?.peopleListBytes ? (
        <p className="notice warning">
          {t('scan.listTooLarge', { size: formatBytes(scan.result.peopleListBytes, number) })}
        </p>
      ) : null}
      <ScanReport scan={scan} />
      <ErrorNotice error={error} />
      {scan.status === 'applied' ? (
        <p className="notice success" role="status" ref={appliedNote} tabIndex={-1}>
          {t('scan.appliedNote')}
        </p>
      ) : scan.status === 'done' && !readSomething ? (
        <p className="notice warning" role="status">
          {t('scan.nothingRead')}
        </p>
      ) : canApply ? (
        <div className="stack">
          <p className="hint">{t('scan.applyHint')}</p>
          {confirming ? (
            <div className="notice warning" role="alert">
              <p>{t('scan.replaceTitle')}</p>
              <ul>
                {replaced.map((c) => (
                  <li key={c.key}>
                    {t('scan.replaceLine', {
                      what: t(c.key),
                      before: typeof c.before === 'number' ? number(c.before) : c.before,
                      after: c.after === null ? t('scan.unknownNumber') : number(c.after),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="button-row">
            <button type="button" className="button primary" disabled={busy} onClick={apply}>
              {confirming ? t('scan.replaceConfirm') : t('scan.apply')}
            </button>
            {confirming ? (
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </article>
  );
}

/**
 * On the breach's overview, under its numbers: the leak analysis they were last filled in from, with a link to its
 * report (nothing when none was applied, or the number was edited since). `version` reloads it when the breach
 * changes.
 */
export function ScanSourceLink(props: { base: string; version: number; subjectsApprox: number | null }) {
  const { t, dateTime } = useI18n();
  const scans = useLoad(() => loadScans(props.base), [props.base, props.version]);
  const applied = (scans.data ?? [])
    .filter((s) => s.appliedAt !== null)
    .sort((a, b) => (a.appliedAt! < b.appliedAt! ? 1 : -1))[0];
  // Only while the breach still shows the analysis's number: a DPO's later edit is no longer the analysis's.
  if (!applied || applied.findings?.subjectsApprox !== props.subjectsApprox) return null;
  return (
    <p className="hint">
      <Link href={`${props.base.replace('/api', '')}/analysis#scan-report-${applied.id}`}>
        {t('scan.sourceLink', { source: applied.source, at: dateTime(applied.appliedAt!) })}
      </Link>
    </p>
  );
}

export function LeakAnalysisPanel(props: BreachPanelProps) {
  const { t } = useI18n();
  const scans = useScans(props.base);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [path, setPath] = useState('');
  const [fileKey, setFileKey] = useState(0);
  const canStart = props.breach.permissions.includes('breach.update');
  // The server names the folder field "path": the message and the marked field use its label, and focus goes there.
  const labels: FieldLabels = { path: { label: t('scan.serverPath'), id: 'scan-path' } };
  const fieldErrors = useFieldErrors(error, labels);

  const started = async (start: () => Promise<ScanView>) => {
    setBusy(true);
    setError(null);
    try {
      const scan = await start();
      scans.setData([scan, ...(scans.data ?? [])]);
      await scans.reload();
      // The new analysis's card takes the focus (the picker the files came from is made anew).
      window.setTimeout(() => document.getElementById(`scan-${scan.id}`)?.focus(), 0);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  // The files chosen together are one analysis: a person in two of them is one person.
  const upload = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const chosen = Array.from(files);
    await started(() => api.uploadFiles<ScanView>(`${props.base}/scans`, chosen));
    setFileKey((k) => k + 1);
  };
  const scanPath = async (event: FormEvent) => {
    event.preventDefault();
    if (await started(() => api.post<ScanView>(`${props.base}/scans/server-path`, { path }))) setPath('');
  };

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="scan-title">
        <h2 id="scan-title">{t('scan.title')}</h2>
        <p className="hint">{t('scan.intro')}</p>
        {canStart ? (
          <>
            <div className="field">
              <label htmlFor="scan-upload">{t('scan.upload')}</label>
              <p className="hint" id="scan-upload-hint">
                {t('scan.uploadHint')}
              </p>
              <FilePicker
                key={fileKey}
                id="scan-upload"
                multiple
                disabled={busy}
                aria-describedby="scan-upload-hint"
                onFiles={(files) => void upload(files)}
              />
            </div>
            <details>
              <summary>{t('scan.serverPathTitle')}</summary>
              <form onSubmit={scanPath} className="stack" noValidate>
                <div className="field">
                  <label htmlFor="scan-path">{t('scan.serverPath')}</label>
                  <p className="hint" id="scan-path-hint">
                    {t('scan.serverPathHint')}
                  </p>
                  <input
                    id="scan-path"
                    value={path}
                    {...fieldErrors.attrs('path', 'scan-path-hint')}
                    onChange={(e) => setPath(e.target.value)}
                  />
                  {fieldErrors.message('path')}
                </div>
                <div>
                  <button type="submit" className="button" disabled={busy || path.trim() === ''}>
                    {t('scan.serverPathSubmit')}
                  </button>
                </div>
              </form>
            </details>
            {busy ? (
              <p role="status" className="hint">
                {t('common.sending')}
              </p>
            ) : null}
            <ErrorNotice error={error} labels={labels} />
          </>
        ) : null}
      </section>
      <ErrorNotice error={scans.error} />
      {scans.data === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : scans.data.length === 0 ? (
        <p className="empty">{t('scan.none')}</p>
      ) : (
        scans.data.map((scan) => (
          <ScanCard key={scan.id} {...props} scan={scan} onApplied={() => void scans.reload()} />
        ))
      )}
    </div>
  );
}
