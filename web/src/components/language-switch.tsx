import { useI18n } from '../i18n/i18n-context.tsx';

/** Polski / English: two buttons, the current one pressed. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('nav.language')}</legend>
      <button type="button" lang="pl" aria-pressed={lang === 'pl'} onClick={() => setLang('pl')}>
        Polski
      </button>
      <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
        English
      </button>
    </fieldset>
  );
}
