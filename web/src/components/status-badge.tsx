import { breachStatusDefinitions } from '../../../src/domain/breach-workflow.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

export function StatusBadge(props: { status: string }) {
  const { l } = useI18n();
  const definition = breachStatusDefinitions.find((d) => d.id === props.status);
  return (
    <span
      className={`status status-${definition?.open === false ? 'done' : `stage-${definition?.stage ?? 0}`}`}
    >
      {definition ? l(definition.label) : props.status}
    </span>
  );
}
