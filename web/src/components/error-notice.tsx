import { ApiError, errorText } from '../api/api-error.ts';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { type FieldLabels, humanizeMessage, matchField } from './field-errors.tsx';

/**
 * Shows any failure in words, with the fields at fault; announced to screen readers. With the form's `labels`,
 * fields are named by their labels, not by the API's names.
 */
export function ErrorNotice(props: { error: unknown; labels?: FieldLabels }) {
  const { t } = useI18n();
  if (props.error === null || props.error === undefined) return null;
  const fields = props.error instanceof ApiError ? props.error.fields : [];
  return (
    <div className="notice error" role="alert">
      <strong>
        {humanizeMessage(
          errorText(props.error, { offline: t('error.offline'), unexpected: t('error.unexpected') }),
          props.labels,
        )}
      </strong>
      {fields.length > 1 ? (
        <ul>
          {fields.map((f) => (
            <li key={`${f.field}:${f.message}`}>
              {fieldName(f.field, props.labels)}: {humanizeMessage(f.message, props.labels)}
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

function fieldName(path: string, labels: FieldLabels | undefined): string {
  const key = labels ? matchField(path, labels) : null;
  return key && labels ? labels[key]!.label : path;
}
