import { type FormEvent, useEffect, useState } from 'react';
import type { BreachCase } from '../../../src/domain/breach-case.ts';
import {
  breachTypeDefinitions,
  causeDefinitions,
  eventKindDefinitions,
} from '../../../src/domain/breach-classification.ts';
import { consequenceDefinitions } from '../../../src/domain/consequences.ts';
import { dataCategoryDefinitions } from '../../../src/domain/data-categories.ts';
import type { Localized } from '../../../src/domain/language.ts';
import { subjectCategoryDefinitions } from '../../../src/domain/subject-categories.ts';
import { api } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import type { BreachView } from '../api/api-types.ts';
import { ChoiceList } from '../components/choice-list.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { type FieldLabels, localError, useFieldErrors } from '../components/field-errors.tsx';
import { useDraft } from '../components/unsaved-drafts.tsx';
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
  | 'malware'
  | 'childrenInformationSociety'
  | 'dataCategoriesOtherText'
  | 'criminalOtherText'
  | 'subjectsDescription'
  | 'consequencesOtherText'
  | 'otherAuthorities'
  | 'otherSupervisoryAuthority'
  | 'otherEntities'
  | 'crossBorderCountries'
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
    malware: breach.malware,
    childrenInformationSociety: breach.childrenInformationSociety,
    dataCategoriesOtherText: breach.dataCategoriesOtherText,
    criminalOtherText: breach.criminalOtherText,
    subjectsDescription: breach.subjectsDescription,
    consequencesOtherText: breach.consequencesOtherText,
    otherAuthorities: breach.otherAuthorities,
    otherSupervisoryAuthority: breach.otherSupervisoryAuthority,
    otherEntities: breach.otherEntities,
    crossBorderCountries: breach.crossBorderCountries,
  };
}

/** The form's state: what is typed, what it was typed over (`base`), the version read and the fields changed. */
type DetailsState = { draft: Draft; base: Draft; version: number; touched: (keyof Draft)[] };

