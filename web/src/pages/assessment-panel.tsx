import { type FormEvent, useMemo, useState } from 'react';
import {
  type Exemption,
  evaluateRisk,
  exemptionCodes,
  type RiskEvaluation,
} from '../../../src/domain/assess-breach.ts';
import type { AssessCategory } from '../../../src/domain/assess-categories.ts';
import { minimumDepartureReasonLength } from '../../../src/domain/assessment-record.ts';
import { latestAssessment } from '../../../src/domain/breach-case.ts';
import { breachTypeDefinitions, isMaliciousCause } from '../../../src/domain/breach-classification.ts';
import { type BreachFactsInput, parseBreachFacts } from '../../../src/domain/breach-facts.ts';
import {
  type DataCategory,
  dataCategoryDefinitions,
  toAssessCategories,
} from '../../../src/domain/data-categories.ts';
import { riskLevelLabels } from '../../../src/domain/documents/document-texts.ts';
import { type RiskLevel, riskLevels } from '../../../src/domain/risk-rules.ts';
import type { ScanFindings } from '../../../src/domain/scan-findings.ts';
import { includesVulnerable } from '../../../src/domain/subject-categories.ts';
import { api } from '../api/api-client.ts';
import type { BreachView } from '../api/api-types.ts';
import { ChoiceList, TriState } from '../components/choice-list.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { type FieldLabels, localError, useFieldErrors } from '../components/field-errors.tsx';
import { loadScans } from '../components/scan-select.tsx';
import { useDraft } from '../components/unsaved-drafts.tsx';
import { useLoad } from '../components/use-load.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { BreachPanelProps } from './breach-page.tsx';

type Answers = Omit<BreachFactsInput, 'dataCategories' | 'id'> & { dataCategories: DataCategory[] };

function initialAnswers(breach: BreachView): Answers {
  const previous = latestAssessment(breach)?.facts;
  return {
    breachTypes: breach.breachTypes.length ? breach.breachTypes : (previous?.breachTypes ?? []),
    dataCategories: breach.dataCategories,
    subjectsApprox: breach.subjectsApprox ?? previous?.subjectsApprox ?? null,
    recordsApprox: breach.recordsApprox ?? previous?.recordsApprox ?? null,
    vulnerableSubjects: previous?.vulnerableSubjects ?? includesVulnerable(breach.subjectCategories),
    malicious: previous?.malicious ?? (breach.cause ? isMaliciousCause(breach.cause) : false),
    encrypted: previous?.encrypted ?? null,
    keyCompromised: previous?.keyCompromised ?? null,
    backupAvailable: previous?.backupAvailable ?? null,
    dataRecovered: previous?.dataRecovered ?? null,
    recipientTrusted: previous?.recipientTrusted ?? null,
    unavailabilityHours: previous?.unavailabilityHours ?? null,
    disproportionateEffort: previous?.disproportionateEffort ?? null,
  };
}

const exemptionLabels: Record<Exemption, { pl: string; en: string }> = {
  'art-34-3-a': {
    pl: 'art. 34 ust. 3 lit. a — dane zabezpieczone (np. szyfrowanie), nieczytelne dla osób nieuprawnionych',
    en: 'art. 34(3)(a): data protected (e.g. encrypted), unintelligible to unauthorised persons',
  },
  'art-34-3-b': {
    pl: 'art. 34 ust. 3 lit. b — późniejsze środki wyeliminowały prawdopodobieństwo wysokiego ryzyka',
    en: 'art. 34(3)(b): later measures removed the likelihood of high risk',
  },
  'art-34-3-c': {
    pl: 'art. 34 ust. 3 lit. c — niewspółmiernie duży wysiłek: komunikat publiczny zamiast zawiadomień',
    en: 'art. 34(3)(c): disproportionate effort: a public communication instead of letters',
  },
};

const exemptionShortLabels: Record<Exemption, { pl: string; en: string }> = {
  'art-34-3-a': { pl: 'art. 34 ust. 3 lit. a', en: 'art. 34(3)(a)' },
  'art-34-3-b': { pl: 'art. 34 ust. 3 lit. b', en: 'art. 34(3)(b)' },
  'art-34-3-c': { pl: 'art. 34 ust. 3 lit. c', en: 'art. 34(3)(c)' },
};

