import { type FormEvent, useEffect, useState } from 'react';
import { latestAssessment } from '../../../src/domain/breach-case.ts';
import { uodoNotificationFields } from '../../../src/domain/documents/uodo-notification-fields.ts';
import { DomainError } from '../../../src/domain/errors.ts';
import { isLateNotification } from '../../../src/domain/notification-deadline.ts';
import {
  type CommunicationChannel,
  type CommunicationDecision,
  communicationChannelDefinitions,
  communicationDecisionDefinitions,
} from '../../../src/domain/subject-communication.ts';
import {
  type NotificationChannel,
  type NotificationPhase,
  notificationChannelDefinitions,
  notificationPhaseDefinitions,
} from '../../../src/domain/supervisory-notification.ts';
import { api, apiUrl, saveFile } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import type { BreachView } from '../api/api-types.ts';
import { ChoiceList } from '../components/choice-list.tsx';
import { CommunicationGapsNotice } from '../components/communication-gaps.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { type FieldLabels, localError, useFieldErrors } from '../components/field-errors.tsx';
import { FilePicker } from '../components/file-picker.tsx';
import { ScanSelect, useFinishedScans } from '../components/scan-select.tsx';
import { useDraft } from '../components/unsaved-drafts.tsx';
import { nowIso, WarsawDateTimeInput } from '../components/warsaw-input.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { BreachPanelProps } from './breach-page.tsx';
import { MailCommunicationSection } from './mail-communication-section.tsx';

