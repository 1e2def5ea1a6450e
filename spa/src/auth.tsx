import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RuntimeConfig } from './config';

/**
 * Sign-in through Keycloak: authorization code + PKCE. Tokens live in memory only (never in
 * localStorage or sessionStorage), so a reload signs in again silently in a hidden frame through
 * Keycloak's session cookie, and a closed tab forgets them.
 */
export interface Auth {
  ready: boolean;
  user: User | null;
  roles: string[];
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
  token(): string | null;
}

export const CALLBACK_PATH = '/auth/callback';
export const SILENT_PATH = '/auth/silent';

export function userManagerFor(config: RuntimeConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.oidcAuthority,
    client_id: config.oidcClientId,
    redirect_uri: origin + CALLBACK_PATH,
    silent_redirect_uri: origin + SILENT_PATH,
    post_logout_redirect_uri: origin + '/',
    response_type: 'code',
    scope: 'openid',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: true,
    silentRequestTimeoutInSeconds: 6,
  });
}

/** The realm roles Keycloak put in the access token (realm_access.roles). */
export function rolesOf(accessToken: string | undefined): string[] {
  if (!accessToken) return [];
  try {
    const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(decodeURIComponent(escape(atob(payload)))) as { realm_access?: { roles?: string[] } };
    return claims.realm_access?.roles ?? [];
  } catch {
    return [];
  }
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ manager, uiLocale, children }: { manager: UserManager; uiLocale: string; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const loaded = (u: User) => setUser(u);
    const gone = () => setUser(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(gone);
    manager.events.addSilentRenewError(gone);
    manager.getUser()
      .then((u) => (u && !u.expired ? u : manager.signinSilent()))
      .then((u) => setUser(u))
      .catch(() => setUser(null)) // no Keycloak session: browse as a guest
      .finally(() => setReady(true));
    return () => {
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(gone);
      manager.events.removeSilentRenewError(gone);
    };
  }, [manager]);

  const value = useMemo<Auth>(() => ({
    ready,
    user,
    roles: rolesOf(user?.access_token),
    signIn: (returnTo = window.location.pathname + window.location.search) =>
      manager.signinRedirect({ state: { returnTo }, extraQueryParams: { ui_locales: uiLocale } }),
    signOut: () => manager.signoutRedirect(),
    token: () => (user && !user.expired ? user.access_token : null),
  }), [manager, ready, user, uiLocale]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
