import { type FormEvent, useState } from 'react';
import type { BreachCase } from '../../../src/domain/breach-case.ts';
import {
  breachTypeDefinitions,
  causeDefinitions,
  eventKindDefinitions,
} from '../../../src/domain/breach-classification.ts';
import { consequenceDefinitions } from '../../../src/domain/consequences.ts';
import { dataCategoryDefinitions } from '../../../src/domain/data-categories.ts';
import { subjectCategoryDefinitions } from '../../../src/domain/subject-categories.ts';
import { api } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import type { BreachView } from '../api/api-types.ts';
import { ChoiceList } from '../components/choice-list.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { WarsawDateTimeInput } from '../components/warsaw-input.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { BreachPanelProps } from './breach-page.tsx';

type Draft = Pick<
  BreachCase,
  | 'title'
  | 'location'
  | 'times'
  | 'detectionMethod'
  | 'description'
  | 'breachTypes'
  | 'eventKinds'
  | 'cause'
  | 'dataCategories'
  | 'subjectCategories'
  | 'subjectsApprox'
  | 'subjectsApproxText'
  | 'recordsApprox'
  | 'recordsApproxText'
  | 'consequences'
  | 'measuresBefore'
  | 'measuresPrevent'
  | 'measuresMitigate'
  | 'actionsTaken'
  | 'initialCauses'
  | 'investigation'
>;

function draftOf(breach: BreachView): Draft {
  return {
    title: breach.title,
    location: breach.location,
    times: breach.times,
    detectionMethod: breach.detectionMethod,
    description: breach.description,
    breachTypes: breach.breachTypes,
    eventKinds: breach.eventKinds,
    cause: breach.cause,
    dataCategories: breach.dataCategories,
    subjectCategories: breach.subjectCategories,
    subjectsApprox: breach.subjectsApprox,
    subjectsApproxText: breach.subjectsApproxText,
    recordsApprox: breach.recordsApprox,
    recordsApproxText: breach.recordsApproxText,
    consequences: breach.consequences,
    measuresBefore: breach.measuresBefore,
    measuresPrevent: breach.measuresPrevent,
    measuresMitigate: breach.measuresMitigate,
    actionsTaken: breach.actionsTaken,
    initialCauses: breach.initialCauses,
    investigation: breach.investigation,
  };
}

const textFields = [
  'description',
  'detectionMethod',
  'actionsTaken',
  'initialCauses',
  'investigation',
  'measuresBefore',
  'measuresPrevent',
  'measuresMitigate',
] as const;
const timeFields = [
  'startedAt',
  'endedAt',
  'detectedAt',
  'reportedAt',
  'processorNotifiedAt',
  'subjectsNotifiedAt',
] as const;

/**
 * Types, kinds (UODO form 4B), cause (4D), data (6) and subject (7) categories, numbers (5), times and texts.
 * Saved with the version read, so a colleague's edit in between is reported instead of overwritten; on any error
 * the form keeps everything typed.
 */
export function BreachDetailsForm(props: BreachPanelProps) {
  const { t, l } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.breach));
  const [version, setVersion] = useState(props.breach.version);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((current) => ({ ...current, [key]: value }));
  };
  const editable = props.breach.permissions.includes('breach.update');
  const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const updated = await api.patch<BreachView>(props.base, { ...draft, version });
      setVersion(updated.version);
      setSaved(true);
      props.onChange(updated);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.code === 'conflict.version') {
        // Keep the user's edits; take the latest version so a second save applies them on top of it.
        const latest = await api.get<BreachView>(props.base);
        setVersion(latest.version);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <fieldset disabled={!editable} className="stack plain-fieldset">
        <legend className="visually-hidden">{t('breach.tabDetails')}</legend>
        <section className="card stack">
          <h2>{t('details.general')}</h2>
          <div className="field">
            <label htmlFor="d-title">{t('common.title')}</label>
            <input id="d-title" value={draft.title} onChange={(e) => set('title', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="d-location">{t('details.location')}</label>
            <input
              id="d-location"
              value={draft.location ?? ''}
              onChange={(e) => set('location', e.target.value || null)}
            />
          </div>
        </section>
        <section className="card stack">
          <h2>{t('breach.times')}</h2>
          <p className="hint">{t('details.timesHint')}</p>
          <div className="grid-3">
            {timeFields.map((field) => (
              <div className="field" key={field}>
                <label htmlFor={`d-${field}`}>{t(`times.${field}`)}</label>
                <WarsawDateTimeInput
                  id={`d-${field}`}
                  value={draft.times[field]}
                  onChange={(value) => set('times', { ...draft.times, [field]: value })}
                />
              </div>
            ))}
          </div>
        </section>
        <section className="card stack">
          <h2>{t('breach.classification')}</h2>
          <ChoiceList
            legend={t('details.breachTypes')}
            options={breachTypeDefinitions}
            value={draft.breachTypes}
            onChange={(v) => set('breachTypes', v)}
          />
          <ChoiceList
            legend={t('details.eventKinds')}
            options={eventKindDefinitions}
            value={draft.eventKinds}
            onChange={(v) => set('eventKinds', v)}
            columns
          />
          <div className="field">
            <label htmlFor="d-cause">{t('details.cause')}</label>
            <select
              id="d-cause"
              value={draft.cause ?? ''}
              onChange={(e) => set('cause', (e.target.value || null) as Draft['cause'])}
            >
              <option value="">{t('common.notKnownYet')}</option>
              {causeDefinitions.map((c) => (
                <option key={c.id} value={c.id}>
                  {l(c.label)}
                </option>
              ))}
            </select>
          </div>
          <ChoiceList
            legend={t('details.dataCategories')}
            options={dataCategoryDefinitions}
            value={draft.dataCategories}
            onChange={(v) => set('dataCategories', v)}
            columns
          />
          <ChoiceList
            legend={t('details.subjectCategories')}
            options={subjectCategoryDefinitions}
            value={draft.subjectCategories}
            onChange={(v) => set('subjectCategories', v)}
            columns
          />
          <div className="grid-2">
            <div className="field">
              <label htmlFor="d-subjects">{t('details.subjectsApprox')}</label>
              <input
                id="d-subjects"
                inputMode="numeric"
                value={draft.subjectsApprox ?? ''}
                onChange={(e) => set('subjectsApprox', numberOrNull(e.target.value))}
              />
            </div>
            <div className="field">
              <label htmlFor="d-records">{t('details.recordsApprox')}</label>
              <input
                id="d-records"
                inputMode="numeric"
                value={draft.recordsApprox ?? ''}
                onChange={(e) => set('recordsApprox', numberOrNull(e.target.value))}
              />
            </div>
          </div>
          <ChoiceList
            legend={t('details.consequences')}
            options={consequenceDefinitions}
            value={draft.consequences}
            onChange={(v) => set('consequences', v)}
            columns
          />
        </section>
        <section className="card stack">
          <h2>{t('details.texts')}</h2>
          {textFields.map((field) => (
            <div className="field" key={field}>
              <label htmlFor={`d-${field}`}>{t(`details.${field}`)}</label>
              <textarea
                id={`d-${field}`}
                rows={3}
                value={draft[field] ?? ''}
                onChange={(e) => set(field, e.target.value || null)}
              />
            </div>
          ))}
        </section>
      </fieldset>
      <ErrorNotice error={error} />
      {saved ? (
        <p className="notice success" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      {editable ? (
        <div className="sticky-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t('details.save')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
