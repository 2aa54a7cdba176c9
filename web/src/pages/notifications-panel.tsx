import { type FormEvent, useState } from 'react';
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
import type { BreachView } from '../api/api-types.ts';
import { ChoiceList } from '../components/choice-list.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
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

function SubjectCommunicationForm(props: BreachPanelProps) {
  const { t, l } = useI18n();
  const current = props.breach.subjectCommunication;
  const [decision, setDecision] = useState<CommunicationDecision>(current?.decision ?? 'not-assessed-yet');
  const [date, setDate] = useState(current?.date ?? '');
  const [numberNotified, setNumberNotified] = useState(current?.numberNotified?.toString() ?? '');
  const [channels, setChannels] = useState<CommunicationChannel[]>(current?.channels ?? []);
  const [content, setContent] = useState(current?.content ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
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
          onChange={(e) => setDecision(e.target.value as CommunicationDecision)}
        >
          {communicationDecisionDefinitions.map((d) => (
            <option key={d.id} value={d.id}>
              {l(d.label)}
            </option>
          ))}
        </select>
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="c-date">{t('notifications.subjectsDate')}</label>
          <input id="c-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="c-number">{t('notifications.subjectsNumber')}</label>
          <input
            id="c-number"
            inputMode="numeric"
            value={numberNotified}
            onChange={(e) => setNumberNotified(e.target.value)}
          />
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
        <textarea id="c-content" rows={3} value={content} onChange={(e) => setContent(e.target.value)} />
      </div>
      <ErrorNotice error={error} />
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
/** One letter per person of an uploaded list (art. 34 RODO): the list goes to the server and is not kept. */
function PersonalisedLetters(props: { base: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ready, setReady] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const make = async (format: 'pdf' | 'docx') => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReady(null);
    try {
      const download = await api.uploadForFile(`${props.base}/documents/subject-letter/personalised`, file, {
        format,
      });
      saveFile(download);
      setReady(download.filename);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack personalised">
      <h3>{t('documents.personalised')}</h3>
      <p className="hint" id="people-list-hint">
        {t('documents.personalisedHint')}
      </p>
      <div className="field">
        <label htmlFor="people-list">{t('documents.peopleList')}</label>
        <input
          id="people-list"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="people-list-hint"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <ErrorNotice error={error} />
      {ready ? (
        <p className="notice success" role="status">
          {t('documents.ready', { name: ready })}
        </p>
      ) : null}
      <div className="button-row">
        {(['pdf', 'docx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            disabled={!file || busy}
            onClick={() => void make(format)}
          >
            {t('documents.makeLetters', { format: format.toUpperCase() })}
          </button>
        ))}
      </div>
    </div>
  );
}

export function NotificationsPanel(props: BreachPanelProps) {
  const { t, l, dateTime } = useI18n();
  const { breach } = props;
  const first = breach.notifications.length === 0;
  const [phase, setPhase] = useState<NotificationPhase>(first ? 'complete' : 'supplementary');
  const [sentAt, setSentAt] = useState<string | null>(nowIso());
  const [channel, setChannel] = useState<NotificationChannel>('biznes-gov-pl');
  const [caseReference, setCaseReference] = useState(
    breach.notifications.find((n) => n.uodoCaseReference)?.uodoCaseReference ?? '',
  );
  const [lateReason, setLateReason] = useState('');
  const [plannedCompletionDate, setPlannedCompletionDate] = useState('');
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
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
      setError(new Error(t('workflow.commentRequired')));
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
      setComment('');
      setNote('');
      setPhase('supplementary');
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
              <WarsawDateTimeInput id="n-sent" value={sentAt} onChange={setSentAt} required />
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
              <input id="n-case" value={caseReference} onChange={(e) => setCaseReference(e.target.value)} />
            </div>
            {phase === 'initial' ? (
              <div className="field">
                <label htmlFor="n-planned">{t('notifications.plannedCompletion')}</label>
                <input
                  id="n-planned"
                  type="date"
                  value={plannedCompletionDate}
                  onChange={(e) => setPlannedCompletionDate(e.target.value)}
                />
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
                aria-describedby="n-late-hint"
                value={lateReason}
                onChange={(e) => setLateReason(e.target.value)}
              />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="n-note">{t('notifications.note')}</label>
            <textarea id="n-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="n-comment">
              {t('workflow.comment')} <span className="required">{t('common.required')}</span>
            </label>
            <textarea id="n-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <ErrorNotice error={error} />
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
