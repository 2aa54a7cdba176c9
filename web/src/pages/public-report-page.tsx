import { type FormEvent, useEffect, useState } from 'react';
import { reportSituationDefinitions } from '../../../src/domain/report-situations.ts';
import { api } from '../api/api-client.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { type FieldLabels, useFieldErrors } from '../components/field-errors.tsx';
import { FilePicker } from '../components/file-picker.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * Report an incident without an account (seed 003 §2): the typical situations as a checklist, what happened,
 * when, where, who else knows, files, optional anonymity. A receipt code lets the reporter add more later.
 */
type Organisation = { organisation: { name: string; dpo: { name: string; email: string | null } | null } };
type Receipt = { reference: string; receiptCode: string };

const maxFileBytes = 10 * 1024 * 1024;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function FollowUp(props: { token: string; initialCode: string }) {
  const { t } = useI18n();
  const [code, setCode] = useState(props.initialCode);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSent(false);
    try {
      await api.post(`/api/public/report/${props.token}/follow-up`, { receiptCode: code, text });
      setSent(true);
      setText('');
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section className="card" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('report.followUpTitle')}</h2>
      <p className="hint">{t('report.followUpIntro')}</p>
      <form onSubmit={submit} className="stack">
        <ErrorNotice error={error} />
        {sent ? (
          <p className="notice success" role="status">
            {t('report.followUpSent')}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="follow-up-code">{t('report.receiptCode')}</label>
          <input
            id="follow-up-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            required
          />
        </div>
        <div className="field">
          <label htmlFor="follow-up-text">{t('report.followUpText')}</label>
          <textarea
            id="follow-up-text"
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
          />
        </div>
        <div>
          <button type="submit" className="button">
            {t('report.followUpSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}

export default function PublicReportPage(props: { token: string }) {
  const { t, l, lang } = useI18n();
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [situations, setSituations] = useState<string[]>([]);
  const [whatHappened, setWhatHappened] = useState('');
  const [whenText, setWhenText] = useState('');
  const [location, setLocation] = useState('');
  const [whoElseKnows, setWhoElseKnows] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [reporterName, setReporterName] = useState('');
  const [reporterEmail, setReporterEmail] = useState('');
  const [reporterRole, setReporterRole] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  const labels: FieldLabels = {
    situations: { label: t('report.situations') },
    whatHappened: { label: t('report.whatHappened'), id: 'what-happened' },
    whenText: { label: t('report.when'), id: 'when-text' },
    location: { label: t('report.where'), id: 'location' },
    whoElseKnows: { label: t('report.whoElse'), id: 'who-else' },
    reporterName: { label: t('report.name'), id: 'reporter-name' },
    reporterEmail: { label: t('report.email'), id: 'reporter-email' },
    reporterRole: { label: t('report.role'), id: 'reporter-role' },
    attachments: { label: t('report.files'), id: 'files' },
  };
  const fieldErrors = useFieldErrors(error, labels);

  useEffect(() => {
    document.title = `${t('report.title')} — incydent`;
  }, [t]);
  useEffect(() => {
    api
      .get<Organisation>(`/api/public/report/${props.token}`, { lang })
      .then(setOrganisation)
      .catch(setLoadError);
  }, [props.token, lang]);

  const toggle = (id: string) =>
    setSituations((current) => (current.includes(id) ? current.filter((s) => s !== id) : [...current, id]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (whatHappened.trim() === '') {
      setMissing(true);
      document.getElementById('what-happened')?.focus();
      return;
    }
    setMissing(false);
    const tooBig = files.find((f) => f.size > maxFileBytes);
    if (tooBig) {
      setError(new Error(t('report.fileTooBig', { name: tooBig.name })));
      return;
    }
    setBusy(true);
    try {
      const attachments = await Promise.all(
        files.map(async (file) => ({
          filename: file.name,
          contentType: file.type || 'application/octet-stream',
          dataBase64: await readBase64(file),
        })),
      );
      const result = await api.post<Receipt>(`/api/public/report/${props.token}`, {
        situations,
        whatHappened,
        whenText: whenText || null,
        location: location || null,
        whoElseKnows: whoElseKnows || null,
        anonymous,
        reporterName: anonymous ? null : reporterName || null,
        reporterEmail: anonymous ? null : reporterEmail || null,
        reporterRole: anonymous ? null : reporterRole || null,
        attachments,
      });
      setReceipt(result);
      window.scrollTo(0, 0);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="public-page">
      <header className="public-header">
        <span className="brand">
          <span aria-hidden="true" className="brand-mark" />
          incydent
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="public-main">
        {loadError ? (
          <>
            <h1>{t('report.title')}</h1>
            <ErrorNotice error={loadError} />
            <p>{t('report.linkInvalid')}</p>
          </>
        ) : receipt ? (
          <>
            <h1>{t('report.thanksTitle')}</h1>
            <section className="card receipt" aria-labelledby="receipt-title">
              <h2 id="receipt-title">{t('report.receiptTitle')}</h2>
              <p>{t('report.receiptIntro')}</p>
              <dl className="receipt-codes">
                <dt>{t('report.reference')}</dt>
                <dd>{receipt.reference}</dd>
                <dt>{t('report.receiptCode')}</dt>
                <dd>
                  <code data-testid="receipt-code">{receipt.receiptCode}</code>
                </dd>
              </dl>
              <p className="hint">{t('report.receiptKeep')}</p>
            </section>
            <FollowUp token={props.token} initialCode={receipt.receiptCode} />
          </>
        ) : (
          <>
            <h1>{t('report.title')}</h1>
            {organisation ? <p className="lead">{organisation.organisation.name}</p> : null}
            <div className="notice info">
              <p>{t('report.intro')}</p>
              <p>{t('report.secure')}</p>
            </div>
            <form onSubmit={submit} className="stack" noValidate>
              <fieldset className="card">
                <legend>{t('report.situations')}</legend>
                <p className="hint">{t('report.situationsHint')}</p>
                <div className="checklist">
                  {reportSituationDefinitions.map((s) => (
                    <label key={s.id} className="check">
                      <input
                        type="checkbox"
                        checked={situations.includes(s.id)}
                        onChange={() => toggle(s.id)}
                      />
                      <span>{l(s.label)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="card stack">
                <div className="field">
                  <label htmlFor="what-happened">
                    {t('report.whatHappened')} <span className="required">{t('common.required')}</span>
                  </label>
                  <p className="hint" id="what-happened-hint">
                    {t('report.whatHappenedHint')}
                  </p>
                  <textarea
                    id="what-happened"
                    rows={6}
                    value={whatHappened}
                    onChange={(e) => setWhatHappened(e.target.value)}
                    {...fieldErrors.attrs('whatHappened', 'what-happened-hint')}
                    {...(missing
                      ? { 'aria-describedby': 'what-happened-hint what-happened-error', 'aria-invalid': true }
                      : {})}
                    required
                  />
                  {missing ? (
                    <p className="field-error" id="what-happened-error">
                      {t('report.whatHappenedMissing')}
                    </p>
                  ) : (
                    fieldErrors.message('whatHappened')
                  )}
                </div>
                <div className="field">
                  <label htmlFor="when-text">{t('report.when')}</label>
                  <input
                    id="when-text"
                    value={whenText}
                    {...fieldErrors.attrs('whenText')}
                    onChange={(e) => setWhenText(e.target.value)}
                    placeholder={t('report.whenPlaceholder')}
                  />
                  {fieldErrors.message('whenText')}
                </div>
                <div className="field">
                  <label htmlFor="location">{t('report.where')}</label>
                  <input
                    id="location"
                    value={location}
                    {...fieldErrors.attrs('location')}
                    onChange={(e) => setLocation(e.target.value)}
                    placeholder={t('report.wherePlaceholder')}
                  />
                  {fieldErrors.message('location')}
                </div>
                <div className="field">
                  <label htmlFor="who-else">{t('report.whoElse')}</label>
                  <textarea
                    id="who-else"
                    rows={2}
                    value={whoElseKnows}
                    {...fieldErrors.attrs('whoElseKnows')}
                    onChange={(e) => setWhoElseKnows(e.target.value)}
                  />
                  {fieldErrors.message('whoElseKnows')}
                </div>
                <div className="field">
                  <label htmlFor="files">{t('report.files')}</label>
                  <p className="hint" id="files-hint">
                    {t('report.filesHint')}
                  </p>
                  <FilePicker
                    id="files"
                    multiple
                    {...fieldErrors.attrs('attachments', 'files-hint')}
                    onFiles={(files) => setFiles(Array.from(files ?? []).slice(0, 10))}
                  />
                  {fieldErrors.message('attachments')}
                </div>
              </div>
              <fieldset className="card stack">
                <legend>{t('report.aboutYou')}</legend>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={anonymous}
                    onChange={(e) => setAnonymous(e.target.checked)}
                  />
                  <span>{t('report.anonymous')}</span>
                </label>
                {anonymous ? (
                  <p className="hint">{t('report.anonymousHint')}</p>
                ) : (
                  <div className="grid-3">
                    <div className="field">
                      <label htmlFor="reporter-name">{t('report.name')}</label>
                      <input
                        id="reporter-name"
                        autoComplete="name"
                        value={reporterName}
                        {...fieldErrors.attrs('reporterName')}
                        onChange={(e) => setReporterName(e.target.value)}
                      />
                      {fieldErrors.message('reporterName')}
                    </div>
                    <div className="field">
                      <label htmlFor="reporter-email">{t('report.email')}</label>
                      <input
                        id="reporter-email"
                        type="email"
                        autoComplete="email"
                        value={reporterEmail}
                        {...fieldErrors.attrs('reporterEmail')}
                        onChange={(e) => setReporterEmail(e.target.value)}
                      />
                      {fieldErrors.message('reporterEmail')}
                    </div>
                    <div className="field">
                      <label htmlFor="reporter-role">{t('report.role')}</label>
                      <input
                        id="reporter-role"
                        autoComplete="organization-title"
                        value={reporterRole}
                        {...fieldErrors.attrs('reporterRole')}
                        onChange={(e) => setReporterRole(e.target.value)}
                      />
                      {fieldErrors.message('reporterRole')}
                    </div>
                  </div>
                )}
              </fieldset>
              <ErrorNotice error={error} labels={labels} />
              <div>
                <button type="submit" className="button primary large" disabled={busy}>
                  {busy ? t('common.sending') : t('report.submit')}
                </button>
              </div>
            </form>
            <FollowUp token={props.token} initialCode="" />
          </>
        )}
        {organisation?.organisation.dpo ? (
          <p className="hint dpo-contact">
            {t('report.dpoContact', {
              name: organisation.organisation.dpo.name,
              email: organisation.organisation.dpo.email ?? '—',
            })}
          </p>
        ) : null}
      </main>
    </div>
  );
}
