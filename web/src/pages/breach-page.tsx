import { type FormEvent, useState } from 'react';
import { latestAssessment } from '../../../src/domain/breach-case.ts';
import {
  breachTypeDefinitions,
  causeDefinitions,
  eventKindDefinitions,
} from '../../../src/domain/breach-classification.ts';
import { type WorkflowEvent, workflowTransitions } from '../../../src/domain/breach-workflow.ts';
import { dataCategoryDefinitions } from '../../../src/domain/data-categories.ts';
import { reportSituationDefinitions } from '../../../src/domain/report-situations.ts';
import { subjectCategoryDefinitions } from '../../../src/domain/subject-categories.ts';
import { api, apiUrl } from '../api/api-client.ts';
import type { BreachView, HistoryEntry } from '../api/api-types.ts';
import { Link } from '../app/router.tsx';
import { DeadlineBadge } from '../components/deadline-badge.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { type FieldLabels, localError, useFieldErrors } from '../components/field-errors.tsx';
import { FilePicker } from '../components/file-picker.tsx';
import { Modal } from '../components/modal.tsx';
import { StatusBadge } from '../components/status-badge.tsx';
import { UnsavedDraftsProvider } from '../components/unsaved-drafts.tsx';
import { useLoad, useTitle } from '../components/use-load.ts';
import { nowIso, WarsawDateTimeInput } from '../components/warsaw-input.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ActionsPanel } from './actions-panel.tsx';
import { ApprovalsCard } from './approvals-card.tsx';
import { AssessmentPanel } from './assessment-panel.tsx';
import { BreachDetailsForm } from './breach-details-form.tsx';
import { LeakAnalysisPanel, ScanSourceLink } from './leak-analysis-panel.tsx';
import { NotificationsPanel } from './notifications-panel.tsx';
import { TimelineList } from './timeline-list.tsx';

export type BreachPanelProps = {
  breach: BreachView;
  base: string;
  onChange: (breach: BreachView) => void;
};

/** Events with their own form (assessment, notification); the others are plain status changes with a comment. */
const ownForm: Partial<Record<WorkflowEvent, string>> = {
  assess: 'assessment',
  'notify-authority': 'notifications',
};

/**
 * The order in which the workflow bar offers the allowed actions: what normally comes next first. A further
 * assessment or a supplementary notification stays possible later on, but after the step it belongs to.
 */
const workflowOrder: WorkflowEvent[] = [
  'start-triage',
  'confirm-breach',
  'dismiss',
  'assess',
  'notify-authority',
  'authority-not-required',
  'communicate-subjects',
  'public-communication',
  'subjects-not-required',
  'start-remediation',
  'close',
  'reopen',
];

/** The steps already behind the breach in its status: offered last (e.g. a re-assessment once UODO is notified). */
const stepsBehind: Partial<Record<BreachView['status'], WorkflowEvent[]>> = {
  assessed: ['assess'],
  'authority-notified': ['assess', 'notify-authority'],
  'authority-not-required': ['assess', 'notify-authority'],
  'subjects-communicated': ['assess', 'notify-authority'],
  'public-communication': ['assess', 'notify-authority'],
  'subjects-not-required': ['assess', 'notify-authority'],
  remediation: ['assess', 'notify-authority'],
};

/**
 * The allowed events, what comes next in the workflow first: steps behind the breach's status go last, and where
 * the latest assessment decided (UODO, the people), the matching choice comes before the other one.
 */
export function orderedEvents(
  breach: Pick<BreachView, 'status' | 'allowedEvents' | 'assessments'>,
): WorkflowEvent[] {
  const behind = stepsBehind[breach.status] ?? [];
  const decision = latestAssessment(breach)?.decision;
  const preferred = new Set<WorkflowEvent>();
  const demoted = new Set<WorkflowEvent>();
  if (decision) {
    if (decision.notifySupervisoryAuthority) demoted.add('authority-not-required');
    else preferred.add('authority-not-required');
    if (decision.notifyDataSubjects) demoted.add('subjects-not-required');
    else if (decision.exemptions.includes('art-34-3-c')) preferred.add('public-communication');
    else preferred.add('subjects-not-required');
  }
  const rank = (event: WorkflowEvent) =>
    (behind.includes(event) ? 2 * workflowOrder.length : 0) +
    (preferred.has(event) ? -workflowOrder.length / 2 : 0) +
    (demoted.has(event) ? workflowOrder.length / 2 : 0) +
    workflowOrder.indexOf(event);
  return [...breach.allowedEvents].sort((a, b) => rank(a) - rank(b));
}

