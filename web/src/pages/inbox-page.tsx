import { useState } from 'react';
import { api } from '../api/api-client.ts';
import type { Inbox } from '../api/api-types.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session-context.tsx';
import { DeadlineBadge } from '../components/deadline-badge.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useLoad, useTitle } from '../components/use-load.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { type MessageKey, messages } from '../i18n/messages.ts';

const reminderKey = (kind: string): MessageKey | null => {
  const key = `reminder.${kind}`;
  return key in messages.pl ? (key as MessageKey) : null;
};

const breachHref = (organisationId: string, id: string) => `/orgs/${organisationId}/breaches/${id}`;

/** What needs the DPO now: new reports, breaches by time left to the 72-hour deadline, actions due, reminders. */
export default function InboxPage() {
  const { t, dateTime, date } = useI18n();
  const session = useSession();
  const many = session.state.status === 'ready' && session.state.info.memberships.length > 1;
  const [all, setAll] = useState(false);
  useTitle(t('inbox.title'));
  const { data, error } = useLoad(
    () => api.get<Inbox>('/api/inbox', all ? {} : { organisationId: session.organisationId }),
    [all, session.organisationId],
  );
  const orgColumn = all && many;

  return (
    <div className="stack-lg">
      <div className="page-head">
        <h1>{t('inbox.title')}</h1>
        <div className="button-row">
          {many ? (
            <label className="check">
              <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
              <span>{t('inbox.allOrganisations')}</span>
            </label>
          ) : null}
          <Link href="/new-report" className="button primary">
            {t('inbox.reportIncident')}
          </Link>
        </div>
      </div>
      <ErrorNotice error={error} />
      {data === null && !error ? <p role="status">{t('common.loading')}</p> : null}
      {data ? (
        <>
          <section aria-labelledby="open-title" className="card">
            <h2 id="open-title">{t('inbox.openBreaches')}</h2>
            <p className="hint">{t('inbox.openHint')}</p>
            {data.openBreaches.length === 0 ? (
              <p className="empty">{t('inbox.noOpen')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('common.reference')}</th>
                    <th scope="col">{t('common.title')}</th>
                    {orgColumn ? <th scope="col">{t('common.organisation')}</th> : null}
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('inbox.awareAt')}</th>
                    <th scope="col">{t('inbox.deadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.openBreaches.map((b) => (
                    <tr key={b.id}>
                      <td className="nowrap">
                        <Link href={breachHref(b.organisationId, b.id)}>{b.reference}</Link>
                      </td>
                      <td>{b.title}</td>
                      {orgColumn ? <td>{b.organisationName}</td> : null}
                      <td>
                        <StatusBadge status={b.status} />
                      </td>
                      <td className="nowrap">{dateTime(b.awareAt)}</td>
                      <td>
                        <DeadlineBadge deadline={b.deadline} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="new-title" className="card">
            <h2 id="new-title">{t('inbox.newReports')}</h2>
            {data.newReports.length === 0 ? (
              <p className="empty">{t('inbox.noNew')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('common.reference')}</th>
                    <th scope="col">{t('common.title')}</th>
                    {orgColumn ? <th scope="col">{t('common.organisation')}</th> : null}
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('inbox.received')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.newReports.map((b) => (
                    <tr key={b.id}>
                      <td className="nowrap">
                        <Link href={breachHref(b.organisationId, b.id)}>{b.reference}</Link>
                      </td>
                      <td>{b.title}</td>
                      {orgColumn ? <td>{b.organisationName}</td> : null}
                      <td>
                        <StatusBadge status={b.status} />
                      </td>
                      <td className="nowrap">{dateTime(b.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <div className="grid-2">
            <section aria-labelledby="actions-title" className="card">
              <h2 id="actions-title">{t('inbox.actionsDue')}</h2>
              {data.actionsDue.length === 0 ? (
                <p className="empty">{t('inbox.noActions')}</p>
              ) : (
                <ul className="plain-list">
                  {data.actionsDue.map((a) => (
                    <li key={a.id} className={a.overdue ? 'overdue-item' : undefined}>
                      <Link href={`${breachHref(a.organisationId, a.breachId)}/actions`}>
                        {a.description}
                      </Link>
                      <span className="hint">
                        {a.reference} · {t('inbox.due')}: {date(a.dueDate)}
                        {a.owner ? ` · ${a.owner}` : ''}
                        {a.overdue ? <strong className="text-danger"> · {t('inbox.overdue')}</strong> : null}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="events-title" className="card">
              <h2 id="events-title">{t('inbox.reminders')}</h2>
              {data.deadlineEvents.length === 0 ? (
                <p className="empty">{t('inbox.noReminders')}</p>
              ) : (
                <ul className="plain-list">
                  {data.deadlineEvents.map((e) => (
                    <li key={e.id}>
                      <Link href={breachHref(e.organisationId, e.breachId)}>
                        {e.reference} — {e.title}
                      </Link>
                      <span className="hint">
                        {reminderKey(e.kind) ? t(reminderKey(e.kind)!) : e.kind} · {dateTime(e.at)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      ) : null}
    </div>
  );
}