function CopyView(props: { breach: BreachView; phase: NotificationPhase }) {
  const { t, lang } = useI18n();
  let content: React.ReactNode;
  try {
    const entries = uodoNotificationFields(props.breach, {
      phase: props.phase,
      lang,
      generatedAt: new Date(),
    });
    content = (
      <table className="table copy-table">
        <thead>
          <tr>
            <th scope="col">{t('notifications.section')}</th>
            <th scope="col">{t('notifications.field')}</th>
            <th scope="col">{t('notifications.value')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={`${entry.field}:${entry.label}:${entry.value}`}>
              <td className="nowrap">{entry.section}</td>
              <td>{entry.label}</td>
              <td className="prewrap">
                {entry.value}{' '}
                <button
                  type="button"
                  className="button small subtle"
                  onClick={() => void navigator.clipboard?.writeText(entry.value)}
                  aria-label={`${t('notifications.copy')}: ${entry.label}`}
                >
                  {t('notifications.copy')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  } catch (caught) {
    content = (
      <p className="notice error">
        {caught instanceof DomainError ? caught.messageIn(lang) : String(caught)}
      </p>
    );
  }
  return content;
}

/**
 * What UODO's form section 10 should say by default: what was recorded, else what the DPO's latest assessment
 * decided (the people are to be told, or the art. 34(3) exemption it names), else "not assessed yet".
 */
export function defaultCommunicationDecision(breach: BreachView): CommunicationDecision {
  const recorded = breach.subjectCommunication?.decision;
  if (recorded && recorded !== 'not-assessed-yet') return recorded;
  const decision = latestAssessment(breach)?.decision;
  if (!decision) return recorded ?? 'not-assessed-yet';
  if (decision.notifyDataSubjects) return 'will-tell';
  if (decision.exemptions.includes('art-34-3-a')) return 'not-required-protected';
  if (decision.exemptions.includes('art-34-3-b')) return 'not-required-measures-after';
  // A public communication (art. 34(3)(c)) still tells the people, only not one by one.
  if (decision.exemptions.includes('art-34-3-c')) return 'will-tell';
  if (decision.riskLevel !== 'high') return 'not-required-no-high-risk';
  return recorded ?? 'not-assessed-yet';
}

function SubjectCommunicationForm(props: BreachPanelProps) {
  const { t, l } = useI18n();
  const current = props.breach.subjectCommunication;
  const [decision, setDecision, decisionDraft] = useDraft<CommunicationDecision>(
    'communication.decision',
    () => defaultCommunicationDecision(props.breach),
  );
  const [date, setDate, dateDraft] = useDraft('communication.date', () => current?.date ?? '');
  const [numberNotified, setNumberNotified, numberDraft] = useDraft(
    'communication.number',
    () => current?.numberNotified?.toString() ?? '',
  );
  const [channels, setChannels, channelsDraft] = useDraft<CommunicationChannel[]>(
    'communication.channels',
    () => current?.channels ?? [],
  );
  const [content, setContent, contentDraft] = useDraft('communication.content', () => current?.content ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const labels: FieldLabels = {
    decision: { label: t('notifications.subjectsDecision'), id: 'c-decision' },
    date: { label: t('notifications.subjectsDate'), id: 'c-date' },
    numberNotified: { label: t('notifications.subjectsNumber'), id: 'c-number' },
    channels: { label: t('notifications.subjectsChannels') },
    content: { label: t('notifications.subjectsContent'), id: 'c-content' },
  };
  const fieldErrors = useFieldErrors(error, labels);
  // A decision contradicting the risk assessment is about the choice above: mark it there.
  const inconsistent = error instanceof ApiError && error.code === 'decision.inconsistent';
  useEffect(() => {
    if (inconsistent) document.getElementById('c-decision')?.focus();
  }, [inconsistent]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      props.onChange(
        await api.put<BreachView>(`${props.base}/subject-communication`, {
          decision,
          individually: decision === 'told' ? true : null,
          date: date || null,
          numberNotified: numberNotified.trim() === '' ? null : Number(numberNotified),
          channels,
          content: content || null,
        }),
      );
      for (const draft of [decisionDraft, dateDraft, numberDraft, channelsDraft, contentDraft])
        draft.markSaved();
      setSaved(true);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form onSubmit={submit} className="card stack" noValidate>
      <h2>{t('notifications.subjectsTitle')}</h2>
      <p className="hint">{t('notifications.subjectsHint')}</p>
      <div className="field">
        <label htmlFor="c-decision">{t('notifications.subjectsDecision')}</label>
        <select
          id="c-decision"
          value={decision}
          {...(inconsistent
            ? { 'aria-invalid': true, 'aria-describedby': 'c-decision-inconsistent' }
            : fieldErrors.attrs('decision'))}
          onChange={(e) => setDecision(e.target.value as CommunicationDecision)}
        >
          {communicationDecisionDefinitions.map((d) => (
            <option key={d.id} value={d.id}>
              {l(d.label)}
            </option>
          ))}
        </select>
        {inconsistent ? (
          <p className="field-error" id="c-decision-inconsistent">
            {error.message}
          </p>
        ) : (
          fieldErrors.message('decision')
        )}
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="c-date">{t('notifications.subjectsDate')}</label>
          <input
            id="c-date"
            type="date"
            value={date}
            {...fieldErrors.attrs('date')}
            onChange={(e) => setDate(e.target.value)}
          />
          {fieldErrors.message('date')}
        </div>
        <div className="field">
          <label htmlFor="c-number">{t('notifications.subjectsNumber')}</label>
          <input
            id="c-number"
            inputMode="numeric"
            value={numberNotified}
            {...fieldErrors.attrs('numberNotified')}
            onChange={(e) => setNumberNotified(e.target.value)}
          />
          {fieldErrors.message('numberNotified')}
        </div>
      </div>
      <ChoiceList
        legend={t('notifications.subjectsChannels')}
        options={communicationChannelDefinitions}
        value={channels}
        onChange={setChannels}
        columns
      />
      <div className="field">
        <label htmlFor="c-content">{t('notifications.subjectsContent')}</label>
        <textarea
          id="c-content"
          rows={3}
          value={content}
          {...fieldErrors.attrs('content')}
          onChange={(e) => setContent(e.target.value)}
        />
        {fieldErrors.message('content')}
      </div>
      <ErrorNotice error={error} labels={labels} />
      {saved ? (
        <p className="notice success" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      <div>
        <button
          type="submit"
          className="button"
          disabled={!props.breach.permissions.includes('communication.update')}
        >
          {t('notifications.subjectsSave')}
        </button>
      </div>
    </form>
  );
}

/** Notifications to UODO by phase (art. 33(4)), the copy view of the e-form, and the communication to people. */
/** A button for each format the letters come in. */
function LetterButtons(props: {
  disabled: boolean;
  label: (format: string) => string;
  onMake: (format: 'pdf' | 'docx') => void;
}) {
  return (
    <div className="button-row">
      {(['pdf', 'docx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={props.disabled}
          onClick={() => props.onMake(format)}
        >
          {props.label(format.toUpperCase())}
        </button>
      ))}
    </div>
  );
}

/** One letter per person of an uploaded list (art. 34 RODO): the list goes to the server and is not kept. */
function PersonalisedLetters(props: { base: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The file made last, and from which source: its notices stand under that source's buttons.
  const [ready, setReady] = useState<{ name: string; from: 'file' | 'scan' } | null>(null);
  const [leftOut, setLeftOut] = useState(0);
  const [busy, setBusy] = useState(false);
  const [scanId, setScanId] = useState('');
  // Finished leak analyses: their people lists give the names and addresses found in the tables they read.
  const scans = useFinishedScans(props.base);
  const make = async (format: 'pdf' | 'docx', from: 'file' | 'scan') => {
    if (from === 'file' ? !file : !scanId) return;
    setBusy(true);
    setError(null);
    setReady(null);
    try {
      const download =
        from === 'file' && file
          ? await api.uploadForFile(`${props.base}/documents/subject-letter/personalised`, file, { format })
          : await api.getFile(`${props.base}/scans/${scanId}/letters`, { format });
      saveFile(download);
      setReady({ name: download.filename, from });
      setLeftOut(download.peopleLeftOut ?? 0);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const readyNotices = (from: 'file' | 'scan') =>
    ready?.from === from ? (
      <>
        <p className="notice success" role="status">
          {t('documents.ready', { name: ready.name })}
        </p>
        {leftOut > 0 ? (
          <p className="notice warning" role="status">
            {t('documents.peopleLeftOut', { count: leftOut })}
          </p>
        ) : null}
      </>
    ) : null;
  return (
    <div className="stack personalised">
      <h3>{t('documents.personalised')}</h3>
      <p className="hint" id="people-list-hint">
        {t('documents.personalisedHint')}
      </p>
      <div className="field">
        <label htmlFor="people-list">{t('documents.peopleList')}</label>
        <FilePicker
          id="people-list"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="people-list-hint"
          onFiles={(files) => setFile(files?.[0] ?? null)}
        />
      </div>
      <ErrorNotice error={error} />

      <LetterButtons
        disabled={!file || busy}
        label={(format) => t('documents.makeLetters', { format })}
        onMake={(format) => void make(format, 'file')}
      />
      {readyNotices('file')}
      <ScanSelect
        id="letters-scan"
        label={t('documents.lettersScan')}
        hint={t('documents.lettersScanHint')}
        scans={scans.data}
        value={scanId}
        onChange={setScanId}
      />
      <LetterButtons
        disabled={!scanId || busy}
        label={(format) => t('documents.makeLettersFromScan', { format })}
        onMake={(format) => void make(format, 'scan')}
      />
      {readyNotices('scan')}
    </div>
  );
}

export function NotificationsPanel(props: BreachPanelProps) {
  const { t, l, dateTime } = useI18n();
  const { breach } = props;
  const first = breach.notifications.length === 0;
  // Kept by the breach page while unsaved, so switching tabs does not lose what was typed.
  const [phase, setPhase, phaseDraft] = useDraft<NotificationPhase>('notification.phase', () =>
    first ? 'complete' : 'supplementary',
  );
  const [sentAt, setSentAt, sentAtDraft] = useDraft<string | null>('notification.sentAt', nowIso);
  const [channel, setChannel, channelDraft] = useDraft<NotificationChannel>(
    'notification.channel',
    () => 'biznes-gov-pl',
  );
  const [caseReference, setCaseReference, caseDraft] = useDraft(
    'notification.case',
    () => breach.notifications.find((n) => n.uodoCaseReference)?.uodoCaseReference ?? '',
  );
  const [lateReason, setLateReason, lateDraft] = useDraft('notification.late', () => '');
  const [plannedCompletionDate, setPlannedCompletionDate, plannedDraft] = useDraft(
    'notification.planned',
    () => '',
  );
  const [note, setNote, noteDraft] = useDraft('notification.note', () => '');
  const [comment, setComment, commentDraft] = useDraft('notification.comment', () => '');
  const [error, setError] = useState<unknown>(null);
  const labels: FieldLabels = {
    phase: { label: t('notifications.phase'), id: 'n-phase' },
    sentAt: { label: t('notifications.sentAt'), id: 'n-sent' },
    awareAt: { label: t('times.awareAt') },
    channel: { label: t('notifications.channel'), id: 'n-channel' },
    uodoCaseReference: { label: t('notifications.caseReference'), id: 'n-case' },
    plannedCompletionDate: { label: t('notifications.plannedCompletion'), id: 'n-planned' },
    lateReason: { label: t('notifications.lateReason'), id: 'n-late' },
    note: { label: t('notifications.note'), id: 'n-note' },
    comment: { label: t('workflow.comment'), id: 'n-comment' },
  };
  const fieldErrors = useFieldErrors(error, labels);
  const [copyPhase, setCopyPhase] = useState<NotificationPhase | null>(null);
  const [mailRefresh, setMailRefresh] = useState(0);
  const awareAt = breach.times.awareAt;
  const late =
    first && awareAt !== null && sentAt !== null && isLateNotification(new Date(awareAt), new Date(sentAt));
  const canNotify =
    breach.permissions.includes('notification.create') && breach.allowedEvents.includes('notify-authority');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (comment.trim() === '') {
      setError(localError('comment', t('workflow.commentRequired')));
      return;
    }
    try {
      props.onChange(
        await api.post<BreachView>(`${props.base}/notifications`, {
          phase,
          sentAt,
          channel,
          uodoCaseReference: caseReference || null,
          lateReason: lateReason || null,
          plannedCompletionDate: plannedCompletionDate || null,
          note: note || null,
          comment,
        }),
      );
      for (const draft of [
        phaseDraft,
        sentAtDraft,
        channelDraft,
        caseDraft,
        lateDraft,
        plannedDraft,
        noteDraft,
        commentDraft,
      ]) {
        draft.markSaved();
      }
      commentDraft.replace('');
      noteDraft.replace('');
      phaseDraft.replace('supplementary');
    } catch (caught) {
      setError(caught);
    }
  };
  const documentLink = (kind: string, format: string, extra: Record<string, string> = {}) =>
    apiUrl(`${props.base}/documents/${kind}`, { format, ...extra });

  return (
    <div className="stack-lg">
      <section className="card" aria-labelledby="uodo-title">
        <h2 id="uodo-title">{t('notifications.uodoTitle')}</h2>
        {breach.notifications.length === 0 ? (
          <p className="empty">{t('notifications.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('notifications.phase')}</th>
                <th scope="col">{t('notifications.sentAt')}</th>
                <th scope="col">{t('notifications.channel')}</th>
                <th scope="col">{t('notifications.caseReference')}</th>
                <th scope="col">{t('notifications.documents')}</th>
              </tr>
            </thead>
            <tbody>
              {breach.notifications.map((n) => (
                <tr key={n.id}>
                  <td>{l(notificationPhaseDefinitions.find((p) => p.id === n.phase)!.label)}</td>
                  <td className="nowrap">{dateTime(n.sentAt)}</td>
                  <td>{l(notificationChannelDefinitions.find((c) => c.id === n.channel)!.label)}</td>
                  <td>{n.uodoCaseReference ?? '—'}</td>
                  <td className="nowrap">
                    <a href={documentLink('uodo-notification', 'pdf', { phase: n.phase })} download>
                      PDF
                    </a>{' '}
                    ·{' '}
                    <a href={documentLink('uodo-notification', 'docx', { phase: n.phase })} download>
                      DOCX
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canNotify ? (
        <form onSubmit={submit} className="card stack" noValidate>
          <h2>{t('notifications.record')}</h2>
          <div className="grid-3">
            <div className="field">
              <label htmlFor="n-phase">{t('notifications.phase')}</label>
              <select
                id="n-phase"
                value={phase}
                {...fieldErrors.attrs('phase')}
                onChange={(e) => setPhase(e.target.value as NotificationPhase)}
              >
                {notificationPhaseDefinitions.map((p) => (
                  <option key={p.id} value={p.id}>
                    {l(p.label)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="n-sent">{t('notifications.sentAt')}</label>
              <WarsawDateTimeInput
                id="n-sent"
                value={sentAt}
                onChange={setSentAt}
                required
                invalid={fieldErrors.messageOf('sentAt') !== undefined}
                describedBy={fieldErrors.attrs('sentAt')['aria-describedby']}
              />
              {fieldErrors.message('sentAt')}
            </div>
            <div className="field">
              <label htmlFor="n-channel">{t('notifications.channel')}</label>
              <select
                id="n-channel"
                value={channel}
                onChange={(e) => setChannel(e.target.value as NotificationChannel)}
              >
                {notificationChannelDefinitions.map((c) => (
                  <option key={c.id} value={c.id}>
                    {l(c.label)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="n-case">{t('notifications.caseReference')}</label>
              <input
                id="n-case"
                value={caseReference}
                {...fieldErrors.attrs('uodoCaseReference')}
                onChange={(e) => setCaseReference(e.target.value)}
              />
              {fieldErrors.message('uodoCaseReference')}
            </div>
            {phase === 'initial' ? (
              <div className="field">
                <label htmlFor="n-planned">{t('notifications.plannedCompletion')}</label>
                <input
                  id="n-planned"
                  type="date"
                  value={plannedCompletionDate}
                  {...fieldErrors.attrs('plannedCompletionDate')}
                  onChange={(e) => setPlannedCompletionDate(e.target.value)}
                />
                {fieldErrors.message('plannedCompletionDate')}
              </div>
            ) : null}
          </div>
          {late ? (
            <div className="field">
              <label htmlFor="n-late">
                {t('notifications.lateReason')} <span className="required">{t('common.required')}</span>
              </label>
              <p className="hint" id="n-late-hint">
                {t('notifications.lateHint')}
              </p>
              <textarea
                id="n-late"
                rows={3}
                {...fieldErrors.attrs('lateReason', 'n-late-hint')}
                value={lateReason}
                onChange={(e) => setLateReason(e.target.value)}
              />
              {fieldErrors.message('lateReason')}
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="n-note">{t('notifications.note')}</label>
            <textarea
              id="n-note"
              rows={2}
              value={note}
              {...fieldErrors.attrs('note')}
              onChange={(e) => setNote(e.target.value)}
            />
            {fieldErrors.message('note')}
          </div>
          <div className="field">
            <label htmlFor="n-comment">
              {t('workflow.comment')} <span className="required">{t('common.required')}</span>
            </label>
            <textarea
              id="n-comment"
              rows={2}
              value={comment}
              {...fieldErrors.attrs('comment')}
              onChange={(e) => setComment(e.target.value)}
            />
            {fieldErrors.message('comment')}
          </div>
          <ErrorNotice error={error} labels={labels} />
          <div>
            <button type="submit" className="button primary">
              {t('notifications.save')}
            </button>
          </div>
        </form>
      ) : breach.notifications.length === 0 ? (
        <p className="notice info">{t('notifications.notYet')}</p>
      ) : null}
      <section className="card stack" aria-labelledby="copy-title">
        <h2 id="copy-title">{t('notifications.copyTitle')}</h2>
        <p className="hint">{t('notifications.copyHint')}</p>
        <div className="button-row">
          {notificationPhaseDefinitions.map((p) => (
            <button
              key={p.id}
              type="button"
              className="button subtle"
              aria-pressed={copyPhase === p.id}
              onClick={() => setCopyPhase(copyPhase === p.id ? null : p.id)}
            >
              {l(p.label)}
            </button>
          ))}
        </div>
        {copyPhase ? <CopyView breach={breach} phase={copyPhase} /> : null}
      </section>
      {/* Mounted afresh when an e-mail batch has settled: the form then shows what the server recorded. */}
      <SubjectCommunicationForm key={mailRefresh} {...props} />
      <MailCommunicationSection
        {...props}
        onChange={(updated) => {
          props.onChange(updated);
          setMailRefresh((n) => n + 1);
        }}
      />
      <section className="card" aria-labelledby="documents-title">
        <h2 id="documents-title">{t('notifications.documents')}</h2>
        <CommunicationGapsNotice breach={breach} />
        <ul className="plain-list">
          {(
            [
              ['internal-report', ['pdf', 'docx', 'html']],
              ['assessment-record', ['pdf', 'docx', 'html']],
              ['subject-letter', ['pdf', 'docx']],
              ['public-communication', ['pdf', 'docx', 'html']],
            ] as const
          ).map(([kind, formats]) => (
            <li key={kind}>
              <span>{t(`documents.${kind}`)}</span>{' '}
              {formats.map((format) =>
                format === 'html' ? (
                  <a
                    key={format}
                    href={documentLink(kind, format)}
                    target="_blank"
                    rel="noopener"
                    className="doc-link"
                  >
                    {t('documents.printable')}
                  </a>
                ) : (
                  <a key={format} href={documentLink(kind, format)} download className="doc-link">
                    {format.toUpperCase()}
                  </a>
                ),
              )}
            </li>
          ))}
        </ul>
        {breach.permissions.includes('communication.update') ? (
          <PersonalisedLetters base={props.base} />
        ) : null}
      </section>
    </div>
  );
}
