import { useEffect } from 'react';
import { roleLabels } from '../../../src/domain/permissions.ts';
import { navigate } from '../app/router.tsx';
import { useSession } from '../app/session-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

/** A DPO who serves many controllers picks the one to work for; the choice is remembered on this computer. */
export default function ChooseOrganisationPage() {
  const { t, l } = useI18n();
  const session = useSession();
  useEffect(() => {
    document.title = `${t('orgs.title')} — incydent`;
  }, [t]);
  const memberships = session.state.status === 'ready' ? session.state.info.memberships : [];
  return (
    <div className="stack">
      <h1>{t('orgs.title')}</h1>
      {memberships.length === 0 ? <p>{t('orgs.none')}</p> : <p className="hint">{t('orgs.intro')}</p>}
      <ul className="org-list">
        {memberships.map((m) => (
          <li key={m.organisationId}>
            <button
              type="button"
              className="org-choice"
              aria-current={m.organisationId === session.organisationId ? 'true' : undefined}
              onClick={() => {
                session.chooseOrganisation(m.organisationId);
                navigate('/inbox');
              }}
            >
              <strong>{m.organisationName}</strong>
              <span className="hint">{l(roleLabels[m.role])}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
