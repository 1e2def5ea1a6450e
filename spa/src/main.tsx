import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, type DataRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { routes } from './App';
import { AuthProvider, CALLBACK_PATH, SILENT_PATH, userManagerFor } from './auth';
import { ApiError } from './api';
import { loadConfig } from './config';
import { ConfigContext } from './context';
import { I18nProvider, useI18n } from './i18n';
import './styles.css';
import type { UserManager } from 'oidc-client-ts';

/**
 * Queries are asked again when a page mounts or the window regains focus. A failure is retried twice
 * when it may pass (no answer, or a 5xx); a 4xx would answer the same and is shown at once.
 */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
    },
  },
});

function WithAuth({ manager, router }: { manager: UserManager; router: DataRouter }) {
  const { lang } = useI18n();
  return (
    <AuthProvider manager={manager} uiLocale={lang}>
      <RouterProvider router={router} />
    </AuthProvider>
  );
}

async function start() {
  const root = createRoot(document.getElementById('root')!);
  let config;
  try {
    config = await loadConfig();
  } catch (e) {
    root.render(<p className="error" role="alert">Quarkmall could not load its configuration ({String(e)}). Reload to try again.</p>);
    return;
  }
  const manager = userManagerFor(config);
  const path = window.location.pathname;
  if (path === SILENT_PATH) {
    await manager.signinSilentCallback().catch(() => undefined);
    return;
  }
  if (path === CALLBACK_PATH) {
    try {
      const user = await manager.signinRedirectCallback();
      const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo ?? '/';
      window.history.replaceState(null, '', returnTo.startsWith('/') && !returnTo.startsWith('/auth/') ? returnTo : '/');
    } catch {
      window.history.replaceState(null, '', '/');
    }
  }
  // Made after the sign-in callback has put back the page the user came from.
  const router = createBrowserRouter(routes);
  root.render(
    <StrictMode>
      <ConfigContext.Provider value={config}>
        <QueryClientProvider client={queryClient}>
          <I18nProvider><WithAuth manager={manager} router={router} /></I18nProvider>
        </QueryClientProvider>
      </ConfigContext.Provider>
    </StrictMode>,
  );
}

void start();
