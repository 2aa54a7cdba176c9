import { type ReactNode, Suspense } from 'react';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Link, navigate, useLocation } from './router.tsx';
import { useSession } from './session-context.tsx';

/** The frame of every signed-in page: skip link, organisation, main navigation, language, the user. */
export function AppLayout(props: { children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const { pathname } = useLocation();
  const info = session.state.status === 'ready' ? session.state.info : null;
  const memberships = info?.memberships ?? [];
  const links = [
    { href: '/inbox', label: t('nav.inbox') },
    { href: '/register', label: t('nav.register') },
    { href: '/dashboard', label: t('nav.dashboard') },
    { href: '/settings', label: t('nav.settings') },
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="top-bar">
        <div className="top-bar-inner">
          <Link href="/inbox" className="brand">
            <span aria-hidden="true" className="brand-mark" />
            incydent
          </Link>
          <nav aria-label={t('nav.main')}>
            <ul className="nav-links">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} aria-current={pathname.startsWith(link.href) ? 'page' : undefined}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="top-bar-tools">
            {memberships.length > 1 ? (
              <label className="org-switch">
                <span className="visually-hidden">{t('nav.organisation')}</span>
                <select
                  value={session.organisationId ?? ''}
                  onChange={(e) => {
                    session.chooseOrganisation(e.target.value);
                    if (pathname.startsWith('/orgs')) navigate('/inbox');
                  }}
                >
                  {session.organisationId ? null : <option value="">{t('nav.chooseOrganisation')}</option>}
                  {memberships.map((m) => (
                    <option key={m.organisationId} value={m.organisationId}>
                      {m.organisationName}
                    </option>
                  ))}
                </select>
              </label>
            ) : (
              <span className="org-name">{session.membership?.organisationName}</span>
            )}
            <LanguageSwitch />
            <Link
              href="/account"
              className="user-name"
              aria-current={pathname === '/account' ? 'page' : undefined}
              title={t('nav.account')}
            >
              {info?.user.name}
            </Link>
            <button
              type="button"
              className="button subtle"
              onClick={async () => {
                await session.logout();
                navigate('/login', { force: true });
              }}
            >
              {t('nav.logout')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page">
        <Suspense
          fallback={
            <p className="loading" role="status">
              {t('common.loading')}
            </p>
          }
        >
          {props.children}
        </Suspense>
      </main>
    </>
  );
}
