import { type FormEvent, useState } from 'react';
import { api } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { navigate } from '../app/router.tsx';
import { useSession } from '../app/session-context.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { useTitle } from '../components/use-load.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { AccountMail } from './account-mail.tsx';

type Enrolment = { secret: string; uri: string };

/** The key in groups of four, as authenticator apps show it and people type it. */
function grouped(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The user's own account: the second factor (TOTP; its secret typed by hand, or the otpauth link opened on the
 * phone: no QR library is needed for that), e-mail preferences, the calendar feed of deadlines, and logging out of
 * every device at once.
 */
export default function AccountPage() {
  const { t } = useI18n();
  const session = useSession();
  useTitle(t('account.title'));
  const info = session.state.status === 'ready' ? session.state.info : null;
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [enabled, setEnabled] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sessionsError, setSessionsError] = useState<unknown>(null);
  const enrolmentRequired = new URLSearchParams(window.location.search).get('reason') === 'second-factor';

  const enrol = async () => {
    setError(null);
    setEnabled(false);
    setBusy(true);
    try {
      setEnrolment(await api.post<Enrolment>('/api/account/second-factor/enrol'));
      setCode('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await api.post('/api/account/second-factor/confirm', { code: code.replace(/\s+/g, '') });
      setEnrolment(null);
      setEnabled(true);
      await session.refresh();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const logoutEverywhere = async () => {
    setSessionsError(null);
    try {
      await api.post('/api/auth/logout-everywhere');
    } catch (caught) {
      // Already logged out is what the user wanted; anything else is shown.
      if (!(caught instanceof ApiError && caught.code === 'auth.required')) {
        setSessionsError(caught);
        return;
      }
    }
    await session.refresh();
    navigate('/login');
  };

  if (!info) return null;
  return (
    <div className="stack-lg">
      <h1>{t('account.title')}</h1>
      <section className="card stack" aria-labelledby="who-title">
        <h2 id="who-title" className="visually-hidden">
          {t('account.title')}
        </h2>
        <dl className="facts">
          <div className="fact-row">
            <dt>{t('settings.memberName')}</dt>
            <dd>{info.user.name}</dd>
          </div>
          <div className="fact-row">
            <dt>{t('login.email')}</dt>
            <dd>{info.user.email}</dd>
          </div>
        </dl>
      </section>
      <section className="card stack" aria-labelledby="totp-title">
        <h2 id="totp-title">{t('account.secondFactor')}</h2>
        {enrolmentRequired && !info.user.totpEnabled ? (
          <p className="notice info">{t('account.required')}</p>
        ) : null}
        {enabled ? (
          <p className="notice success" role="status">
            {t('account.enabled')}
          </p>
        ) : (
          <p>{info.user.totpEnabled ? t('account.secondFactorOn') : t('account.secondFactorOff')}</p>
        )}
        {enrolment ? (
          <form onSubmit={confirm} className="stack" noValidate>
            <p>{t('account.step1')}</p>
            <dl className="facts totp-facts">
              <dt>{t('account.secret')}</dt>
              <dd>
                <code className="secret" data-testid="totp-secret">
                  {grouped(enrolment.secret)}
                </code>
              </dd>
              <dt>{t('account.uri')}</dt>
              <dd>
                <a href={enrolment.uri} className="break">
                  {enrolment.uri}
                </a>
              </dd>
            </dl>
            <div className="field">
              <label htmlFor="totp-code">{t('login.code')}</label>
              <p className="hint" id="totp-code-hint">
                {t('account.step2')}
              </p>
              <input
                id="totp-code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={8}
                value={code}
                aria-describedby="totp-code-hint"
                onChange={(e) => setCode(e.target.value)}
              />
            </div>
            <ErrorNotice error={error} />
            <div className="button-row">
              <button type="submit" className="button primary" disabled={busy || code.trim() === ''}>
                {t('account.confirm')}
              </button>
              <button type="button" className="button subtle" onClick={() => setEnrolment(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <>
            <ErrorNotice error={error} />
            <div>
              <button type="button" className="button" disabled={busy} onClick={enrol}>
                {info.user.totpEnabled ? t('account.reEnrol') : t('account.enrol')}
              </button>
            </div>
          </>
        )}
      </section>
      <AccountMail />
      <section className="card stack" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessions')}</h2>
        <p className="hint">{t('account.sessionsHint')}</p>
        <ErrorNotice error={sessionsError} />
        <div>
          <button type="button" className="button" onClick={logoutEverywhere}>
            {t('account.logoutEverywhere')}
          </button>
        </div>
      </section>
    </div>
  );
}
