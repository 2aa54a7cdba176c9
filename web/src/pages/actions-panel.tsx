import { type FormEvent, useState } from 'react';
import type { CorrectiveAction } from '../../../src/domain/breach-case.ts';
import { api } from '../api/api-client.ts';
import type { BreachView } from '../api/api-types.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { BreachPanelProps } from './breach-page.tsx';

const statuses = ['planned', 'in-progress', 'done', 'cancelled'] as const;
type ActionStatus = (typeof statuses)[number];

function ActionRow(props: BreachPanelProps & { action: CorrectiveAction; editable: boolean }) {
  const { t, date } = useI18n();
  const { action } = props;
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [effectiveness, setEffectiveness] = useState(action.effectiveness ?? '');
  const [effective, setEffective] = useState<string>(
    action.effective === null ? '' : String(action.effective),
  );
  const [error, setError] = useState<unknown>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      props.onChange(
        await api.patch<BreachView>(`${props.base}/actions/${action.id}`, {
          status,
          effectiveness: effectiveness || null,
          effective: effective === '' ? null : effective === 'true',
          ...(status === 'done' && !action.completedAt ? { completedAt: new Date().toISOString() } : {}),
        }),
      );
    } catch (caught) {
      setError(caught);
    }
  };
  const id = (name: string) => `action-${action.id}-${name}`;
  return (
    <li className="card action-item">
      <p>
        <strong>{t(`actions.kind.${action.kind}`)}</strong>: {action.description}
      </p>
      <p className="hint">
        {t('actions.owner')}: {action.owner ?? '—'} · {t('actions.dueDate')}: {date(action.dueDate)}
      </p>
      <form onSubmit={save} className="grid-3 align-end">
        <div className="field">
          <label htmlFor={id('status')}>{t('actions.status')}</label>
          <select
            id={id('status')}
            value={status}
            disabled={!props.editable}
            onChange={(e) => setStatus(e.target.value as ActionStatus)}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`actions.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('effective')}>{t('actions.effective')}</label>
          <select
            id={id('effective')}
            value={effective}
            disabled={!props.editable}
            onChange={(e) => setEffective(e.target.value)}
          >
            <option value="">{t('common.notKnownYet')}</option>
            <option value="true">{t('actions.effectiveYes')}</option>
            <option value="false">{t('actions.effectiveNo')}</option>
          </select>
        </div>
        <div className="field span-3">
          <label htmlFor={id('effectiveness')}>{t('actions.effectiveness')}</label>
          <textarea
            id={id('effectiveness')}
            rows={2}
            value={effectiveness}
            disabled={!props.editable}
            onChange={(e) => setEffectiveness(e.target.value)}
          />
        </div>
        {props.editable ? (
          <div>
            <button type="submit" className="button">
              {t('actions.update')}
            </button>
          </div>
        ) : null}
      </form>
      <ErrorNotice error={error} />
    </li>
  );
}

/** Corrective and preventive actions with owner, due date, status and effectiveness (seed 003 Załącznik 2). */
export function ActionsPanel(props: BreachPanelProps) {
  const { t } = useI18n();
  const editable = props.breach.permissions.includes('action.manage');
  const [kind, setKind] = useState<'corrective' | 'preventive'>('corrective');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (description.trim() === '') {
      setError(new Error(t('actions.descriptionRequired')));
      return;
    }
    try {
      props.onChange(
        await api.post<BreachView>(`${props.base}/actions`, {
          kind,
          description,
          owner: owner || null,
          dueDate: dueDate || null,
          status: 'planned',
        }),
      );
      setDescription('');
      setOwner('');
      setDueDate('');
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <div className="stack-lg">
      <section aria-labelledby="actions-list-title" className="stack">
        <h2 id="actions-list-title">{t('actions.title')}</h2>
        {props.breach.actions.length === 0 ? (
          <p className="empty">{t('actions.none')}</p>
        ) : (
          <ul className="plain-list stack">
            {props.breach.actions.map((action) => (
              <ActionRow key={action.id} {...props} action={action} editable={editable} />
            ))}
          </ul>
        )}
      </section>
      {editable ? (
        <form onSubmit={add} className="card stack" noValidate>
          <h2>{t('actions.add')}</h2>
          <div className="grid-3">
            <div className="field">
              <label htmlFor="new-action-kind">{t('actions.kindLabel')}</label>
              <select
                id="new-action-kind"
                value={kind}
                onChange={(e) => setKind(e.target.value as 'corrective' | 'preventive')}
              >
                <option value="corrective">{t('actions.kind.corrective')}</option>
                <option value="preventive">{t('actions.kind.preventive')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="new-action-owner">{t('actions.owner')}</label>
              <input id="new-action-owner" value={owner} onChange={(e) => setOwner(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="new-action-due">{t('actions.dueDate')}</label>
              <input
                id="new-action-due"
                type="date"
                value={dueDate}
                onChange={(e) => setDueDate(e.target.value)}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor="new-action-description">
              {t('actions.description')} <span className="required">{t('common.required')}</span>
            </label>
            <textarea
              id="new-action-description"
              rows={3}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </div>
          <ErrorNotice error={error} />
          <div>
            <button type="submit" className="button primary">
              {t('actions.addSubmit')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