/** The newest finished leak analysis as a starting point for the answers (its `findings.facts`). */
function ScanStartingPoint(props: {
  base: string;
  onUse: (findings: ScanFindings) => void;
  extra: AssessCategory[];
}) {
  const { t } = useI18n();
  const { data } = useLoad(() => loadScans(props.base), [props.base]);
  const [used, setUsed] = useState(false);
  const latest = data?.find((s) => s.findings && (s.status === 'done' || s.status === 'applied'));
  if (!latest?.findings) return null;
  const findings = latest.findings;
  return (
    <div className="notice info stack">
      <p>{t('assessment.scanAvailable', { source: latest.source })}</p>
      {used ? (
        <p role="status">
          {t('assessment.scanUsed')}
          {props.extra.length
            ? ` ${t('assessment.scanExtra', {
                categories: props.extra.map((c) => t(`scan.category.${c}`)).join('; '),
              })}`
            : ''}
        </p>
      ) : (
        <div>
          <button
            type="button"
            className="button small"
            onClick={() => {
              props.onUse(findings);
              setUsed(true);
            }}
          >
            {t('assessment.useScan')}
          </button>
        </div>
      )}
    </div>
  );
}

function Verdict(props: { engine: RiskEvaluation }) {
  const { t, l, number } = useI18n();
  const { engine } = props;
  return (
    <div className={`verdict level-${engine.riskLevel}`}>
      <p className="verdict-level">
        <span className="hint">{t('assessment.engineSays')}</span>
        <strong>{l(riskLevelLabels[engine.riskLevel])}</strong>
      </p>
      <ul className="duties">
        <li>
          {t('assessment.notifyUodo')}:{' '}
          <strong>{engine.notifySupervisoryAuthority ? t('common.yes') : t('common.no')}</strong>
        </li>
        <li>
          {t('assessment.notifySubjects')}:{' '}
          <strong>
            {engine.notifyDataSubjects
              ? t('common.yes')
              : engine.publicCommunication
                ? t('assessment.publicCommunication')
                : t('common.no')}
          </strong>
        </li>
      </ul>
      <h3>{t('assessment.reasons')}</h3>
      <ul className="reasons">
        {engine.findings.map((f) => (
          <li key={`${f.code}:${f.text.en}`}>{l(f.text)}</li>
        ))}
      </ul>
      <p className="enisa">
        {t('assessment.enisa', {
          score: number(engine.severity.score, 2),
          level: t(`enisa.${engine.severity.level}`),
        })}
        <span className="hint block">{t('assessment.enisaHint')}</span>
      </p>
    </div>
  );
}

/**
 * The risk assessment: plain questions fill the facts; the same rules as the server (art. 33–34 RODO) evaluate them
 * live in the browser; the DPO accepts the verdict or departs from it with a written reason; earlier ones stay.
 */
