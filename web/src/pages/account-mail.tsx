import { useState } from 'react';
import { api } from '../api/api-client.ts';
import type { MailSettings } from '../api/api-types.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { useMailSettings } from '../components/use-mail-settings.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * The server builds the feed's URL from PUBLIC_URL; without it, it falls back to localhost and its own port, which
 * is not where the browser reached it. Then the address the user actually uses is the better guess.
 */
export function reachableUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.hostname === 'localhost' && parsed.origin !== window.location.origin) {
      return `${window.location.origin}${parsed.pathname}`;
    }
  } catch {
    // Not a URL the browser understands: shown as the server gave it.
  }
  return url;
}

type Loaded = ReturnType<typeof useMailSettings>;

/** The account page's e-mail part: preferences and the calendar feed, from one read of the mail settings. */
export function AccountMail() {
  const settings = useMailSettings();
  return (
    <>
      <AccountMailPreferences settings={settings} />
      <AccountCalendar settings={settings} />
    </>
  );
}

/** The daily digest on or off; saved as soon as it is changed. */
function AccountMailPreferences({ settings }: { settings: Loaded }) {
  const { t, l } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  // The box follows the click at once; the server's answer confirms it, an error puts it back.
  const [pending, setPending] = useState<boolean | null>(null);
  const data = settings.data;
  const change = async (dailyDigest: boolean) => {
    setError(null);
    setSaved(false);
    setBusy(true);
    setPending(dailyDigest);
    try {
      settings.setData(await api.patch<MailSettings>('/api/mail/preferences', { dailyDigest }));
      setSaved(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(null);
      setBusy(false);
    }
  };
  return (
    <section className="card stack" aria-labelledby="mail-prefs-title">
      <h2 id="mail-prefs-title">{t('account.mailTitle')}</h2>
      <ErrorNotice error={settings.error} />
      {data ? (
        <>
          {data.email.enabled ? null : <p className="notice info">{l(data.email.message)}</p>}
          <label className="check">
            <input
              type="checkbox"
              checked={pending ?? data.preferences.dailyDigest}
              disabled={busy}
              aria-describedby="mail-digest-hint"
              onChange={(e) => void change(e.target.checked)}
            />
            <span>{t('account.dailyDigest')}</span>
          </label>
          <p className="hint" id="mail-digest-hint">
            {t('account.dailyDigestHint')}
          </p>
          <ErrorNotice error={error} />
          {saved ? (
            <p className="notice success" role="status">
              {t('common.saved')}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The secret URL of the user's calendar feed (deadlines and actions): shown once, a new one retires the old. */
function AccountCalendar({ settings }: { settings: Loaded }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const enabled = url !== null || settings.data?.calendar.enabled === true;
  const create = async () => {
    setError(null);
    setCopied(false);
    setBusy(true);
    try {
      const created = await api.post<{ url: string }>('/api/calendar/token');
      setUrl(reachableUrl(created.url));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setError(null);
    setBusy(true);
    try {
      await api.delete('/api/calendar/token');
      setUrl(null);
      await settings.reload('removed');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const copy = (text: string) => {
    setCopied(false);
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => undefined,
    );
  };
  return (
    <section className="card stack" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('account.calendarTitle')}</h2>
      <p className="hint">{t('account.calendarHint')}</p>
      {url ? (
        <div className="stack">
          <p className="notice info" id="calendar-secret-warning">
            {t('account.calendarSecret')}
          </p>
          <div className="field">
            <label htmlFor="calendar-url">{t('account.calendarUrl')}</label>
            <div className="calendar-url">
              <input
                id="calendar-url"
                readOnly
                value={url}
                aria-describedby="calendar-secret-warning"
                onFocus={(e) => e.target.select()}
              />
              <button
                type="button"
                className="button small"
                aria-describedby="calendar-secret-warning"
                onClick={() => copy(url)}
              >
                {t('account.calendarCopy')}
              </button>
            </div>
            {copied ? (
              <p className="hint" role="status">
                {t('account.calendarCopied')}
              </p>
            ) : null}
          </div>
          <p className="hint">{t('account.calendarSubscribe')}</p>
        </div>
      ) : settings.data ? (
        <p>{enabled ? t('account.calendarOn') : t('account.calendarOff')}</p>
      ) : null}
      <ErrorNotice error={error} />
      <div className="button-row">
        <button type="button" className="button" disabled={busy || !settings.data} onClick={create}>
          {enabled ? t('account.calendarRenew') : t('account.calendarCreate')}
        </button>
        {enabled ? (
          <button type="button" className="button subtle" disabled={busy} onClick={remove}>
            {t('account.calendarRemove')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
