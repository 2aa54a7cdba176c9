import { useEffect, useRef, useState } from 'react';
import { api } from '../api/api-client.ts';
import type { BreachView, MailBatch, MailRecipientState, ScanView } from '../api/api-types.ts';
import { CommunicationGapsNotice } from '../components/communication-gaps.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { FilePicker } from '../components/file-picker.tsx';
import { Modal } from '../components/modal.tsx';
import { ScanSelect, useFinishedScans } from '../components/scan-select.tsx';
import { useLoad } from '../components/use-load.ts';
import { useMailSettings } from '../components/use-mail-settings.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { BreachPanelProps } from './breach-page.tsx';

const pending = (b: MailBatch) => b.progress.queued + b.progress.sending + b.progress.retrying;
const active = (b: MailBatch) => b.status === 'running' || pending(b) > 0;

type Source = { kind: 'upload'; file: File } | { kind: 'scan'; scan: ScanView };

/** The recipients whose message failed (for good or for now), with the reason; loaded when unfolded. */
function FailedRecipients(props: { base: string; batch: MailBatch }) {
  const { t, dateTime } = useI18n();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<MailRecipientState[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const failedCount = props.batch.progress.failed + props.batch.progress.retrying;
  // Loaded again when the number of failures changes while the list is open.
  useEffect(() => {
    if (!open || failedCount === 0) return;
    let live = true;
    api
      .get<{ recipients: MailRecipientState[] }>(`${props.base}/${props.batch.id}`, {
        status: 'failed',
        limit: 1000,
      })
      .then(
        (r) => {
          if (!live) return;
          setItems(r.recipients);
          setError(null);
        },
        (caught) => {
          if (live) setError(caught);
        },
      );
    return () => {
      live = false;
    };
  }, [open, props.base, props.batch.id, failedCount]);
  if (failedCount === 0) return null;
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('mail.failedList', { count: failedCount })}</summary>
      <ErrorNotice error={error} />
      {items === null ? (
        error ? null : (
          <p className="hint">{t('common.loading')}</p>
        )
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t('mail.recipient')}</th>
              <th scope="col">{t('mail.reason')}</th>
              <th scope="col" className="numeric">
                {t('mail.attempts')}
              </th>
              <th scope="col">{t('mail.nextAttempt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.email}>
                <td className="break">
                  {r.name ? `${r.name} ` : ''}&lt;{r.email}&gt;
                </td>
                <td className="prewrap">{r.error ?? '—'}</td>
                <td className="numeric">{r.attempts}</td>
                <td className="nowrap">{r.nextAttemptAt ? dateTime(r.nextAttemptAt) : t('mail.noRetry')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

function BatchCard(props: { base: string; batch: MailBatch }) {
  const { t, dateTime, number } = useI18n();
  const { batch } = props;
  const { sent, failed, retrying, queued, sending } = batch.progress;
  const settled = sent + failed;
  const percent = batch.total > 0 ? Math.round((settled / batch.total) * 100) : 100;
  const id = `mail-batch-${batch.id}`;
  return (
    <li className="mail-batch stack">
      <div className="scan-head">
        <h4>{batch.source}</h4>
        <span className="hint">
          {t('mail.startedBy', { who: batch.startedBy, at: dateTime(batch.startedAt) })}
        </span>
      </div>
      <div className="field">
        <label htmlFor={id}>
          {active(batch)
            ? t('mail.progressRunning')
            : t('mail.progressDone', { at: dateTime(batch.finishedAt) })}
        </label>
        <progress id={id} max={100} value={percent} />
        <p className="hint" aria-live="polite">
          {t('mail.counts', {
            sent: number(sent),
            failed: number(failed),
            queued: number(queued + sending + retrying),
            total: number(batch.total),
          })}
        </p>
      </div>
      {batch.skipped.length > 0 ? (
        <details>
          <summary>{t('mail.skippedList', { count: batch.skipped.length })}</summary>
          <ul>
            {batch.skipped.map((s) => (
              <li key={`${s.row}:${s.reason}`}>{t('mail.skippedRow', { row: s.row, reason: s.reason })}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <FailedRecipients base={props.base} batch={batch} />
    </li>
  );
}

/**
 * The communication to data subjects by e-mail (art. 34 RODO) on the notifications tab: from an uploaded people
 * list or a finished leak analysis, one personalised message per person; the batches' progress is polled every
 * 2 s while anything is still queued or being sent, and the breach is read again when a batch settles (the server
 * records the outcome in the breach's communication).
 */
export function MailCommunicationSection(props: BreachPanelProps) {
  const { t, l } = useI18n();
  const { breach } = props;
  const base = `${props.base}/mail/communications`;
  const settings = useMailSettings();
  const batches = useLoad(() => api.get<{ items: MailBatch[] }>(base).then((r) => r.items), [base]);
  const scans = useFinishedScans(props.base);
  const [file, setFile] = useState<File | null>(null);
  const [scanId, setScanId] = useState('');
  const [confirming, setConfirming] = useState<Source | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [started, setStarted] = useState<MailBatch | null>(null);
  // A new key clears the file input once its list is sent.
  const [fileKey, setFileKey] = useState(0);

  const running = batches.data?.some(active) ?? false;
  const { reload } = batches;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => void reload('poll'), 2000);
    return () => window.clearInterval(timer);
  }, [running, reload]);

  // When the last running batch settles, the breach's communication (date, number, channel) is read again.
  const wasRunning = useRef(false);
  const { onChange } = props;
  useEffect(() => {
    if (wasRunning.current && !running) {
      api.get<BreachView>(props.base).then(onChange, () => undefined);
    }
    wasRunning.current = running;
  }, [running, props.base, onChange]);

  const enabled = settings.data?.email.enabled === true;
  const mayUpdate = breach.permissions.includes('communication.update');
  const canSend = enabled && mayUpdate && !busy;
  const chosenScan = scans.data?.find((s) => s.id === scanId) ?? null;

  const send = async (source: Source) => {
    setBusy(true);
    setError(null);
    setStarted(null);
    try {
      const batch =
        source.kind === 'upload'
          ? await api.upload<MailBatch>(base, source.file)
          : await api.post<MailBatch>(`${base}/from-scan`, { scanId: source.scan.id });
      setStarted(batch);
      setConfirming(null);
      setFile(null);
      setFileKey((k) => k + 1);
      await batches.reload('started');
      if (!active(batch)) props.onChange(await api.get<BreachView>(props.base));
    } catch (caught) {
      setConfirming(null);
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack mail-communication" aria-labelledby="mail-title">
      <h2 id="mail-title">{t('mail.title')}</h2>
      <p className="hint">{t('mail.hint')}</p>
      {mayUpdate ? <CommunicationGapsNotice breach={breach} /> : null}
      <ErrorNotice error={settings.error} />
      {settings.data && !enabled ? (
        <div className="notice info" role="status">
          <strong>{t('mail.off')}</strong>
          <p>{l(settings.data.email.message)}</p>
        </div>
      ) : null}
      {mayUpdate ? (
        <fieldset className="plain-fieldset stack" disabled={!enabled}>
          <legend className="visually-hidden">{t('mail.sendLegend')}</legend>
          <div className="grid-2">
            <div className="stack">
              <div className="field">
                <label htmlFor="mail-people-list">{t('mail.peopleList')}</label>
                <p className="hint" id="mail-people-list-hint">
                  {t('mail.peopleListHint')}
                </p>
                <FilePicker
                  key={fileKey}
                  id="mail-people-list"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  aria-describedby="mail-people-list-hint"
                  onFiles={(files) => setFile(files?.[0] ?? null)}
                />
              </div>
              <div>
                <button
                  type="button"
                  className="button"
                  disabled={!canSend || !file}
                  onClick={() => file && setConfirming({ kind: 'upload', file })}
                >
                  {t('mail.sendFromList')}
                </button>
              </div>
            </div>
            <div className="stack">
              <ScanSelect
                id="mail-scan"
                label={t('mail.scan')}
                hint={t('mail.scanHint')}
                scans={scans.data}
                value={scanId}
                onChange={setScanId}
              />
              <div>
                <button
                  type="button"
                  className="button"
                  disabled={!canSend || !chosenScan}
                  onClick={() => chosenScan && setConfirming({ kind: 'scan', scan: chosenScan })}
                >
                  {t('mail.sendFromScan')}
                </button>
              </div>
            </div>
          </div>
        </fieldset>
      ) : null}
      <ErrorNotice error={error} />
      {started ? (
        <p className="notice success" role="status">
          {t('mail.started', { count: started.total, skipped: started.skipped.length })}
        </p>
      ) : null}
      {confirming ? (
        <Modal title={t('mail.confirmTitle')} onClose={busy ? null : () => setConfirming(null)}>
          <div className="stack">
            <p>
              {t('mail.confirmText', {
                source: confirming.kind === 'upload' ? confirming.file.name : confirming.scan.source,
              })}
            </p>
            <CommunicationGapsNotice breach={breach} />
            <div className="button-row">
              <button
                type="button"
                className="button primary"
                disabled={busy}
                onClick={() => void send(confirming)}
              >
                {busy ? t('common.sending') : t('mail.confirmSend')}
              </button>
              <button
                type="button"
                className="button subtle"
                disabled={busy}
                onClick={() => setConfirming(null)}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        </Modal>
      ) : null}
      <h3>{t('mail.batches')}</h3>
      <ErrorNotice error={batches.error} />
      {batches.data === null ? null : batches.data.length === 0 ? (
        <p className="empty">{t('mail.noBatches')}</p>
      ) : (
        <ul className="plain-list">
          {batches.data.map((b) => (
            <BatchCard key={b.id} base={base} batch={b} />
          ))}
        </ul>
      )}
    </section>
  );
}
