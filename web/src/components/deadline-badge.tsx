import { useEffect, useState } from 'react';
import type { Deadline } from '../api/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * The 72-hour countdown of art. 33(1). Colour follows the organisation's thresholds (amber "due soon", red
 * "critical" and "overdue"), and the words and the symbol say the same, so colour is never the only signal.
 */
const symbols: Record<string, string> = {
  'on-time': '○',
  'due-soon': '◐',
  critical: '●',
  overdue: '!',
  met: '✓',
  'met-late': '✓',
  'not-required': '–',
};

export function DeadlineBadge(props: { deadline: Deadline | null }) {
  const { t, duration, dateTime } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const { deadline } = props;
  if (!deadline) return <span className="deadline none">{t('deadline.notStarted')}</span>;
  const pending = ['on-time', 'due-soon', 'critical', 'overdue'].includes(deadline.state);
  const hoursLeft = pending
    ? (new Date(deadline.deadlineAt).getTime() - now) / 3_600_000
    : deadline.hoursLeft;
  const state = pending && hoursLeft < 0 ? 'overdue' : deadline.state;
  let text: string;
  if (state === 'overdue') text = t('deadline.overdue', { time: duration(-hoursLeft) });
  else if (pending) text = t('deadline.left', { time: duration(hoursLeft) });
  else if (state === 'met') text = t('deadline.met');
  else if (state === 'met-late') text = t('deadline.metLate', { time: duration(-deadline.hoursLeft) });
  else text = t('deadline.notRequired');
  return (
    <span className={`deadline ${state}`} title={t('deadline.until', { at: dateTime(deadline.deadlineAt) })}>
      <span aria-hidden="true" className="deadline-symbol">
        {symbols[state]}
      </span>
      <span>{text}</span>
    </span>
  );
}
