import { useState } from 'react';
import { breachTypeDefinitions } from '../../../src/domain/breach-classification.ts';
import { breachStatusDefinitions } from '../../../src/domain/breach-workflow.ts';
import { riskLevelLabels } from '../../../src/domain/documents/document-texts.ts';
import type { RiskLevel } from '../../../src/domain/risk-rules.ts';
import { api, apiUrl } from '../api/api-client.ts';
import type { RegisterPage as Page } from '../api/api-types.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session-context.tsx';
import { DeadlineBadge } from '../components/deadline-badge.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { useLoad, useTitle } from '../components/use-load.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The register of art. 33(5): every incident and breach, notified or not, with filters, exports and print. */
export default function RegisterPage() {
  const { t, l, dateTime } = useI18n();
  const session = useSession();
  useTitle(t('register.title'));
  const memberships = session.state.status === 'ready' ? session.state.info.memberships : [];
  const [filters, setFilters] = useState({
    year: '',
    status: '',
    type: '',
    notified: '',
    breachesOnly: false,
    organisationId: '',
    q: '',
  });
  const query = {
    year: filters.year,
    status: filters.status,
    type: filters.type,
    notified: filters.notified,
    breachesOnly: filters.breachesOnly ? 'true' : undefined,
    organisationId: filters.organisationId,
    q: filters.q,
    pageSize: 200,
  };
  const { data, error } = useLoad(() => api.get<Page>('/api/register', query), [JSON.stringify(filters)]);
  const set = (key: keyof typeof filters, value: string | boolean) =>
    setFilters({ ...filters, [key]: value });
  const exportOrg = filters.organisationId || session.organisationId;
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2017 }, (_, i) => thisYear - i);
  const exportQuery = {
    year: filters.year,
    status: filters.status,
    type: filters.type,
    notified: filters.notified,
    q: filters.q,
  };

  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t('register.title')}</h1>
        <div className="button-row no-print">
          {exportOrg
            ? (['xlsx', 'csv', 'pdf', 'docx'] as const).map((format) => (
                <a
                  key={format}
                  className="button subtle"
                  href={apiUrl(`/api/orgs/${exportOrg}/register/export`, { ...exportQuery, format })}
                  download
                >
                  {t('register.export', { format: format.toUpperCase() })}
                </a>
              ))
            : null}
          {exportOrg ? (
            <a
              className="button subtle"
              href={apiUrl(`/api/orgs/${exportOrg}/register/export`, { ...exportQuery, format: 'html' })}
              target="_blank"
              rel="noopener"
            >
              {t('register.printView')}
            </a>
          ) : null}
          <button type="button" className="button subtle" onClick={() => window.print()}>
            {t('register.print')}
          </button>
        </div>
      </div>
      <p className="hint">{t('register.intro')}</p>
      <form
        className="filters card no-print"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('register.filters')}
      >
        <div className="field">
          <label htmlFor="f-q">{t('register.search')}</label>
          <input id="f-q" type="search" value={filters.q} onChange={(e) => set('q', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-year">{t('register.year')}</label>
          <select id="f-year" value={filters.year} onChange={(e) => set('year', e.target.value)}>
            <option value="">{t('register.all')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('common.status')}</label>
          <select id="f-status" value={filters.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('register.all')}</option>
            {breachStatusDefinitions.map((s) => (
              <option key={s.id} value={s.id}>
                {l(s.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-type">{t('register.type')}</label>
          <select id="f-type" value={filters.type} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('register.all')}</option>
            {breachTypeDefinitions.map((d) => (
              <option key={d.id} value={d.id}>
                {l(d.label)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-notified">{t('register.notified')}</label>
          <select id="f-notified" value={filters.notified} onChange={(e) => set('notified', e.target.value)}>
            <option value="">{t('register.all')}</option>
            <option value="true">{t('register.notifiedYes')}</option>
            <option value="false">{t('register.notifiedNo')}</option>
          </select>
        </div>
        {memberships.length > 1 ? (
          <div className="field">
            <label htmlFor="f-org">{t('common.organisation')}</label>
            <select
              id="f-org"
              value={filters.organisationId}
              onChange={(e) => set('organisationId', e.target.value)}
            >
              <option value="">{t('register.all')}</option>
              {memberships.map((m) => (
                <option key={m.organisationId} value={m.organisationId}>
                  {m.organisationName}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <label className="check">
          <input
            type="checkbox"
            checked={filters.breachesOnly}
            onChange={(e) => set('breachesOnly', e.target.checked)}
          />
          <span>{t('register.breachesOnly')}</span>
        </label>
      </form>
      <ErrorNotice error={error} />
      {data ? (
        <section className="card" aria-labelledby="register-results">
          <h2 id="register-results" className="visually-hidden">
            {t('register.results')}
          </h2>
          <p role="status">{t('register.count', { count: data.total })}</p>
          {data.items.length === 0 ? null : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('common.reference')}</th>
                  <th scope="col">{t('common.title')}</th>
                  {memberships.length > 1 ? <th scope="col">{t('common.organisation')}</th> : null}
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col">{t('register.type')}</th>
                  <th scope="col">{t('register.risk')}</th>
                  <th scope="col">{t('inbox.awareAt')}</th>
                  <th scope="col">{t('register.notifiedAt')}</th>
                  <th scope="col">{t('inbox.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.id}>
                    <td className="nowrap">
                      <Link href={`/orgs/${item.organisationId}/breaches/${item.id}`}>{item.reference}</Link>
                    </td>
                    <td>{item.title}</td>
                    {memberships.length > 1 ? <td>{item.organisationName}</td> : null}
                    <td>
                      <StatusBadge status={item.status} />
                    </td>
                    <td>
                      {item.breachTypes
                        .map((type) => {
                          const d = breachTypeDefinitions.find((x) => x.id === type);
                          return d ? l(d.label) : type;
                        })
                        .join(', ') || '—'}
                    </td>
                    <td>{item.riskLevel ? l(riskLevelLabels[item.riskLevel as RiskLevel]) : '—'}</td>
                    <td className="nowrap">{dateTime(item.awareAt)}</td>
                    <td className="nowrap">{dateTime(item.firstNotifiedAt)}</td>
                    <td>
                      <DeadlineBadge deadline={item.deadline} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </div>
  );
}
