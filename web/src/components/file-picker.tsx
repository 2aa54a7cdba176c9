import { type InputHTMLAttributes, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

type FilePickerProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange' | 'className'> & {
  id: string;
  onFiles: (files: FileList | null) => void;
};

/**
 * A file input whose button and "no file chosen" follow the app's language: the browser draws its own in the
 * browser's language (an English browser said "Choose Files / No file chosen" on a Polish page). The input itself
 * stays in the page, visually hidden, so the field's label names it, it takes the keyboard focus (the button shows
 * it) and a screen reader hears it as a file input. To clear it, give it a new `key`.
 */
export function FilePicker({ onFiles, ...input }: FilePickerProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  return (
    <div className="file-picker">
      <input
        {...input}
        ref={ref}
        type="file"
        className="visually-hidden"
        onChange={(e) => {
          setNames(Array.from(e.target.files ?? [], (file) => file.name));
          onFiles(e.target.files);
        }}
      />
      <button
        type="button"
        className="button subtle"
        disabled={input.disabled}
        aria-hidden="true"
        tabIndex={-1}
        onClick={() => ref.current?.click()}
      >
        {t(input.multiple ? 'file.chooseMany' : 'file.chooseOne')}
      </button>
      <span className="hint" aria-hidden="true">
        {names.length > 0 ? names.join(', ') : t(input.multiple ? 'file.noneMany' : 'file.noneOne')}
      </span>
    </div>
  );
}
