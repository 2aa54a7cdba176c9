import {
  breachStatusDefinitions,
  type WorkflowEvent,
  workflowTransitions,
} from '../../../src/domain/breach-workflow.ts';
import { dataCategoryDefinitions } from '../../../src/domain/data-categories.ts';
import { riskLevelLabels } from '../../../src/domain/documents/document-texts.ts';
import { sameValue } from '../../../src/domain/same-value.ts';
import { notificationPhaseDefinitions } from '../../../src/domain/supervisory-notification.ts';
import type { HistoryEntry } from '../api/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { type MessageKey, messages } from '../i18n/messages.ts';

type Record_ = Record<string, unknown>;
const asRecord = (value: unknown): Record_ => (value && typeof value === 'object' ? (value as Record_) : {});

/** The audit trail of a breach in words: who did what and when, with the comment or detail that explains it. */
export function TimelineList(props: { entries: HistoryEntry[] }) {
  const { t, l, dateTime, number } = useI18n();
  /** A field of the breach in the user's words: the PATCH names (`eventKinds`) mean nothing to a reader. */
  const fieldLabel = (field: string): string => {
    const key = `field.${field}`;
    return key in messages.pl ? t(key as MessageKey) : field;
  };
  const detailOf = (entry: HistoryEntry): string | null => {
    const after = asRecord(entry.after);
    switch (entry.action) {
      case 'breach.transition': {
        const event = after.event as WorkflowEvent | undefined;
        const status = breachStatusDefinitions.find((d) => d.id === after.status);
        const label =
          event && workflowTransitions[event] ? l(workflowTransitions[event].label) : String(after.event);
        return `${label} → ${status ? l(status.label) : String(after.status)}${after.comment ? `: „${after.comment}”` : ''}`;
      }
      case 'comment.added':
        return String(after.body ?? '');
      case 'assessment.recorded': {
        const decision = asRecord(after.decision);
        const level = riskLevelLabels[decision.riskLevel as keyof typeof riskLevelLabels];
        return `${t('timeline.decision')}: ${level ? l(level) : String(decision.riskLevel)}${after.departsFromEngine ? ` (${t('timeline.departs')})` : ''}`;
      }
      case 'notification.recorded': {
        const phase = notificationPhaseDefinitions.find((p) => p.id === after.phase);
        return `${phase ? l(phase.label) : String(after.phase)} · ${dateTime(String(after.sent_at ?? after.sentAt ?? ''))}`;
      }
      case 'action.created':
      case 'action.updated':
        return String(after.description ?? after.status ?? '');
      case 'attachment.added':
        return String(after.filename ?? '');
      case 'breach.updated': {
        const before = asRecord(entry.before);
        const changed = Object.keys(after).filter((k) => !sameValue(before[k], after[k]));
        return changed.map(fieldLabel).join(', ') || null;
      }
      case 'scan.started':
      case 'scan.cancelled':
        return String(after.source ?? '');
      case 'scan.applied': {
        const categories = Array.isArray(after.dataCategories) ? (after.dataCategories as string[]) : [];
        return [
          `${t('details.subjectsApprox')}: ${number(after.subjectsApprox as number | null)}`,
          `${t('details.recordsApprox')}: ${number(after.recordsApprox as number | null)}`,
          `${t('details.dataCategories')}: ${
            categories
              .map((id) => {
                const found = dataCategoryDefinitions.find((d) => d.id === id);
                return found ? l(found.label) : id;
              })
              .join('; ') || '—'
          }`,
        ].join('\n');
      }
      case 'approval.added': {
        const key = `approvals.subject.${String(after.subject)}`;
        const subject = key in messages.pl ? t(key as MessageKey) : String(after.subject ?? '');
        return after.note ? `${subject}: „${after.note}”` : subject;
      }
      default:
        return null;
    }
  };
  if (props.entries.length === 0) return <p className="empty">{t('timeline.empty')}</p>;
  return (
    <ol className="timeline">
      {[...props.entries].reverse().map((entry) => {
        const key = `timeline.${entry.action}` as MessageKey;
        const title = key in messages.pl ? t(key) : entry.action;
        const detail = detailOf(entry);
        return (
          <li key={entry.seq}>
            <p className="timeline-title">
              <strong>{title}</strong>
            </p>
            {detail ? <p className="timeline-detail prewrap">{detail}</p> : null}
            <p className="hint">
              <time dateTime={entry.at}>{dateTime(entry.at)}</time> · {entry.actor}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
