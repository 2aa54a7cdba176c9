import {
  BarElement,
  CategoryScale,
  type ChartData,
  Chart as ChartJS,
  type ChartOptions,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { breachTypeDefinitions, causeDefinitions } from '../../../src/domain/breach-classification.ts';
import type { Dashboard } from '../api/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const navy = '#1f4e79';
const sky = '#7aa7d1';
const amber = '#b45309';

function ChartCard(props: {
  id: string;
  title: string;
  summary: string;
  data: ChartData<'bar'>;
  options?: ChartOptions<'bar'>;
  rows: [string, ...(string | number)[]][];
  headers: string[];
}) {
  const { t } = useI18n();
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: 'bottom' } },
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    ...props.options,
  };
  return (
    <section className="card chart-card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <div className="chart-box">
        <Bar data={props.data} options={options} role="img" aria-label={props.summary} />
      </div>
      <details>
        <summary>{t('dashboard.showTable')}</summary>
        <table className="table compact">
          <thead>
            <tr>
              {props.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row[0]}>
                {row.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed-width row
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** Breaches per month, by type and cause, and the hours from awareness to the first notification (72 h line). */
export default function DashboardCharts(props: { data: Dashboard }) {
  const { t, l, lang, number } = useI18n();
  const { data } = props;
  const monthLabel = (month: string) =>
    new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(`${month}-01T00:00:00Z`));
  const typeLabel = (id: string) => {
    const d = breachTypeDefinitions.find((x) => x.id === id);
    return d ? l(d.label) : id;
  };
  const causeLabel = (id: string) => {
    const d = causeDefinitions.find((x) => x.id === id);
    return d ? l(d.label) : t('dashboard.causeUnknown');
  };
  const notification = data.timeToNotification.items;
  return (
    <div className="chart-grid">
      <ChartCard
        id="chart-month"
        title={t('dashboard.perMonth')}
        summary={t('dashboard.perMonthSummary', {
          incidents: data.totals.incidents,
          breaches: data.totals.breaches,
        })}
        headers={[t('dashboard.month'), t('dashboard.incidents'), t('dashboard.breaches')]}
        rows={data.perMonth.map((m) => [monthLabel(m.month), m.incidents, m.breaches])}
        data={{
          labels: data.perMonth.map((m) => monthLabel(m.month)),
          datasets: [
            {
              label: t('dashboard.incidents'),
              data: data.perMonth.map((m) => m.incidents),
              backgroundColor: sky,
            },
            {
              label: t('dashboard.breaches'),
              data: data.perMonth.map((m) => m.breaches),
              backgroundColor: navy,
            },
          ],
        }}
      />
      <ChartCard
        id="chart-type"
        title={t('dashboard.byType')}
        summary={
          data.byType.map((x) => `${typeLabel(x.type)}: ${x.count}`).join(', ') || t('dashboard.noData')
        }
        headers={[t('register.type'), t('dashboard.breaches')]}
        rows={data.byType.map((x) => [typeLabel(x.type), x.count])}
        data={{
          labels: data.byType.map((x) => typeLabel(x.type)),
          datasets: [
            { label: t('dashboard.breaches'), data: data.byType.map((x) => x.count), backgroundColor: navy },
          ],
        }}
        options={{
          indexAxis: 'y',
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { display: false } },
        }}
      />
      <ChartCard
        id="chart-cause"
        title={t('dashboard.byCause')}
        summary={
          data.byCause.map((x) => `${causeLabel(x.cause)}: ${x.count}`).join(', ') || t('dashboard.noData')
        }
        headers={[t('details.cause'), t('dashboard.breaches')]}
        rows={data.byCause.map((x) => [causeLabel(x.cause), x.count])}
        data={{
          labels: data.byCause.map((x) => causeLabel(x.cause)),
          datasets: [
            { label: t('dashboard.breaches'), data: data.byCause.map((x) => x.count), backgroundColor: sky },
          ],
        }}
        options={{
          indexAxis: 'y',
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { display: false } },
        }}
      />
      <ChartCard
        id="chart-time"
        title={t('dashboard.timeToNotification')}
        summary={t('dashboard.timeSummary', {
          within: data.timeToNotification.withinDeadline,
          late: data.timeToNotification.late,
        })}
        headers={[t('common.reference'), t('dashboard.hours')]}
        rows={notification.map((n) => [n.reference, number(n.hours, 1)])}
        data={{
          labels: notification.map((n) => n.reference),
          datasets: [
            {
              label: t('dashboard.hours'),
              data: notification.map((n) => Math.round(n.hours * 10) / 10),
              backgroundColor: notification.map((n) => (n.hours > 72 ? amber : navy)),
            },
          ],
        }}
        options={{
          plugins: { legend: { display: false } },
          scales: {
            y: { beginAtZero: true, suggestedMax: 72, title: { display: true, text: t('dashboard.hours') } },
          },
        }}
      />
    </div>
  );
}
