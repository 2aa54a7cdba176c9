import { type FormEvent, useEffect, useState } from 'react';
import { api, setCsrfToken } from '../api/api-client.ts';
import { navigate } from '../app/router.tsx';
import { useSession } from '../app/session-context.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

/** The one-time first account: the administrator and their organisation. */
export default function SetupPage() {
  const { t } = useI18n();
  const session = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t('setup.title')} — incydent`;
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<{ csrfToken: string }>('/api/setup', {
        name,
        email,
        password,
        organisation: { name: organisation },
      });
      setCsrfToken(result.csrfToken);
      await session.refresh();
      navigate('/settings');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="center-page">
      <div className="center-top">
        <LanguageSwitch />
      </div>
      <main id="main" className="card narrow">
        <h1>{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        <form onSubmit={submit} className="stack" noValidate>
          <ErrorNotice error={error} />
          <div className="field">
            <label htmlFor="setup-organisation">{t('setup.organisation')}</label>
            <input
              id="setup-organisation"
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="setup-name">{t('setup.name')}</label>
            <input
              id="setup-name"
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="setup-email">{t('login.email')}</label>
            <input
              id="setup-email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="setup-password">{t('login.password')}</label>
            <p className="hint" id="setup-password-hint">
              {t('setup.passwordHint')}
            </p>
            <input
              id="setup-password"
              type="password"
              autoComplete="new-password"
              aria-describedby="setup-password-hint"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </div>
          <div>
            <button type="submit" className="button primary" disabled={busy}>
              {t('setup.submit')}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
