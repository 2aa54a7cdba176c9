import { ApiError, errorText } from '../api/api-error.ts';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

/** Shows any failure in words, with the fields at fault; announced to screen readers. */
export function ErrorNotice(props: { error: unknown }) {
  const { t } = useI18n();
  if (props.error === null || props.error === undefined) return null;
  const fields = props.error instanceof ApiError ? props.error.fields : [];
  return (
    <div className="notice error" role="alert">
      <strong>
        {errorText(props.error, { offline: t('error.offline'), unexpected: t('error.unexpected') })}
      </strong>
      {fields.length > 1 ? (
        <ul>
          {fields.map((f) => (
            <li key={`${f.field}:${f.message}`}>
              {f.field}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      {props.error instanceof ApiError && props.error.code === 'auth.second-factor-enrolment-required' ? (
        <p>
          <Link href="/account?reason=second-factor">{t('nav.account')}</Link>
        </p>
      ) : null}
      <p className="hint">{t('error.keptInput')}</p>
    </div>
  );
}
