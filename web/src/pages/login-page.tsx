import { useEffect } from 'react';
import { navigate, useLocation } from '../app/router.tsx';
import { useSession } from '../app/session-context.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { LoginForm } from '../components/login-form.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

export default function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const { search } = useLocation();
  useEffect(() => {
    document.title = `${t('login.title')} — incydent`;
  }, [t]);
  const next = search.get('next');
  return (
    <div className="center-page">
      <div className="center-top">
        <LanguageSwitch />
      </div>
      <main id="main" className="card narrow">
        <p className="brand large">
          <span aria-hidden="true" className="brand-mark" />
          incydent
        </p>
        <h1>{t('login.title')}</h1>
        <p className="hint">{t('login.intro')}</p>
        <LoginForm
          idPrefix="login"
          onLoggedIn={async () => {
            await session.refresh();
            navigate(next?.startsWith('/') ? next : '/', { replace: true, force: true });
          }}
        />
      </main>
    </div>
  );
}
