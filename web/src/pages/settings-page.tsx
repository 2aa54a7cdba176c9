import { type FormEvent, useEffect, useState } from 'react';
import { privateSectors, publicSectors } from '../../../src/domain/breach-case.ts';
import { type Role, roleLabels, roles } from '../../../src/domain/permissions.ts';
import { api } from '../api/api-client.ts';
import type { Member, OrganisationSettings } from '../api/api-types.ts';
import { Link } from '../app/router.tsx';
import { useSession } from '../app/session-context.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { type FieldLabels, useFieldErrors } from '../components/field-errors.tsx';
import { Modal } from '../components/modal.tsx';
import { useLoad, useTitle } from '../components/use-load.ts';
import { useMailSettings } from '../components/use-mail-settings.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

type OrgDraft = {
  name: string;
  regon: string;
  nip: string;
  street: string;
  building: string;
  unit: string;
  postalCode: string;
  city: string;
  voivodeship: string;
  county: string;
  commune: string;
  country: string;
  dpoName: string;
  dpoEmail: string;
  dpoPhone: string;
  krs: string;
  contactPoint: string;
  dueSoonHours: string;
  criticalHours: string;
  reminderThresholds: string;
};

type Sector = OrganisationSettings['sector'];

const addressKeys = [
  'street',
  'building',
  'unit',
  'postalCode',
  'city',
  'voivodeship',
  'county',
  'commune',
  'country',
] as const;

/** The API's name of each field of the form (as in its error messages). */
const apiPath: Record<keyof OrgDraft, string> = {
  name: 'name',
  regon: 'regon',
  nip: 'nip',
  krs: 'krs',
  ...(Object.fromEntries(addressKeys.map((k) => [k, `address.${k}`])) as Record<
    (typeof addressKeys)[number],
    string
  >),
  dpoName: 'dpo.name',
  dpoEmail: 'dpo.email',
  dpoPhone: 'dpo.phone',
  contactPoint: 'contactPoint',
  dueSoonHours: 'dueSoonHours',
  criticalHours: 'criticalHours',
  reminderThresholds: 'reminderThresholds',
};
type Representative = OrganisationSettings['representatives'][number];

function draftOf(o: OrganisationSettings): OrgDraft {
  return {
    name: o.name,
    regon: o.regon ?? '',
    nip: o.nip ?? '',
    street: o.address.street ?? '',
    building: o.address.building ?? '',
    unit: o.address.unit ?? '',
    postalCode: o.address.postalCode ?? '',
    city: o.address.city ?? '',
    voivodeship: o.address.voivodeship ?? '',
    county: o.address.county ?? '',
    commune: o.address.commune ?? '',
    country: o.address.country ?? 'Polska',
    dpoName: o.dpo?.name ?? '',
    dpoEmail: o.dpo?.email ?? '',
    dpoPhone: o.dpo?.phone ?? '',
    krs: o.krs ?? '',
    contactPoint: o.contactPoint ?? '',
    dueSoonHours: String(o.dueSoonHours),
    criticalHours: String(o.criticalHours),
    reminderThresholds: o.reminderThresholds.join(', '),
  };
}

