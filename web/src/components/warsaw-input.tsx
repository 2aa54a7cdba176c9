import { fromWarsawLocal, toWarsawLocal } from '../../../src/domain/warsaw-time.ts';

/** A date and time typed in Warsaw time whatever the computer's zone; the value is an ISO instant or null. */
export function WarsawDateTimeInput(props: {
  id: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  required?: boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
  return (
    <input
      id={props.id}
      type="datetime-local"
      value={props.value ? toWarsawLocal(new Date(props.value)) : ''}
      required={props.required}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid || undefined}
      onChange={(e) => props.onChange(e.target.value ? fromWarsawLocal(e.target.value).toISOString() : null)}
    />
  );
}

export const nowIso = () => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
