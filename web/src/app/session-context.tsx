import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api, setCsrfToken, setSessionExpiredHandler } from '../api/api-client.ts';
import type { Membership, SessionInfo, SessionProbe } from '../api/api-types.ts';
import { LoginForm } from '../components/login-form.tsx';
import { Modal } from '../components/modal.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * Who is logged in, in which organisation they work now, and the dialog that renews an expired session on top of
 * the page: the form underneath keeps what was typed, and the request that failed is sent again.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; setupNeeded: boolean; secondFactorPending: boolean }
  | { status: 'ready'; info: SessionInfo };

type SessionApi = {
  state: SessionState;
  refresh(): Promise<SessionState>;
  logout(): Promise<void>;
  organisationId: string | null;
  membership: Membership | null;
  chooseOrganisation(id: string): void;
};

const SessionContext = createContext<SessionApi | null>(null);
const orgKey = 'incydent.organisation';

export function SessionProvider(props: { children: ReactNode }) {
  const { t } = useI18n();
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [chosen, setChosen] = useState<string | null>(() => window.localStorage.getItem(orgKey));
  const [expired, setExpired] = useState(false);
  const waiting = useRef<(() => void)[]>([]);
  const lastEmail = useRef<string | undefined>(undefined);

  const refresh = useCallback(async (): Promise<SessionState> => {
    const probe = await api.get<SessionProbe>('/api/session/probe');
    const next: SessionState = probe.session
      ? { status: 'ready', info: probe.session }
      : {
          status: 'anonymous',
          setupNeeded: probe.setupNeeded,
          secondFactorPending: probe.secondFactorPending,
        };
    setCsrfToken(probe.session?.csrfToken ?? null);
    if (probe.session) lastEmail.current = probe.session.user.email;
    setState(next);
    return next;
  }, []);

  useEffect(() => {
    refresh().catch(() => setState({ status: 'anonymous', setupNeeded: false, secondFactorPending: false }));
  }, [refresh]);

  useEffect(() => {
    if (state.status !== 'ready') {
      setSessionExpiredHandler(null);
      return;
    }
    setSessionExpiredHandler(
      () =>
        new Promise<void>((resolve) => {
          waiting.current.push(resolve);
          setExpired(true);
        }),
    );
    return () => setSessionExpiredHandler(null);
  }, [state.status]);

  const renewed = async () => {
    await refresh();
    setExpired(false);
    const resolvers = waiting.current;
    waiting.current = [];
    for (const resolve of resolvers) resolve();
  };

  const logout = useCallback(async () => {
    await api.post('/api/auth/logout');
    setCsrfToken(null);
    setState({ status: 'anonymous', setupNeeded: false, secondFactorPending: false });
  }, []);

  const chooseOrganisation = useCallback((id: string) => {
    window.localStorage.setItem(orgKey, id);
    setChosen(id);
  }, []);

  const value = useMemo<SessionApi>(() => {
    const memberships = state.status === 'ready' ? state.info.memberships : [];
    const membership =
      memberships.find((m) => m.organisationId === chosen) ??
      (memberships.length === 1 ? memberships[0]! : null);
    return {
      state,
      refresh,
      logout,
      organisationId: membership?.organisationId ?? null,
      membership,
      chooseOrganisation,
    };
  }, [state, chosen, refresh, logout, chooseOrganisation]);

  return (
    <SessionContext.Provider value={value}>
      {props.children}
      {expired ? (
        <Modal title={t('session.expiredTitle')} onClose={null}>
          <p>{t('session.expiredText')}</p>
          <LoginForm idPrefix="relogin" initialEmail={lastEmail.current ?? ''} onLoggedIn={renewed} />
        </Modal>
      ) : null}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
