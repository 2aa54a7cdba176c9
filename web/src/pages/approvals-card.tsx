import { type FormEvent, useState } from 'react';
import { api } from '../api/api-client.ts';
import type { BreachView } from '../api/api-types.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { BreachPanelProps } from './breach-page.tsx';

const subjects = ['assessment', 'notification', 'communication', 'closure'] as const;
type Subject = (typeof subjects)[number];

/**
 * The controller signs off the DPO's work (the DPO advises, the controller decides and answers for it, art. 24 and
 * 39 RODO): who approved what and when. The form appears only to those the breach response says may approve.
 */
export function ApprovalsCard(props: BreachPanelProps) {
  const { t, dateTime } = useI18n();
  const { breach } = props;
  const [subject, setSubject] = useState<Subject>('assessment');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const canApprove = breach.permissions.includes('approval.create');
  const subjectLabel = (id: string) =>
    subjects.includes(id as Subject) ? t(`approvals.subject.${id}` as MessageKey) : id;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onChange(
        await api.post<BreachView>(`${props.base}/approvals`, {
          subject,
          note: note.trim() === '' ? null : note,
        }),
      );
      setNote('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  if (!canApprove && breach.approvals.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="approvals-title">
      <h2 id="approvals-title">{t('approvals.title')}</h2>
      {breach.approvals.length === 0 ? (
        <p className="empty">{t('approvals.none')}</p>
      ) : (
        <ul className="plain-list approvals">
          {breach.approvals.map((a) => (
            <li key={a.id}>
              <strong>{subjectLabel(a.subject)}</strong>
              {a.note ? <span className="block prewrap">{a.note}</span> : null}
              <span className="hint block">
                {a.approvedBy} · {dateTime(a.approvedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canApprove ? (
        <form onSubmit={submit} className="stack" noValidate>
          <div className="field">
            <label htmlFor="approval-subject">{t('approvals.subject')}</label>
            <select
              id="approval-subject"
              value={subject}
              onChange={(e) => setSubject(e.target.value as Subject)}
            >
              {subjects.map((s) => (
                <option key={s} value={s}>
                  {subjectLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="approval-note">{t('approvals.note')}</label>
            <textarea id="approval-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <ErrorNotice error={error} />
          <div>
            <button type="submit" className="button" disabled={busy}>
              {t('approvals.submit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