export function AssessmentPanel(props: BreachPanelProps) {
  const { t, l, lang, dateTime } = useI18n();
  const { breach } = props;
  // Kept by the breach page while unsaved, so switching tabs does not lose the answers.
  const [answers, setAnswers, answersDraft] = useDraft<Answers>('assessment.answers', () =>
    initialAnswers(breach),
  );
  const [departs, setDeparts, departsDraft] = useDraft('assessment.departs', () => false);
  const [decision, setDecision, decisionDraft] = useDraft<{
    riskLevel: RiskLevel;
    notifySupervisoryAuthority: boolean;
    notifyDataSubjects: boolean;
    exemptions: Exemption[];
  }>('assessment.decision', () => ({
    riskLevel: 'risk',
    notifySupervisoryAuthority: true,
    notifyDataSubjects: false,
    exemptions: [],
  }));
  const [reason, setReason, reasonDraft] = useDraft('assessment.reason', () => '');
  const [comment, setComment, commentDraft] = useDraft('assessment.comment', () => '');
  const labels: FieldLabels = {
    reason: { label: t('assessment.reason'), id: 'a-reason' },
    comment: { label: t('workflow.comment'), id: 'a-comment' },
    subjectsApprox: { label: t('assessment.qSubjects'), id: 'a-subjects' },
    recordsApprox: { label: t('assessment.qRecords'), id: 'a-records' },
    unavailabilityHours: { label: t('assessment.qHours'), id: 'a-hours' },
  };
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Answers>(key: K, value: Answers[K]) =>
    setAnswers((current) => ({ ...current, [key]: value }));

  // Kinds of data the leak analysis found that no box above stands for (e.g. financial words in headers).
  const [scanCategories, setScanCategories] = useState<AssessCategory[]>([]);
  const facts = useMemo(
    () => ({
      ...answers,
      dataCategories: [...new Set([...toAssessCategories(answers.dataCategories), ...scanCategories])],
    }),
    [answers, scanCategories],
  );
  const takeScanFacts = (findings: ScanFindings) => {
    setAnswers((current) => ({
      ...current,
      dataCategories: [...new Set([...current.dataCategories, ...findings.dataCategories])],
      subjectsApprox: findings.facts.subjectsApprox ?? current.subjectsApprox,
      recordsApprox: findings.facts.recordsApprox ?? current.recordsApprox,
      vulnerableSubjects: current.vulnerableSubjects || findings.facts.vulnerableSubjects === true,
    }));
    setScanCategories(findings.facts.dataCategories ?? []);
  };
  const evaluation = useMemo(() => {
    try {
      return { engine: evaluateRisk(parseBreachFacts(facts, lang)), problem: null };
    } catch (caught) {
      return { engine: null, problem: caught };
    }
  }, [facts, lang]);
  const engine = evaluation.engine;
  const canAssess =
    breach.permissions.includes('assessment.create') && breach.allowedEvents.includes('assess');
  const types = new Set(answers.breachTypes);
  // Choosing "my decision is different" asks for the written reason, whatever is then changed.
  const departure = engine !== null && departs;
  const fieldErrors = useFieldErrors(error, labels);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (comment.trim() === '') {
      setError(localError('comment', t('workflow.commentRequired')));
      return;
    }
    if (departure && reason.trim().length < minimumDepartureReasonLength) {
      setError(localError('reason', t('assessment.reasonTooShort', { min: minimumDepartureReasonLength })));
      return;
    }
    setBusy(true);
    try {
      const updated = await api.post<BreachView>(`${props.base}/assessments`, {
        facts,
        ...(departs ? { decision: { ...decision, reason: reason || null } } : {}),
        comment,
      });
      props.onChange(updated);
      for (const draft of [answersDraft, departsDraft, decisionDraft, reasonDraft, commentDraft]) {
        draft.markSaved();
      }
      commentDraft.replace('');
      reasonDraft.replace('');
      departsDraft.replace(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack-lg">
      <form onSubmit={submit} className="assessment-layout" noValidate>
        <div className="stack">
          <section className="card stack">
            <h2>{t('assessment.questions')}</h2>
            {canAssess ? (
              <ScanStartingPoint base={props.base} onUse={takeScanFacts} extra={scanCategories} />
            ) : null}
            <ChoiceList
              legend={t('assessment.qTypes')}
              options={breachTypeDefinitions}
              value={answers.breachTypes}
              onChange={(v) => set('breachTypes', v)}
            />
            <ChoiceList
              legend={t('assessment.qData')}
              hint={t('assessment.qDataHint')}
              options={dataCategoryDefinitions}
              value={answers.dataCategories}
              onChange={(v) => set('dataCategories', v)}
              columns
            />
            <div className="grid-2">
              <div className="field">
                <label htmlFor="a-subjects">{t('assessment.qSubjects')}</label>
                <p className="hint" id="a-subjects-hint">
                  {t('assessment.qSubjectsHint')}
                </p>
                <input
                  id="a-subjects"
                  inputMode="numeric"
                  aria-describedby="a-subjects-hint"
                  value={answers.subjectsApprox ?? ''}
                  onChange={(e) =>
                    set('subjectsApprox', e.target.value.trim() === '' ? null : Number(e.target.value))
                  }
                />
              </div>
              <div className="field">
                <label htmlFor="a-records">{t('assessment.qRecords')}</label>
                <input
                  id="a-records"
                  inputMode="numeric"
                  value={answers.recordsApprox ?? ''}
                  onChange={(e) =>
                    set('recordsApprox', e.target.value.trim() === '' ? null : Number(e.target.value))
                  }
                />
              </div>
            </div>
            <TriState
              name="vulnerable"
              legend={t('assessment.qVulnerable')}
              value={answers.vulnerableSubjects}
              onChange={(v) => set('vulnerableSubjects', v === true)}
              allowUnknown={false}
            />
            <TriState
              name="malicious"
              legend={t('assessment.qMalicious')}
              value={answers.malicious}
              onChange={(v) => set('malicious', v === true)}
              allowUnknown={false}
            />
            {types.has('confidentiality') ? (
              <>
                <TriState
                  name="encrypted"
                  legend={t('assessment.qEncrypted')}
                  value={answers.encrypted ?? null}
                  onChange={(v) => set('encrypted', v)}
                />
                {answers.encrypted ? (
                  <TriState
                    name="key"
                    legend={t('assessment.qKey')}
                    value={answers.keyCompromised ?? null}
                    onChange={(v) => set('keyCompromised', v)}
                  />
                ) : null}
                <TriState
                  name="recipient"
                  legend={t('assessment.qRecipient')}
                  value={answers.recipientTrusted ?? null}
                  onChange={(v) => set('recipientTrusted', v)}
                />
                <TriState
                  name="recovered"
                  legend={t('assessment.qRecovered')}
                  value={answers.dataRecovered ?? null}
                  onChange={(v) => set('dataRecovered', v)}
                />
              </>
            ) : null}
            {types.has('integrity') || types.has('availability') ? (
              <TriState
                name="backup"
                legend={t('assessment.qBackup')}
                value={answers.backupAvailable ?? null}
                onChange={(v) => set('backupAvailable', v)}
              />
            ) : null}
            {types.has('availability') ? (
              <div className="field">
                <label htmlFor="a-hours">{t('assessment.qHours')}</label>
                <input
                  id="a-hours"
                  inputMode="decimal"
                  value={answers.unavailabilityHours ?? ''}
                  onChange={(e) =>
                    set('unavailabilityHours', e.target.value.trim() === '' ? null : Number(e.target.value))
                  }
                />
              </div>
            ) : null}
            <TriState
              name="effort"
              legend={t('assessment.qEffort')}
              value={answers.disproportionateEffort ?? null}
              onChange={(v) => set('disproportionateEffort', v)}
            />
          </section>
        </div>
        <aside className="stack assessment-side">
          <section className="card" aria-live="polite" aria-labelledby="verdict-title">
            <h2 id="verdict-title">{t('assessment.verdict')}</h2>
            {engine ? (
              <Verdict engine={engine} />
            ) : (
              <p className="notice info">{t('assessment.needTypes')}</p>
            )}
          </section>
          {canAssess && engine ? (
            <section className="card stack">
              <h2>{t('assessment.decision')}</h2>
              <fieldset className="tri-state">
                <legend>{t('assessment.decisionLegend')}</legend>
                <label className="radio">
                  <input type="radio" name="departs" checked={!departs} onChange={() => setDeparts(false)} />
                  <span>{t('assessment.accept')}</span>
                </label>
                <label className="radio">
                  <input
                    type="radio"
                    name="departs"
                    checked={departs}
                    onChange={() => {
                      setDeparts(true);
                      setDecision({
                        riskLevel: engine.riskLevel,
                        notifySupervisoryAuthority: engine.notifySupervisoryAuthority,
                        notifyDataSubjects: engine.notifyDataSubjects,
                        exemptions: [...engine.exemptions],
                      });
                    }}
                  />
                  <span>{t('assessment.depart')}</span>
                </label>
              </fieldset>
              {departs ? (
                <div className="stack">
                  <div className="field">
                    <label htmlFor="a-level">{t('assessment.level')}</label>
                    <select
                      id="a-level"
                      value={decision.riskLevel}
                      onChange={(e) => setDecision({ ...decision, riskLevel: e.target.value as RiskLevel })}
                    >
                      {riskLevels.map((level) => (
                        <option key={level} value={level}>
                          {l(riskLevelLabels[level])}
                        </option>
                      ))}
                    </select>
                  </div>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={decision.notifySupervisoryAuthority}
                      onChange={(e) =>
                        setDecision({ ...decision, notifySupervisoryAuthority: e.target.checked })
                      }
                    />
                    <span>{t('assessment.notifyUodo')}</span>
                  </label>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={decision.notifyDataSubjects}
                      onChange={(e) => setDecision({ ...decision, notifyDataSubjects: e.target.checked })}
                    />
                    <span>{t('assessment.notifySubjects')}</span>
                  </label>
                  <ChoiceList
                    legend={t('assessment.exemptions')}
                    options={exemptionCodes.map((id) => ({ id, label: exemptionLabels[id] }))}
                    value={decision.exemptions}
                    onChange={(v) => setDecision({ ...decision, exemptions: v })}
                  />
                </div>
              ) : engine.exemptions.length ? (
                <div>
                  <p>{t('assessment.exemptionsFound')}</p>
                  <ul>
                    {engine.exemptions.map((e) => (
                      <li key={e}>{l(exemptionLabels[e])}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className="field">
                <label htmlFor="a-reason">
                  {t('assessment.reason')}{' '}
                  {departure ? <span className="required">{t('common.required')}</span> : null}
                </label>
                <p className="hint" id="a-reason-hint">
                  {departure
                    ? t('assessment.reasonHint', { min: minimumDepartureReasonLength })
                    : t('assessment.reasonOptional')}
                </p>
                <textarea
                  id="a-reason"
                  rows={4}
                  {...fieldErrors.attrs('reason', 'a-reason-hint')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
                {fieldErrors.message('reason')}
              </div>
              <div className="field">
                <label htmlFor="a-comment">
                  {t('workflow.comment')} <span className="required">{t('common.required')}</span>
                </label>
                <textarea
                  id="a-comment"
                  rows={2}
                  value={comment}
                  {...fieldErrors.attrs('comment')}
                  onChange={(e) => setComment(e.target.value)}
                />
                {fieldErrors.message('comment')}
              </div>
              <ErrorNotice error={error} labels={labels} />
              <div>
                <button type="submit" className="button primary" disabled={busy}>
                  {t('assessment.save')}
                </button>
              </div>
            </section>
          ) : !canAssess ? (
            <p className="notice info">{t('assessment.notNow')}</p>
          ) : null}
        </aside>
      </form>
      <section className="card" aria-labelledby="assessment-history">
        <h2 id="assessment-history">{t('assessment.history')}</h2>
        {breach.assessments.length === 0 ? (
          <p className="empty">{t('assessment.noHistory')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('assessment.when')}</th>
                <th scope="col">{t('assessment.who')}</th>
                <th scope="col">{t('assessment.engineLevel')}</th>
                <th scope="col">{t('assessment.dpoLevel')}</th>
                <th scope="col">{t('assessment.notifyUodo')}</th>
                <th scope="col">{t('assessment.notifySubjects')}</th>
                <th scope="col">{t('assessment.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {[...breach.assessments].reverse().map((a) => (
                <tr key={a.id}>
                  <td className="nowrap">{dateTime(a.decidedAt)}</td>
                  <td>{a.decidedBy}</td>
                  <td>{l(riskLevelLabels[a.engine.riskLevel])}</td>
                  <td>
                    {l(riskLevelLabels[a.decision.riskLevel])}
                    {a.departsFromEngine ? (
                      <strong className="text-danger"> ({t('timeline.departs')})</strong>
                    ) : null}
                  </td>
                  <td>{a.decision.notifySupervisoryAuthority ? t('common.yes') : t('common.no')}</td>
                  <td>
                    {a.decision.notifyDataSubjects ? t('common.yes') : t('common.no')}
                    {a.decision.exemptions.length ? (
                      <span className="hint block">
                        {t('assessment.historyExemptions')}{' '}
                        {a.decision.exemptions.map((e) => l(exemptionShortLabels[e])).join('; ')}
                      </span>
                    ) : null}
                  </td>
                  <td className="prewrap">{a.decision.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
