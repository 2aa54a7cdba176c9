import { lazy, Suspense, useState } from 'react';
import { api } from '../api/api-client.ts';
import type { Dashboard } from '../api/api-types.ts';
import { useSession } from '../app/session-context.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { useLoad, useTitle } from '../components/use-load.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The charting library loads only here, so no other page pays for it. */
const DashboardCharts = lazy(() => import('./dashboard-charts.tsx'));

export default function DashboardPage() {
  const { t, number, duration } = useI18n();
  const session = useSession();
  useTitle(t('dashboard.title'));
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<string>(String(thisYear));
  const { data, error } = useLoad(
    () => api.get<Dashboard>('/api/dashboard', { organisationId: session.organisationId, year }),
    [session.organisationId, year],
  );
  const tiles = data
    ? [
        { label: t('dashboard.incidents'), value: number(data.totals.incidents) },
        { label: t('dashboard.breaches'), value: number(data.totals.breaches) },
        { label: t('dashboard.notified'), value: number(data.totals.notified) },
        { label: t('dashboard.open'), value: number(data.totals.open) },
        {
          label: t('dashboard.medianTime'),
          value:
            data.timeToNotification.medianHours === null
              ? '—'
              : duration(data.timeToNotification.medianHours),
        },
        {
          label: t('dashboard.overdueNotification'),
          value: number(data.overdue.notificationOverdue),
          alert: data.overdue.notificationOverdue > 0,
        },
        {
          label: t('dashboard.notifiedLate'),
          value: number(data.overdue.notifiedLate),
          alert: data.overdue.notifiedLate > 0,
        },
        {
          label: t('dashboard.actionsOverdue'),
          value: number(data.overdue.actionsOverdue),
          alert: data.overdue.actionsOverdue > 0,
        },
      ]
    : [];
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('dashboard.title')}</h1>
        <div className="field inline">
          <label htmlFor="dash-year">{t('register.year')}</label>
          <select id="dash-year" value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{t('dashboard.last12')}</option>
            {Array.from({ length: thisYear - 2017 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorNotice error={error} />
      {data ? (
        <>
          <ul className="tiles">
            {tiles.map((tile) => (
              <li key={tile.label} className={tile.alert ? 'tile alert' : 'tile'}>
                <span className="tile-value">{tile.value}</span>
                <span className="tile-label">
                  {tile.alert ? <span aria-hidden="true">! </span> : null}
                  {tile.label}
                </span>
              </li>
            ))}
          </ul>
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <DashboardCharts data={data} />
          </Suspense>
        </>
      ) : null}
    </div>
  );
}
