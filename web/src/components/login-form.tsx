import { type FormEvent, useState } from 'react';
import { api, setCsrfToken } from '../api/api-client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorNotice } from './error-notice.tsx';

/** E-mail and password, then the authenticator code where the account has a second factor. */
export function LoginForm(props: {
  initialEmail?: string;
  onLoggedIn: () => void | Promise<void>;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState(props.initialEmail ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `${props.idPrefix}-${name}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (step === 'password') {
        const result = await api.post<{ csrfToken: string; secondFactorRequired: boolean }>(
          '/api/auth/login',
          {
            email,
            password,
          },
        );
        setCsrfToken(result.csrfToken);
        if (result.secondFactorRequired) {
          setStep('code');
          return;
        }
      } else {
        await api.post('/api/auth/second-factor', { code });
      }
      await props.onLoggedIn();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <ErrorNotice error={error} />
      {step === 'password' ? (
        <>
          <div className="field">
            <label htmlFor={id('email')}>{t('login.email')}</label>
            <input
              id={id('email')}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={id('password')}>{t('login.password')}</label>
            <input
              id={id('password')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor={id('code')}>{t('login.code')}</label>
          <p className="hint" id={id('code-hint')}>
            {t('login.codeHint')}
          </p>
          <input
            id={id('code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            aria-describedby={id('code-hint')}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            required
          />
        </div>
      )}
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {step === 'password' ? t('login.submit') : t('login.confirmCode')}
        </button>
      </div>
    </form>
  );
}
