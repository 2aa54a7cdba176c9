import type { BreachCase } from '../../../src/domain/breach-case.ts';
import { communicationGaps } from '../../../src/domain/documents/communication-content.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * What the letters and e-mails to people would lack of what art. 34(2) RODO asks them to say, and where to fill it
 * in; nothing when the breach gives it all. The DPO may still make them (a letter then says "nie podano" there).
 */
export function CommunicationGapsNotice(props: { breach: BreachCase; id?: string }) {
  const { t } = useI18n();
  const gaps = communicationGaps(props.breach);
  if (gaps.length === 0) return null;
  return (
    <div className="notice warning" id={props.id}>
      <strong>{t('communicationGaps.title')}</strong>
      <ul>
        {gaps.map((gap) => (
          <li key={gap}>{t(`communicationGaps.${gap}`)}</li>
        ))}
      </ul>
      <p>{t('communicationGaps.after')}</p>
    </div>
  );
}
