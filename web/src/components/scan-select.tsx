import { api } from '../api/api-client.ts';
import type { ScanView } from '../api/api-types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useLoad } from './use-load.ts';

/** The leak analyses of the breach at `base`, newest first. */
export function loadScans(base: string): Promise<ScanView[]> {
  return api.get<{ items: ScanView[] }>(`${base}/scans`).then((r) => r.items);
}

/** The breach's finished leak analyses (done or applied): their people lists feed e-mails and letters. */
export function useFinishedScans(base: string) {
  return useLoad(
    () => loadScans(base).then((items) => items.filter((s) => s.status === 'done' || s.status === 'applied')),
    [base],
  );
}

/** A labelled choice of one finished analysis, each named by its files and when it ended. */
export function ScanSelect(props: {
  id: string;
  label: string;
  hint: string;
  scans: readonly ScanView[] | null;
  value: string;
  onChange: (scanId: string) => void;
}) {
  const { t, dateTime } = useI18n();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <p className="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <select
        id={props.id}
        value={props.value}
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">
          {props.scans && props.scans.length === 0 ? t('mail.noScans') : t('mail.chooseScan')}
        </option>
        {props.scans?.map((s) => (
          <option key={s.id} value={s.id}>
            {`${s.source} — ${dateTime(s.finishedAt ?? s.startedAt)}${s.status === 'applied' ? ` (${t('scan.status.applied')})` : ''}`}
          </option>
        ))}
      </select>
    </div>
  );
}
