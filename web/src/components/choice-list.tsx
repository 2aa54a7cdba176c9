import type { Localized } from '../../../src/domain/language.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** A labelled group of checkboxes over a domain table of definitions. */
export function ChoiceList<T extends string>(props: {
  legend: string;
  hint?: string;
  options: readonly { id: T; label: Localized; hint?: Localized }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  columns?: boolean;
}) {
  const { l } = useI18n();
  return (
    <fieldset className="choice-list">
      <legend>{props.legend}</legend>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      <div className={props.columns ? 'checklist columns' : 'checklist'}>
        {props.options.map((option) => (
          <label key={option.id} className="check">
            <input
              type="checkbox"
              checked={props.value.includes(option.id)}
              onChange={(e) =>
                props.onChange(
                  e.target.checked ? [...props.value, option.id] : props.value.filter((v) => v !== option.id),
                )
              }
            />
            <span>
              {l(option.label)}
              {option.hint ? <span className="hint block">{l(option.hint)}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Yes / no / I don't know: the engine reads "unknown" cautiously, so it is a real answer. */
export function TriState(props: {
  name: string;
  legend: string;
  hint?: string;
  value: boolean | null;
  onChange: (value: boolean | null) => void;
  allowUnknown?: boolean;
}) {
  const { t } = useI18n();
  const options: { value: boolean | null; label: string }[] = [
    { value: true, label: t('common.yes') },
    { value: false, label: t('common.no') },
    ...(props.allowUnknown === false ? [] : [{ value: null, label: t('common.unknown') }]),
  ];
  return (
    <fieldset className="tri-state">
      <legend>{props.legend}</legend>
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      <div className="radio-row">
        {options.map((option) => (
          <label key={String(option.value)} className="radio">
            <input
              type="radio"
              name={props.name}
              checked={props.value === option.value}
              onChange={() => props.onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