function freshState(breach: BreachView): DetailsState {
  const draft = draftOf(breach);
  return { draft, base: draft, version: breach.version, touched: [] };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The edits on top of a newer version of the breach (e.g. changed by an action on another tab), or null when a
 * field edited here was changed there too: then the save reports the conflict instead.
 */
function rebase(state: DetailsState, latest: BreachView): DetailsState | null {
  const fresh = draftOf(latest);
  const merged: Record<string, unknown> = { ...fresh };
  for (const key of state.touched) {
    if (!same(fresh[key], state.base[key])) return null;
    merged[key] = state.draft[key];
  }
  return { draft: merged as Draft, base: fresh, version: latest.version, touched: state.touched };
}

/** EEA countries of UODO's form, section 11, stored in the form's Polish words. */
const eeaCountries: { id: string; label: Localized }[] = [
  ['Austria', 'Austria'],
  ['Belgia', 'Belgium'],
  ['Bułgaria', 'Bulgaria'],
  ['Chorwacja', 'Croatia'],
  ['Cypr', 'Cyprus'],
  ['Czechy', 'Czechia'],
  ['Dania', 'Denmark'],
  ['Estonia', 'Estonia'],
  ['Finlandia', 'Finland'],
  ['Francja', 'France'],
  ['Grecja', 'Greece'],
  ['Hiszpania', 'Spain'],
  ['Holandia', 'Netherlands'],
  ['Irlandia', 'Ireland'],
  ['Islandia', 'Iceland'],
  ['Liechtenstein', 'Liechtenstein'],
  ['Litwa', 'Lithuania'],
  ['Luksemburg', 'Luxembourg'],
  ['Łotwa', 'Latvia'],
  ['Malta', 'Malta'],
  ['Niemcy', 'Germany'],
  ['Norwegia', 'Norway'],
  ['Portugalia', 'Portugal'],
  ['Rumunia', 'Romania'],
  ['Słowacja', 'Slovakia'],
  ['Słowenia', 'Slovenia'],
  ['Szwecja', 'Sweden'],
  ['Węgry', 'Hungary'],
  ['Włochy', 'Italy'],
].map(([pl, en]) => ({ id: pl!, label: { pl: pl!, en: en! } }));

const malwareQuestions = ['confidentialityRuledOut', 'ransomDemand', 'backupAndRestore'] as const;
const emptyMalware = { confidentialityRuledOut: null, ransomDemand: null, backupAndRestore: null };

const textFields = ['description', 'detectionMethod'] as const;
const measureFields = ['measuresBefore', 'measuresPrevent', 'measuresMitigate'] as const;
const internalReportFields = ['actionsTaken', 'initialCauses', 'investigation'] as const;
type TextField =
  | (typeof textFields)[number]
  | (typeof measureFields)[number]
  | (typeof internalReportFields)[number];
const timeFields = [
  'startedAt',
  'endedAt',
  'detectedAt',
  'reportedAt',
  'processorNotifiedAt',
  'subjectsNotifiedAt',
] as const;

/** A whole number typed with optional thousands separators (space, dot); null when empty; undefined when not one. */
function wholeNumber(text: string): number | null | undefined {
  const digits = text.replace(/[\s.\u00a0]/g, '');
  if (digits === '') return null;
  return /^\d{1,12}$/.test(digits) ? Number(digits) : undefined;
}

/**
 * Types, kinds (UODO form 4B), cause (4D), data (6) and subject (7) categories, numbers (5), times and texts.
 * Saved with the version read, so a colleague's edit in between is reported instead of overwritten; on any error
 * the form keeps everything typed.
 */
export function BreachDetailsForm(props: BreachPanelProps) {
  const { t, l } = useI18n();
  // Kept by the breach page, so switching tabs does not lose what was typed.
  const [state, setState, drafts] = useDraft<DetailsState>('details', () => freshState(props.breach));
  const { draft, version } = state;
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  // The fields changed here since the last save: after a conflict they are kept, the rest is taken from the server.
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setState((current) => ({
      ...current,
      draft: { ...current.draft, [key]: value },
      touched: current.touched.includes(key) ? current.touched : [...current.touched, key],
    }));
  };
  // A newer version shown by the page (after an action on another tab): the edits go on top of it.
  const latestVersion = props.breach.version;
  const { replace } = drafts;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the breach matters here
  useEffect(() => {
    replace((current) => {
      if (latestVersion <= current.version) return current;
      if (current.touched.length === 0) return freshState(props.breach);
      return rebase(current, props.breach) ?? current;
    });
  }, [latestVersion, replace]);
  const labels: FieldLabels = {
    title: { label: t('common.title'), id: 'd-title' },
    location: { label: t('details.location'), id: 'd-location' },
    ...Object.fromEntries(timeFields.map((f) => [f, { label: t(`times.${f}`), id: `d-${f}` }])),
    awareAt: { label: t('times.awareAt') },
    subjectsApprox: { label: t('details.subjectsApprox'), id: 'd-subjects' },
    recordsApprox: { label: t('details.recordsApprox'), id: 'd-records' },
    subjectsApproxText: { label: t('details.subjectsApproxText'), id: 'd-subjectsText' },
    recordsApproxText: { label: t('details.recordsApproxText'), id: 'd-recordsText' },
    cause: { label: t('details.cause'), id: 'd-cause' },
    breachTypes: { label: t('details.breachTypes') },
    eventKinds: { label: t('details.eventKinds') },
    dataCategories: { label: t('details.dataCategories') },
    subjectCategories: { label: t('details.subjectCategories') },
    consequences: { label: t('details.consequences') },
    ...Object.fromEntries(
      [...textFields, ...measureFields, ...internalReportFields].map((f) => [
        f,
        { label: t(`details.${f}`), id: `d-${f}` },
      ]),
    ),
    ...Object.fromEntries(
      (
        [
          'dataCategoriesOtherText',
          'criminalOtherText',
          'subjectsDescription',
          'consequencesOtherText',
        ] as const
      ).map((f) => [f, { label: t(`details.${f}`), id: `d-${f}` }]),
    ),
    otherSupervisoryAuthority: {
      label: t('details.otherSupervisoryAuthority'),
      id: 'd-otherSupervisoryAuthority',
    },
    'otherAuthorities.names': { label: t('details.otherAuthoritiesNames'), id: 'd-otherAuthoritiesNames' },
    'otherAuthorities.reference': {
      label: t('details.otherAuthoritiesReference'),
      id: 'd-otherAuthoritiesReference',
    },
  };
  const fieldErrors = useFieldErrors(error, labels);
  const editable = props.breach.permissions.includes('breach.update');
  // The numbers as typed: "1 200" and "1.500" are 1200 and 1500; anything else stays on screen as typed and stops
  // the save with an error on its field, never a silent empty or NaN.
  const [numberTexts, setNumberTexts] = useState<Partial<Record<'subjectsApprox' | 'recordsApprox', string>>>(
    {},
  );
  const typeNumber = (field: 'subjectsApprox' | 'recordsApprox', text: string) => {
    setNumberTexts((texts) => ({ ...texts, [field]: text }));
    const value = wholeNumber(text);
    if (value !== undefined) set(field, value);
  };
  const setEntity = (index: number, change: Partial<Draft['otherEntities'][number]>) =>
    set(
      'otherEntities',
      draft.otherEntities.map((e, i) => (i === index ? { ...e, ...change } : e)),
    );
  const textArea = (field: TextField) => (
    <div className="field" key={field}>
      <label htmlFor={`d-${field}`}>{t(`details.${field}`)}</label>
      <textarea
        id={`d-${field}`}
        rows={3}
        value={draft[field] ?? ''}
        {...fieldErrors.attrs(field)}
        onChange={(e) => set(field, e.target.value || null)}
      />
      {fieldErrors.message(field)}
    </div>
  );
  const optionalText = (
    field: 'dataCategoriesOtherText' | 'criminalOtherText' | 'subjectsDescription' | 'consequencesOtherText',
  ) => (
    <div className="field">
      <label htmlFor={`d-${field}`}>{t(`details.${field}`)}</label>
      <textarea
        id={`d-${field}`}
        rows={2}
        value={draft[field] ?? ''}
        {...fieldErrors.attrs(field)}
        onChange={(e) => set(field, e.target.value || null)}
      />
      {fieldErrors.message(field)}
    </div>
  );
  const malware = draft.malware ?? emptyMalware;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = (['subjectsApprox', 'recordsApprox'] as const).find(
      (field) => numberTexts[field] !== undefined && wholeNumber(numberTexts[field]!) === undefined,
    );
    if (invalid) {
      setError(localError(invalid, t('details.numberInvalid')));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // Only the fields changed here: the save (and its entry in the timeline) is what the DPO changed, no more.
      const changed = Object.fromEntries(state.touched.map((key) => [key, draft[key]]));
      const updated = await api.patch<BreachView>(props.base, { ...changed, version });
      replace(freshState(updated));
      setNumberTexts({});
      drafts.markSaved();
      setSaved(true);
      props.onChange(updated);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.code === 'conflict.version') {
        // Keep the user's edits and take everything else from the latest version, so a second save applies the
        // edits on top of the colleague's change instead of writing back the values read before it.
        const latest = await api.get<BreachView>(props.base);
        const fresh = draftOf(latest);
        replace((current) => {
          const merged: Record<string, unknown> = { ...fresh };
          for (const key of current.touched) merged[key] = current.draft[key];
          return { draft: merged as Draft, base: fresh, version: latest.version, touched: current.touched };
        });
        props.onChange(latest);
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
            <input
              id="d-title"
              value={draft.title}
              {...fieldErrors.attrs('title')}
              onChange={(e) => set('title', e.target.value)}
            />
            {fieldErrors.message('title')}
          </div>
          <div className="field">
            <label htmlFor="d-location">{t('details.location')}</label>
            <input
              id="d-location"
              value={draft.location ?? ''}
              {...fieldErrors.attrs('location')}
              onChange={(e) => set('location', e.target.value || null)}
            />
            {fieldErrors.message('location')}
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
                  invalid={fieldErrors.messageOf(field) !== undefined}
                  describedBy={fieldErrors.attrs(field)['aria-describedby']}
                  onChange={(value) => set('times', { ...draft.times, [field]: value })}
                />
                {fieldErrors.message(field)}
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
          {draft.eventKinds.includes('malware') ? (
            <fieldset className="choice-list malware">
              <legend>{t('details.malware')}</legend>
              <p className="hint">{t('details.malwareHint')}</p>
              {malwareQuestions.map((q) => (
                <div className="field" key={q}>
                  <label htmlFor={`d-malware-${q}`}>{t(`details.malware.${q}`)}</label>
                  <textarea
                    id={`d-malware-${q}`}
                    rows={2}
                    value={malware[q] ?? ''}
                    onChange={(e) => set('malware', { ...malware, [q]: e.target.value || null })}
                  />
                </div>
              ))}
            </fieldset>
          ) : null}
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
          <label className="check">
            <input
              type="checkbox"
              checked={draft.childrenInformationSociety}
              onChange={(e) => set('childrenInformationSociety', e.target.checked)}
            />
            <span>{t('details.childrenInformationSociety')}</span>
          </label>
          <ChoiceList
            legend={t('details.dataCategories')}
            options={dataCategoryDefinitions}
            value={draft.dataCategories}
            onChange={(v) => set('dataCategories', v)}
            columns
          />
          <div className="grid-2">
            {optionalText('dataCategoriesOtherText')}
            {optionalText('criminalOtherText')}
          </div>
          <ChoiceList
            legend={t('details.subjectCategories')}
            options={subjectCategoryDefinitions}
            value={draft.subjectCategories}
            onChange={(v) => set('subjectCategories', v)}
            columns
          />
          {optionalText('subjectsDescription')}
          <div className="grid-2">
            <div className="field">
              <label htmlFor="d-subjects">{t('details.subjectsApprox')}</label>
              <input
                id="d-subjects"
                inputMode="numeric"
                value={numberTexts.subjectsApprox ?? draft.subjectsApprox ?? ''}
                {...fieldErrors.attrs('subjectsApprox')}
                onChange={(e) => typeNumber('subjectsApprox', e.target.value)}
              />
              {fieldErrors.message('subjectsApprox')}
            </div>
            <div className="field">
              <label htmlFor="d-records">{t('details.recordsApprox')}</label>
              <input
                id="d-records"
                inputMode="numeric"
                value={numberTexts.recordsApprox ?? draft.recordsApprox ?? ''}
                {...fieldErrors.attrs('recordsApprox')}
                onChange={(e) => typeNumber('recordsApprox', e.target.value)}
              />
              {fieldErrors.message('recordsApprox')}
            </div>
            <div className="field">
              <label htmlFor="d-subjectsText">{t('details.subjectsApproxText')}</label>
              <input
                id="d-subjectsText"
                value={draft.subjectsApproxText ?? ''}
                aria-describedby="d-approx-hint"
                onChange={(e) => set('subjectsApproxText', e.target.value || null)}
              />
            </div>
            <div className="field">
              <label htmlFor="d-recordsText">{t('details.recordsApproxText')}</label>
              <input
                id="d-recordsText"
                value={draft.recordsApproxText ?? ''}
                aria-describedby="d-approx-hint"
                onChange={(e) => set('recordsApproxText', e.target.value || null)}
              />
            </div>
          </div>
          <p className="hint" id="d-approx-hint">
            {t('details.approxHint')}
          </p>
          <ChoiceList
            legend={t('details.consequences')}
            options={consequenceDefinitions}
            value={draft.consequences}
            onChange={(v) => set('consequences', v)}
            columns
          />
          {optionalText('consequencesOtherText')}
        </section>
        <section className="card stack">
          <h2>{t('details.texts')}</h2>
          {textFields.map(textArea)}
        </section>
        <section className="card stack">
          <h2>{t('details.measures')}</h2>
          {measureFields.map(textArea)}
        </section>
        <section className="card stack">
          <h2>{t('details.internalReport')}</h2>
          {internalReportFields.map(textArea)}
        </section>
        <section className="card stack">
          <h2>{t('details.others')}</h2>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.otherAuthorities !== null}
              onChange={(e) =>
                set('otherAuthorities', e.target.checked ? { names: '', reference: null } : null)
              }
            />
            <span>{t('details.otherAuthoritiesCheck')}</span>
          </label>
          {draft.otherAuthorities ? (
            <div className="grid-2">
              <div className="field">
                <label htmlFor="d-otherAuthoritiesNames">{t('details.otherAuthoritiesNames')}</label>
                <input
                  id="d-otherAuthoritiesNames"
                  value={draft.otherAuthorities.names}
                  onChange={(e) =>
                    set('otherAuthorities', {
                      reference: null,
                      ...draft.otherAuthorities,
                      names: e.target.value,
                    })
                  }
                />
              </div>
              <div className="field">
                <label htmlFor="d-otherAuthoritiesReference">{t('details.otherAuthoritiesReference')}</label>
                <input
                  id="d-otherAuthoritiesReference"
                  value={draft.otherAuthorities.reference ?? ''}
                  onChange={(e) =>
                    set('otherAuthorities', {
                      names: draft.otherAuthorities?.names ?? '',
                      reference: e.target.value || null,
                    })
                  }
                />
              </div>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="d-otherSupervisoryAuthority">{t('details.otherSupervisoryAuthority')}</label>
            <input
              id="d-otherSupervisoryAuthority"
              value={draft.otherSupervisoryAuthority ?? ''}
              onChange={(e) => set('otherSupervisoryAuthority', e.target.value || null)}
            />
          </div>
          <fieldset className="choice-list">
            <legend>{t('details.otherEntities')}</legend>
            <p className="hint">{t('details.otherEntitiesHint')}</p>
            {draft.otherEntities.map((entity, index) => (
              <fieldset key={`entity-${index.toString()}`} className="row-group">
                <legend>{t('details.entityN', { n: index + 1 })}</legend>
                <div className="grid-2">
                  <div className="field">
                    <label htmlFor={`d-entity${index}-name`}>{t('details.entityName')}</label>
                    <input
                      id={`d-entity${index}-name`}
                      value={entity.nameAndContact}
                      onChange={(e) => setEntity(index, { nameAndContact: e.target.value })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`d-entity${index}-role`}>{t('details.entityRole')}</label>
                    <input
                      id={`d-entity${index}-role`}
                      value={entity.role}
                      onChange={(e) => setEntity(index, { role: e.target.value })}
                    />
                  </div>
                </div>
                <button
                  type="button"
                  className="button small subtle"
                  onClick={() =>
                    set(
                      'otherEntities',
                      draft.otherEntities.filter((_, i) => i !== index),
                    )
                  }
                >
                  {t('details.remove')}
                </button>
              </fieldset>
            ))}
            <div>
              <button
                type="button"
                className="button small"
                onClick={() =>
                  set('otherEntities', [...draft.otherEntities, { nameAndContact: '', role: '' }])
                }
              >
                {t('details.addEntity')}
              </button>
            </div>
          </fieldset>
          <ChoiceList
            legend={t('details.crossBorder')}
            hint={t('details.crossBorderHint')}
            options={eeaCountries}
            value={draft.crossBorderCountries}
            onChange={(v) => set('crossBorderCountries', v)}
            columns
          />
        </section>
      </fieldset>
      <ErrorNotice error={error} labels={labels} />
      {saved ? (
        <p className="notice success" role="status">
          {t('common.saved')}
        </p>
      ) : null}
      {editable ? (
        <div className="sticky-actions">
          {drafts.dirty ? <p className="hint unsaved">{t('unsaved.notice')}</p> : null}
          <button type="submit" className="button primary" disabled={busy}>
            {t('details.save')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
