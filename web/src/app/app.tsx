import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { I18nProvider, useI18n } from '../i18n/i18n-context.tsx';
import { AppLayout } from './app-layout.tsx';
import { matchPath, navigate, useLocation } from './router.tsx';
import { SessionProvider, useSession } from './session-context.tsx';

/** Pages load on demand: the public report page carries none of the DPO's screens or the charting library. */
const PublicReportPage = lazy(() => import('../pages/public-report-page.tsx'));
const SetupPage = lazy(() => import('../pages/setup-page.tsx'));
const LoginPage = lazy(() => import('../pages/login-page.tsx'));
const ChooseOrganisationPage = lazy(() => import('../pages/choose-organisation-page.tsx'));
const InboxPage = lazy(() => import('../pages/inbox-page.tsx'));
const BreachPage = lazy(() => import('../pages/breach-page.tsx'));
const RegisterPage = lazy(() => import('../pages/register-page.tsx'));
const DashboardPage = lazy(() => import('../pages/dashboard-page.tsx'));
const SettingsPage = lazy(() => import('../pages/settings-page.tsx'));
const AccountPage = lazy(() => import('../pages/account-page.tsx'));
const StaffReportPage = lazy(() => import('../pages/staff-report-page.tsx'));

function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function Redirect(props: { to: string }) {
  useEffect(() => navigate(props.to, { replace: true, force: true }), [props.to]);
  return null;
}

function SignedInRoutes(props: { pathname: string }) {
  const { pathname } = props;
  const session = useSession();
  const inside = (page: ReactNode, needsOrganisation = true) => {
    if (needsOrganisation && !session.organisationId) return <Redirect to="/orgs" />;
    return <AppLayout>{page}</AppLayout>;
  };
  const breach = matchPath('/orgs/:orgId/breaches/:breachId/:tab?', pathname);
  if (breach) {
    return inside(
      <BreachPage organisationId={breach.orgId!} breachId={breach.breachId!} tab={breach.tab ?? ''} />,
      false,
    );
  }
  switch (pathname) {
    case '/orgs':
      return inside(<ChooseOrganisationPage />, false);
    case '/inbox':
      return inside(<InboxPage />);
    case '/register':
      return inside(<RegisterPage />, false);
    case '/dashboard':
      return inside(<DashboardPage />);
    case '/settings':
      return inside(<SettingsPage />);
    case '/account':
      return inside(<AccountPage />, false);
    case '/new-report':
      return inside(<StaffReportPage />);
    default:
      return <Redirect to={session.organisationId ? '/inbox' : '/orgs'} />;
  }
}

function Routes() {
  const { pathname } = useLocation();
  const session = useSession();
  const { state } = session;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') {
    if (state.setupNeeded) return pathname === '/setup' ? <SetupPage /> : <Redirect to="/setup" />;
    if (pathname === '/login') return <LoginPage />;
    const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + window.location.search)}`;
    return <Redirect to={`/login${next}`} />;
  }
  if (pathname === '/login' || pathname === '/setup') return <Redirect to="/" />;
  return <SignedInRoutes pathname={pathname} />;
}

function Root() {
  const { pathname } = useLocation();
  const report = matchPath('/report/:token', pathname);
  return (
    <Suspense fallback={<Loading />}>
      {report ? (
        <PublicReportPage token={report.token!} />
      ) : (
        <SessionProvider>
          <Routes />
        </SessionProvider>
      )}
    </Suspense>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Root />
    </I18nProvider>
  );
}