function labelsOf<T extends { id: string; label: { pl: string; en: string } }>(
  table: readonly T[],
  ids: readonly string[],
  l: (text: { pl: string; en: string }) => string,
): string {
  const labels = ids.map((id) => {
    const found = table.find((d) => d.id === id);
    return found ? l(found.label) : id;
  });
  return labels.length ? labels.join('; ') : '—';
}

function TransitionDialog(props: {
  breach: BreachView;
  base: string;
  event: WorkflowEvent;
  onDone: (breach: BreachView) => void;
  onClose: () => void;
}) {
  const { t, l } = useI18n();
  const [comment, setComment] = useState('');
  const [awareAt, setAwareAt] = useState<string | null>(nowIso());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const confirming = props.event === 'confirm-breach';
  const labels: FieldLabels = {
    comment: { label: t('workflow.comment'), id: 'transition-comment' },
    awareAt: { label: t('workflow.awareAt'), id: 'aware-at' },
  };
  const fieldErrors = useFieldErrors(error, labels);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (comment.trim() === '') {
      setError(localError('comment', t('workflow.commentRequired')));
      return;
    }
    setBusy(true);
    try {
      const updated = await api.post<BreachView>(`${props.base}/transitions`, {
        event: props.event,
        comment,
        ...(confirming ? { awareAt } : {}),
      });
      props.onDone(updated);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={l(workflowTransitions[props.event].label)} onClose={props.onClose}>
      <form onSubmit={submit} className="stack" noValidate>
        {confirming ? <p className="notice info">{t('workflow.confirmExplain')}</p> : null}
        <ErrorNotice error={error} labels={labels} />
        {confirming ? (
          <div className="field">
            <label htmlFor="aware-at">{t('workflow.awareAt')}</label>
            <p className="hint" id="aware-at-hint">
              {t('workflow.awareAtHint')}
            </p>
            <WarsawDateTimeInput
              id="aware-at"
              value={awareAt}
              onChange={setAwareAt}
              describedBy={fieldErrors.attrs('awareAt', 'aware-at-hint')['aria-describedby']}
              invalid={fieldErrors.messageOf('awareAt') !== undefined}
              required
            />
            {fieldErrors.message('awareAt')}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="transition-comment">
            {t('workflow.comment')} <span className="required">{t('common.required')}</span>
          </label>
          <p className="hint" id="transition-comment-hint">
            {t('workflow.commentHint')}
          </p>
          <textarea
            id="transition-comment"
            rows={4}
            value={comment}
            {...fieldErrors.attrs('comment', 'transition-comment-hint')}
            onChange={(e) => setComment(e.target.value)}
            required
          />
          {fieldErrors.message('comment')}
        </div>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            {l(workflowTransitions[props.event].label)}
          </button>
          <button type="button" className="button subtle" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function Evidence(props: BreachPanelProps) {
  const { t, dateTime, number } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (files: FileList | null) => {
    if (!files) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of Array.from(files)) await api.upload(`${props.base}/attachments`, file);
      props.onChange(await api.get<BreachView>(props.base));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">{t('breach.evidence')}</h2>
      <ErrorNotice error={error} />
      {props.breach.attachments.length === 0 ? (
        <p className="empty">{t('breach.noEvidence')}</p>
      ) : (
        <ul className="plain-list">
          {props.breach.attachments.map((a) => (
            <li key={a.id}>
              <a href={apiUrl(`${props.base}/attachments/${a.id}`)} download>
                {a.filename}
              </a>
              <span className="hint">
                {number(Math.ceil(a.size / 1024))} KB · {a.uploadedBy} · {dateTime(a.uploadedAt)} · SHA-256{' '}
                <code>{a.sha256.slice(0, 12)}…</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.breach.permissions.includes('attachment.create') ? (
        <div className="field">
          <label htmlFor="evidence-upload">{t('breach.addEvidence')}</label>
          <FilePicker id="evidence-upload" multiple disabled={busy} onFiles={(files) => upload(files)} />
        </div>
      ) : null}
    </section>
  );
}

function Overview(props: BreachPanelProps & { history: HistoryEntry[] | null; onComment: () => void }) {
  const { t, l, dateTime, number } = useI18n();
  const { breach } = props;
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const report = breach.report;
  const firstNotification = [...breach.notifications].sort((a, b) => a.sentAt.localeCompare(b.sentAt))[0];
  const times: [string, string | null | undefined][] = [
    [t('times.startedAt'), breach.times.startedAt],
    [t('times.endedAt'), breach.times.endedAt],
    [t('times.detectedAt'), breach.times.detectedAt],
    [t('times.reportedAt'), breach.times.reportedAt],
    [t('times.processorNotifiedAt'), breach.times.processorNotifiedAt],
    [t('times.awareAt'), breach.times.awareAt],
    [t('times.deadlineAt'), breach.deadline?.deadlineAt],
    [t('times.authorityNotifiedAt'), firstNotification?.sentAt],
    [t('times.subjectsNotifiedAt'), breach.times.subjectsNotifiedAt],
  ];
  const addComment = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      props.onChange(await api.post<BreachView>(`${props.base}/comments`, { body: comment }));
      setComment('');
      props.onComment();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <div className="two-columns">
      <div className="stack">
        <section className="card" aria-labelledby="report-title">
          <h2 id="report-title">{t('breach.report')}</h2>
          <dl className="facts">
            <dt>{t('breach.reporter')}</dt>
            <dd>
              {report.anonymous
                ? t('breach.anonymous')
                : [report.reporterName, report.reporterRole, report.reporterEmail]
                    .filter(Boolean)
                    .join(', ') || '—'}
            </dd>
            <dt>{t('breach.situations')}</dt>
            <dd>{labelsOf(reportSituationDefinitions, report.situations, l)}</dd>
            <dt>{t('breach.whatHappened')}</dt>
            <dd className="prewrap">{report.whatHappened || '—'}</dd>
            <dt>{t('breach.when')}</dt>
            <dd>{report.whenText ?? '—'}</dd>
            <dt>{t('breach.where')}</dt>
            <dd>{breach.location ?? report.location ?? '—'}</dd>
            <dt>{t('breach.whoElse')}</dt>
            <dd className="prewrap">{report.whoElseKnows ?? '—'}</dd>
            {breach.people.length > 0 ? (
              <>
                <dt>{t('staffReport.people')}</dt>
                <dd>
                  <ul className="plain-list compact-list">
                    {breach.people.map((p, i) => (
                      <li key={`${p.name}:${i.toString()}`}>
                        {p.name}
                        {p.role ? `, ${p.role}` : ''} ({t(`staffReport.involvement.${p.involvement}`)})
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="times-title">
          <h2 id="times-title">{t('breach.times')}</h2>
          <p className="hint">{t('breach.timesHint')}</p>
          <dl className="facts">
            {times.map(([label, value]) => (
              <div key={label} className="fact-row">
                <dt>{label}</dt>
                <dd>{dateTime(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card" aria-labelledby="classification-title">
          <h2 id="classification-title">{t('breach.classification')}</h2>
          <dl className="facts">
            <dt>{t('details.breachTypes')}</dt>
            <dd>{labelsOf(breachTypeDefinitions, breach.breachTypes, l)}</dd>
            <dt>{t('details.eventKinds')}</dt>
            <dd>{labelsOf(eventKindDefinitions, breach.eventKinds, l)}</dd>
            <dt>{t('details.cause')}</dt>
            <dd>{breach.cause ? labelsOf(causeDefinitions, [breach.cause], l) : '—'}</dd>
            <dt>{t('details.dataCategories')}</dt>
            <dd>{labelsOf(dataCategoryDefinitions, breach.dataCategories, l)}</dd>
            <dt>{t('details.subjectCategories')}</dt>
            <dd>{labelsOf(subjectCategoryDefinitions, breach.subjectCategories, l)}</dd>
            <dt>{t('details.subjectsApprox')}</dt>
            <dd>{breach.subjectsApproxText ?? number(breach.subjectsApprox)}</dd>
            <dt>{t('details.recordsApprox')}</dt>
            <dd>{breach.recordsApproxText ?? number(breach.recordsApprox)}</dd>
          </dl>
          <ScanSourceLink base={props.base} version={breach.version} subjectsApprox={breach.subjectsApprox} />
          {breach.permissions.includes('breach.update') ? (
            <Link href={`${props.base.replace('/api', '')}/details`} className="button subtle">
              {t('breach.editDetails')}
            </Link>
          ) : null}
        </section>
        <ApprovalsCard {...props} />
        <Evidence {...props} />
      </div>
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('breach.timeline')}</h2>
        {breach.permissions.includes('comment.create') ? (
          <form onSubmit={addComment} className="stack comment-form">
            <ErrorNotice error={error} />
            <div className="field">
              <label htmlFor="new-comment">{t('breach.addComment')}</label>
              <textarea
                id="new-comment"
                rows={3}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </div>
            <div>
              <button type="submit" className="button" disabled={comment.trim() === ''}>
                {t('breach.saveComment')}
              </button>
            </div>
          </form>
        ) : null}
        {props.history ? (
          <TimelineList entries={props.history} />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </section>
    </div>
  );
}

export default function BreachPage(props: { organisationId: string; breachId: string; tab: string }) {
  const { t, l, dateTime } = useI18n();
  const base = `/api/orgs/${props.organisationId}/breaches/${props.breachId}`;
  const pageBase = `/orgs/${props.organisationId}/breaches/${props.breachId}`;
  const { data: breach, error, setData } = useLoad(() => api.get<BreachView>(base), [base]);
  const history = useLoad(
    () =>
      breach?.permissions.includes('breach.read')
        ? api.get<{ items: HistoryEntry[] }>(`${base}/history`).then((r) => r.items)
        : Promise.resolve([]),
    [base, breach?.version, breach?.updatedAt, breach?.permissions.length],
  );
  const [transition, setTransition] = useState<WorkflowEvent | null>(null);
  useTitle(breach ? `${breach.reference} ${breach.title}` : t('breach.title'));

  if (!breach) {
    return error ? <ErrorNotice error={error} /> : <p role="status">{t('common.loading')}</p>;
  }
  const onChange = (updated: BreachView) => setData(updated);
  const panel = { breach, base, onChange };
  const tabs = [
    { id: '', label: t('breach.tabOverview') },
    { id: 'details', label: t('breach.tabDetails') },
    { id: 'assessment', label: t('breach.tabAssessment') },
    { id: 'notifications', label: t('breach.tabNotifications') },
    { id: 'actions', label: t('breach.tabActions') },
    { id: 'analysis', label: t('breach.tabAnalysis') },
  ];
  const events = orderedEvents(breach);

  return (
    <UnsavedDraftsProvider key={pageBase} scope={pageBase}>
      <div className="stack">
        <p className="breadcrumbs">
          <Link href="/inbox">{t('nav.inbox')}</Link> / <Link href="/register">{t('nav.register')}</Link> /{' '}
          {breach.reference}
        </p>
        <header className="breach-head">
          <div>
            <h1>
              <span className="reference">{breach.reference}</span> {breach.title}
            </h1>
            <p className="hint">
              {breach.organisation.name} · {t('breach.createdAt')} {dateTime(breach.createdAt)}
            </p>
          </div>
          <div className="breach-state">
            <StatusBadge status={breach.status} />
            <DeadlineBadge deadline={breach.deadline} />
          </div>
        </header>
        {events.length > 0 ? (
          <section className="workflow-bar" aria-label={t('workflow.next')}>
            <span className="workflow-label">{t('workflow.next')}:</span>
            {events.map((event) =>
              ownForm[event] ? (
                <Link key={event} href={`${pageBase}/${ownForm[event]}`} className="button">
                  {l(workflowTransitions[event].label)}
                </Link>
              ) : (
                <button
                  key={event}
                  type="button"
                  className={event === 'confirm-breach' ? 'button primary' : 'button'}
                  onClick={() => setTransition(event)}
                >
                  {l(workflowTransitions[event].label)}
                </button>
              ),
            )}
          </section>
        ) : null}
        <nav aria-label={t('breach.sections')} className="tabs">
          {tabs.map((tab) => (
            <Link
              key={tab.id}
              href={tab.id ? `${pageBase}/${tab.id}` : pageBase}
              aria-current={props.tab === tab.id ? 'page' : undefined}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
        {props.tab === '' ? (
          <Overview {...panel} history={history.data} onComment={() => void history.reload()} />
        ) : props.tab === 'details' ? (
          <BreachDetailsForm {...panel} />
        ) : props.tab === 'assessment' ? (
          <AssessmentPanel {...panel} />
        ) : props.tab === 'notifications' ? (
          <NotificationsPanel {...panel} />
        ) : props.tab === 'actions' ? (
          <ActionsPanel {...panel} />
        ) : props.tab === 'analysis' ? (
          <LeakAnalysisPanel {...panel} />
        ) : (
          <ErrorNotice error={new Error(t('error.pageNotFound'))} />
        )}
        {transition ? (
          <TransitionDialog
            breach={breach}
            base={base}
            event={transition}
            onClose={() => setTransition(null)}
            onDone={(updated) => {
              setTransition(null);
              onChange(updated);
            }}
          />
        ) : null}
      </div>
    </UnsavedDraftsProvider>
  );
}
