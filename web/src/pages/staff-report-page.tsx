import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { personSchema } from '../../../src/domain/breach-case.ts';
import { reportSituationDefinitions } from '../../../src/domain/report-situations.ts';
import { api } from '../api/api-client.ts';
import type { BreachView } from '../api/api-types.ts';
import { Link, navigate } from '../app/router.tsx';
import { useSession } from '../app/session-context.tsx';
import { ChoiceList } from '../components/choice-list.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { useTitle } from '../components/use-load.ts';
import { WarsawDateTimeInput } from '../components/warsaw-input.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

type Person = z.input<typeof personSchema>;
type Involvement = Person['involvement'];
const involvements: Involvement[] = ['involved', 'questioned', 'witness', 'reporter'];
type Situation = (typeof reportSituationDefinitions)[number]['id'];

/**
 * A member of staff reports an incident under their own name (seed 003 §2; Załącznik 1 pt 1–3): the typical
 * situations, what happened, when, where, who else knows, and the people involved. Only "what happened" is needed.
 */
export default function StaffReportPage() {
  const { t } = useI18n();
  const session = useSession();
  useTitle(t('staffReport.title'));
  const info = session.state.status === 'ready' ? session.state.info : null;
  const [title, setTitle] = useState('');
  const [situations, setSituations] = useState<Situation[]>([]);
  const [whatHappened, setWhatHappened] = useState('');
  const [whenText, setWhenText] = useState('');
  const [detectedAt, setDetectedAt] = useState<string | null>(null);
  const [location, setLocation] = useState('');
  const [whoElseKnows, setWhoElseKnows] = useState('');
  const [reporterRole, setReporterRole] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
  const setPerson = (index: number, change: Partial<Person>) =>
    setPeople(people.map((p, i) => (i === index ? { ...p, ...change } : p)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (whatHappened.trim() === '') {
      setMissing(true);
      document.getElementById('sr-what')?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      const breach = await api.post<BreachView>(`/api/orgs/${session.organisationId}/breaches`, {
        ...(title.trim() ? { title: title.trim() } : {}),
        report: {
          whatHappened,
          situations,
          whenText: orNull(whenText),
          location: orNull(location),
          whoElseKnows: orNull(whoElseKnows),
          reporterName: info?.user.name ?? null,
          reporterEmail: info?.user.email ?? null,
          reporterRole: orNull(reporterRole),
        },
        people: people
          .filter((p) => p.name.trim() !== '')
          .map((p) => ({ ...p, name: p.name.trim(), role: orNull(p.role ?? '') })),
        detectedAt,
      });
      navigate(`/orgs/${breach.organisation.id}/breaches/${breach.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack-lg">
      <p className="breadcrumbs">
        <Link href="/inbox">{t('nav.inbox')}</Link> / {t('staffReport.title')}
      </p>
      <h1>{t('staffReport.title')}</h1>
      <p className="lead">{t('staffReport.intro')}</p>
      <form onSubmit={submit} className="stack" noValidate>
        <section className="card stack">
          <ChoiceList
            legend={t('report.situations')}
            hint={t('report.situationsHint')}
            options={reportSituationDefinitions}
            value={situations}
            onChange={setSituations}
            columns
          />
          <div className="field">
            <label htmlFor="sr-what">
              {t('report.whatHappened')} <span className="required">{t('common.required')}</span>
            </label>
            <p className="hint" id="sr-what-hint">
              {t('report.whatHappenedHint')}
            </p>
            {missing ? (
              <p className="field-error" id="sr-what-error">
                {t('report.whatHappenedMissing')}
              </p>
            ) : null}
            <textarea
              id="sr-what"
              rows={6}
              value={whatHappened}
              required
              aria-invalid={missing || undefined}
              aria-describedby={missing ? 'sr-what-hint sr-what-error' : 'sr-what-hint'}
              onChange={(e) => setWhatHappened(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="sr-title">{t('staffReport.shortTitle')}</label>
            <input id="sr-title" value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="sr-when">{t('report.when')}</label>
              <input
                id="sr-when"
                value={whenText}
                placeholder={t('report.whenPlaceholder')}
                onChange={(e) => setWhenText(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="sr-detected">{t('staffReport.detectedAt')}</label>
              <WarsawDateTimeInput id="sr-detected" value={detectedAt} onChange={setDetectedAt} />
            </div>
            <div className="field">
              <label htmlFor="sr-where">{t('report.where')}</label>
              <input
                id="sr-where"
                value={location}
                placeholder={t('report.wherePlaceholder')}
                onChange={(e) => setLocation(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="sr-role">{t('report.role')}</label>
              <input id="sr-role" value={reporterRole} onChange={(e) => setReporterRole(e.target.value)} />
            </div>
          </div>
          <div className="field">
            <label htmlFor="sr-who">{t('report.whoElse')}</label>
            <textarea
              id="sr-who"
              rows={2}
              value={whoElseKnows}
              onChange={(e) => setWhoElseKnows(e.target.value)}
            />
          </div>
        </section>
        <section className="card stack" aria-labelledby="sr-people-title">
          <h2 id="sr-people-title">{t('staffReport.people')}</h2>
          <p className="hint">{t('staffReport.peopleHint')}</p>
          {people.map((person, index) => (
            <fieldset key={`person-${index.toString()}`} className="row-group">
              <legend>{t('staffReport.personN', { n: index + 1 })}</legend>
              <div className="grid-3 align-end">
                <div className="field">
                  <label htmlFor={`sr-p${index}-name`}>{t('staffReport.personName')}</label>
                  <input
                    id={`sr-p${index}-name`}
                    value={person.name}
                    onChange={(e) => setPerson(index, { name: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`sr-p${index}-role`}>{t('staffReport.personRole')}</label>
                  <input
                    id={`sr-p${index}-role`}
                    value={person.role ?? ''}
                    onChange={(e) => setPerson(index, { role: e.target.value })}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`sr-p${index}-involvement`}>{t('staffReport.involvement')}</label>
                  <select
                    id={`sr-p${index}-involvement`}
                    value={person.involvement}
                    onChange={(e) => setPerson(index, { involvement: e.target.value as Involvement })}
                  >
                    {involvements.map((i) => (
                      <option key={i} value={i}>
                        {t(`staffReport.involvement.${i}`)}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <button
                type="button"
                className="button small subtle"
                onClick={() => setPeople(people.filter((_, i) => i !== index))}
              >
                {t('staffReport.remove')}
              </button>
            </fieldset>
          ))}
          <div>
            <button
              type="button"
              className="button small"
              onClick={() => setPeople([...people, { name: '', role: null, involvement: 'involved' }])}
            >
              {t('staffReport.addPerson')}
            </button>
          </div>
        </section>
        <ErrorNotice error={error} />
        <div>
          <button type="submit" className="button primary large" disabled={busy}>
            {busy ? t('common.sending') : t('report.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