function Members(props: { organisationId: string; canManage: boolean; currentUserId: string | null }) {
  const { t, l } = useI18n();
  const base = `/api/orgs/${props.organisationId}/members`;
  const { data, error, setData } = useLoad(() => api.get<{ items: Member[] }>(base), [base]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const [formError, setFormError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const remove = async (member: Member) => {
    setRemoveError(null);
    try {
      await api.delete(`${base}/${member.userId}`);
      setRemoving(null);
      setData(await api.get<{ items: Member[] }>(base));
    } catch (caught) {
      setRemoveError(caught);
    }
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    try {
      await api.put(base, { email, role, ...(name ? { name } : {}), ...(password ? { password } : {}) });
      setData(await api.get<{ items: Member[] }>(base));
      setEmail('');
      setName('');
      setPassword('');
    } catch (caught) {
      setFormError(caught);
    }
  };
  return (
    <section className="card stack" aria-labelledby="members-title">
      <h2 id="members-title">{t('settings.members')}</h2>
      <ErrorNotice error={error} />
      {data ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('settings.memberName')}</th>
              <th scope="col">{t('login.email')}</th>
              <th scope="col">{t('settings.role')}</th>
              <th scope="col">{t('settings.secondFactor')}</th>
              {props.canManage ? <th scope="col">{t('settings.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.items.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{l(roleLabels[m.role])}</td>
                <td>{m.totpEnabled ? t('common.yes') : t('common.no')}</td>
                {props.canManage ? (
                  <td>
                    {m.userId === props.currentUserId ? null : (
                      <button
                        type="button"
                        className="button small subtle"
                        aria-label={`${t('settings.removeMember')}: ${m.name}`}
                        onClick={() => setRemoving(m)}
                      >
                        {t('settings.removeMember')}
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {removing ? (
        <Modal title={t('settings.removeMemberTitle')} onClose={() => setRemoving(null)}>
          <div className="stack">
            <p>{t('settings.removeMemberText', { name: removing.name, email: removing.email })}</p>
            <ErrorNotice error={removeError} />
            <div className="button-row">
              <button type="button" className="button primary" onClick={() => void remove(removing)}>
                {t('settings.removeMember')}
              </button>
              <button type="button" className="button subtle" onClick={() => setRemoving(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        </Modal>
      ) : null}
      {props.canManage ? (
        <form onSubmit={add} className="stack" noValidate>
          <h3>{t('settings.addMember')}</h3>
          <p className="hint">{t('settings.addMemberHint')}</p>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="m-email">{t('login.email')}</label>
              <input id="m-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="m-role">{t('settings.role')}</label>
              <select id="m-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {l(roleLabels[r])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="m-name">{t('settings.memberName')}</label>
              <input id="m-name" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="m-password">{t('settings.initialPassword')}</label>
              <input
                id="m-password"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
          </div>
          <ErrorNotice error={formError} />
          <div>
            <button type="submit" className="button">
              {t('settings.addMemberSubmit')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

/** The organisation (controller, REGON, address, DPO, representative), people and roles, thresholds, report link. */
/** Read-only: whether the server sends e-mail and from which address (set by the server's administrator). */
function MailCard() {
  const { t, l } = useI18n();
  const { data, error } = useMailSettings();
  return (
    <section className="card stack" aria-labelledby="mail-card-title">
      <h2 id="mail-card-title">{t('settings.mailTitle')}</h2>
      <ErrorNotice error={error} />
      {data ? (
        <>
          <dl className="facts">
            <div className="fact-row">
              <dt>{t('settings.mailState')}</dt>
              <dd>{data.email.enabled ? t('settings.mailOn') : t('settings.mailOff')}</dd>
            </div>
            {data.email.enabled ? (
              <>
                <div className="fact-row">
                  <dt>{t('settings.mailFrom')}</dt>
                  <dd className="break">{data.email.from}</dd>
                </div>
                <div className="fact-row">
                  <dt>{t('settings.mailServer')}</dt>
                  <dd className="break">{`${data.email.host}:${data.email.port}`}</dd>
                </div>
              </>
            ) : null}
          </dl>
          <p className="hint">{l(data.email.message)}</p>
          <p className="hint">{t('settings.mailHint')}</p>
        </>
      ) : null}
    </section>
  );
}

export default function SettingsPage() {
  const { t } = useI18n();
  const session = useSession();
  useTitle(t('settings.title'));
  const organisationId = session.organisationId!;
  const base = `/api/orgs/${organisationId}`;
  const { data, error, setData } = useLoad(() => api.get<OrganisationSettings>(base), [base]);
  const [draft, setDraft] = useState<OrgDraft | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [sector, setSector] = useState<Sector>(null);
  const [representatives, setRepresentatives] = useState<Representative[]>([]);
  const [requireTotp, setRequireTotp] = useState(false);
  const [noDpo, setNoDpo] = useState(false);
  useEffect(() => {
    if (!data) return;
    setDraft(draftOf(data));
    setSector(data.sector);
    setRepresentatives(data.representatives);
    setRequireTotp(data.requireTotp);
    setNoDpo(data.dpo === null && data.contactPoint !== null);
  }, [data]);
  const fieldLabels: Record<keyof OrgDraft, string> = {
    name: t('settings.name'),
    regon: 'REGON',
    nip: 'NIP',
    krs: t('settings.krs'),
    street: t('settings.street'),
    building: t('settings.building'),
    unit: t('settings.unit'),
    postalCode: t('settings.postalCode'),
    city: t('settings.city'),
    voivodeship: t('settings.voivodeship'),
    county: t('settings.county'),
    commune: t('settings.commune'),
    country: t('settings.country'),
    dpoName: t('settings.dpoName'),
    dpoEmail: t('login.email'),
    dpoPhone: t('settings.phone'),
    contactPoint: t('settings.contactPoint'),
    dueSoonHours: t('settings.dueSoon'),
    criticalHours: t('settings.critical'),
    reminderThresholds: t('settings.reminders'),
  };
  const labels: FieldLabels = Object.fromEntries(
    (Object.keys(apiPath) as (keyof OrgDraft)[]).map((k) => [
      apiPath[k],
      { label: fieldLabels[k], id: `s-${k}` },
    ]),
  );
  const fieldErrors = useFieldErrors(saveError, labels);
  const ownTotp = session.state.status === 'ready' && session.state.info.user.totpEnabled;
  const canEdit = session.membership?.role === 'admin';
  if (!data || !draft)
    return error ? <ErrorNotice error={error} /> : <p role="status">{t('common.loading')}</p>;
  const reportLink = `${window.location.origin}/report/${data.reportToken}`;
  const setRepresentative = (index: number, change: Partial<Representative>) => {
    setSaved(false);
    setRepresentatives(representatives.map((r, i) => (i === index ? { ...r, ...change } : r)));
  };
  const set = (key: keyof OrgDraft, value: string) => {
    setSaved(false);
    setDraft({ ...draft, [key]: value });
  };
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    try {
      const updated = await api.patch<OrganisationSettings>(base, {
        name: draft.name,
        regon: orNull(draft.regon),
        nip: orNull(draft.nip),
        address: {
          street: orNull(draft.street),
          building: orNull(draft.building),
          unit: orNull(draft.unit),
          postalCode: orNull(draft.postalCode),
          city: orNull(draft.city),
          voivodeship: orNull(draft.voivodeship),
          county: orNull(draft.county),
          commune: orNull(draft.commune),
          // The form's section 2B always names a country; empty means the default, Poland.
          ...(orNull(draft.country) ? { country: orNull(draft.country) } : {}),
        },
        krs: orNull(draft.krs),
        sector: sector?.name ? sector : null,
        dpo:
          !noDpo && draft.dpoName.trim()
            ? { name: draft.dpoName.trim(), email: orNull(draft.dpoEmail), phone: orNull(draft.dpoPhone) }
            : null,
        contactPoint: noDpo ? orNull(draft.contactPoint) : null,
        representatives: representatives
          .filter((r) => r.name.trim() !== '')
          .map((r) => ({ name: r.name.trim(), position: r.position.trim() })),
        requireTotp,
        dueSoonHours: Number(draft.dueSoonHours),
        criticalHours: Number(draft.criticalHours),
        reminderThresholds: draft.reminderThresholds
          .split(/[,;\s]+/)
          .filter(Boolean)
          .map(Number),
      });
      setData(updated);
      setSaved(true);
      await session.refresh();
    } catch (caught) {
      setSaveError(caught);
    }
  };
  const input = (key: keyof OrgDraft, label: string, extra: { type?: string; hint?: string } = {}) => (
    <div className="field">
      <label htmlFor={`s-${key}`}>{label}</label>
      {extra.hint ? (
        <p className="hint" id={`s-${key}-hint`}>
          {extra.hint}
        </p>
      ) : null}
      <input
        id={`s-${key}`}
        type={extra.type ?? 'text'}
        value={draft[key]}
        {...fieldErrors.attrs(apiPath[key], extra.hint ? `s-${key}-hint` : undefined)}
        onChange={(e) => set(key, e.target.value)}
      />
      {fieldErrors.message(apiPath[key])}
    </div>
  );
  return (
    <div className="stack-lg">
      <h1>{t('settings.title')}</h1>
      <section className="card stack" aria-labelledby="link-title">
        <h2 id="link-title">{t('settings.reportLink')}</h2>
        <p className="hint">{t('settings.reportLinkHint')}</p>
        <p className="report-link">
          <a href={reportLink} data-testid="report-link">
            {reportLink}
          </a>{' '}
          <button
            type="button"
            className="button small subtle"
            onClick={() => void navigator.clipboard?.writeText(reportLink)}
          >
            {t('notifications.copy')}
          </button>
        </p>
      </section>
      <form onSubmit={save} className="stack" noValidate>
        <fieldset disabled={!canEdit} className="stack plain-fieldset">
          <legend className="visually-hidden">{t('settings.organisation')}</legend>
          <section className="card stack">
            <h2>{t('settings.organisation')}</h2>
            <div className="grid-3">
              {input('name', t('settings.name'))}
              {input('regon', 'REGON', { hint: t('settings.regonHint') })}
              {input('nip', 'NIP')}
              {input('krs', t('settings.krs'))}
            </div>
            <fieldset className="choice-list">
              <legend>{t('settings.address')}</legend>
              <p className="hint">{t('settings.addressHint')}</p>
              <div className="grid-3">
                {input('street', fieldLabels.street)}
                {input('building', fieldLabels.building)}
                {input('unit', fieldLabels.unit)}
                {input('postalCode', fieldLabels.postalCode)}
                {input('city', fieldLabels.city)}
                {input('commune', fieldLabels.commune)}
                {input('county', fieldLabels.county)}
                {input('voivodeship', fieldLabels.voivodeship)}
                {input('country', fieldLabels.country)}
              </div>
            </fieldset>
            <div className="grid-2">
              <div className="field">
                <label htmlFor="s-sector">{t('settings.sector')}</label>
                <select
                  id="s-sector"
                  value={sector ? `${sector.kind}|${sector.name}` : ''}
                  onChange={(e) => {
                    setSaved(false);
                    const [kind, ...name] = e.target.value.split('|');
                    setSector(
                      kind === 'public' || kind === 'private' ? { kind, name: name.join('|') } : null,
                    );
                  }}
                >
                  <option value="">{t('settings.sectorNone')}</option>
                  <optgroup label={t('settings.sectorPublic')}>
                    {publicSectors.map((name) => (
                      <option key={`public|${name}`} value={`public|${name}`}>
                        {name}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t('settings.sectorPrivate')}>
                    {privateSectors.map((name) => (
                      <option key={`private|${name}`} value={`private|${name}`}>
                        {name}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </div>
            </div>
            <fieldset className="choice-list">
              <legend>{t('settings.representatives')}</legend>
              {representatives.map((r, index) => (
                <fieldset key={`rep-${index.toString()}`} className="row-group">
                  <legend>{t('settings.representativeN', { n: index + 1 })}</legend>
                  <div className="grid-2">
                    <div className="field">
                      <label htmlFor={`s-rep${index}-name`}>{t('settings.memberName')}</label>
                      <input
                        id={`s-rep${index}-name`}
                        value={r.name}
                        onChange={(e) => setRepresentative(index, { name: e.target.value })}
                      />
                    </div>
                    <div className="field">
                      <label htmlFor={`s-rep${index}-position`}>{t('settings.position')}</label>
                      <input
                        id={`s-rep${index}-position`}
                        value={r.position}
                        onChange={(e) => setRepresentative(index, { position: e.target.value })}
                      />
                    </div>
                  </div>
                  <button
                    type="button"
                    className="button small subtle"
                    onClick={() => setRepresentatives(representatives.filter((_, i) => i !== index))}
                  >
                    {t('settings.remove')}
                  </button>
                </fieldset>
              ))}
              <div>
                <button
                  type="button"
                  className="button small"
                  onClick={() => setRepresentatives([...representatives, { name: '', position: '' }])}
                >
                  {t('settings.addRepresentative')}
                </button>
              </div>
            </fieldset>
          </section>
          <section className="card stack">
            <h2>{t('settings.dpo')}</h2>
            <label className="check">
              <input
                type="checkbox"
                checked={noDpo}
                onChange={(e) => {
                  setSaved(false);
                  setNoDpo(e.target.checked);
                }}
              />
              <span>{t('settings.noDpo')}</span>
            </label>
            {noDpo ? (
              <div className="field">
                <label htmlFor="s-contactPoint">{t('settings.contactPoint')}</label>
                <p className="hint" id="s-contactPoint-hint">
                  {t('settings.contactPointHint')}
                </p>
                <textarea
                  id="s-contactPoint"
                  rows={3}
                  value={draft.contactPoint}
                  {...fieldErrors.attrs('contactPoint', 's-contactPoint-hint')}
                  onChange={(e) => set('contactPoint', e.target.value)}
                />
                {fieldErrors.message('contactPoint')}
              </div>
            ) : (
              <div className="grid-3">
                {input('dpoName', t('settings.dpoName'))}
                {input('dpoEmail', t('login.email'), { type: 'email' })}
                {input('dpoPhone', t('settings.phone'), { type: 'tel' })}
              </div>
            )}
          </section>
          <section className="card stack">
            <h2>{t('settings.security')}</h2>
            <label className="check">
              <input
                type="checkbox"
                checked={requireTotp}
                disabled={!requireTotp && !ownTotp}
                aria-describedby="s-requireTotp-hint"
                onChange={(e) => {
                  setSaved(false);
                  setRequireTotp(e.target.checked);
                }}
              />
              <span>{t('settings.requireTotp')}</span>
            </label>
            <p className="hint" id="s-requireTotp-hint">
              {t('settings.requireTotpHint')}{' '}
              {ownTotp ? null : (
                <>
                  {t('settings.requireTotpOwnFirst')} <Link href="/account">{t('nav.account')}</Link>
                </>
              )}
            </p>
          </section>
          <section className="card stack">
            <h2>{t('settings.thresholds')}</h2>
            <p className="hint">{t('settings.thresholdsHint')}</p>
            <div className="grid-3">
              {input('dueSoonHours', t('settings.dueSoon'), { type: 'number' })}
              {input('criticalHours', t('settings.critical'), { type: 'number' })}
              {input('reminderThresholds', t('settings.reminders'))}
            </div>
          </section>
        </fieldset>
        <ErrorNotice error={saveError} labels={labels} />
        {saved ? (
          <p className="notice success" role="status">
            {t('common.saved')}
          </p>
        ) : null}
        {canEdit ? (
          <div>
            <button type="submit" className="button primary">
              {t('settings.save')}
            </button>
          </div>
        ) : (
          <p className="hint">{t('settings.readOnly')}</p>
        )}
      </form>
      <MailCard />
      <Members
        organisationId={organisationId}
        canManage={canEdit}
        currentUserId={session.state.status === 'ready' ? session.state.info.user.id : null}
      />
    </div>
  );
}
