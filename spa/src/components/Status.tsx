import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { asApiError } from '../queries';

export function Loading() {
  const { t } = useI18n();
  return <p className="loading" role="status" aria-live="polite"><span className="spinner" aria-hidden="true" />{t('common.loading')}</p>;
}

/** What went wrong, in the service's words (problem+json title and detail), and a way to try again. */
export function ErrorBox({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useI18n();
  const auth = useAuth();
  const network = error.status === 0;
  if (error.status === 401) {
    // The session ended (the token could not be renewed): the services answer 401 without a body.
    return (
      <div className="error" role="alert">
        <p>{t('common.signInNeeded')}</p>
        <button type="button" className="primary" onClick={() => auth.signIn()}>{t('nav.signIn')}</button>
      </div>
    );
  }
  return (
    <div className="error" role="alert">
      <strong>{network ? t('error.title') : error.title}</strong>
      <p>{network ? t('error.network') : error.detail}</p>
      {error.violations.length > 0 && (
        <ul>{error.violations.map((v) => <li key={v.field + v.message}><code>{v.field}</code>: {v.message}</li>)}</ul>
      )}
      {retry && <button type="button" onClick={retry}>{t('common.retry')}</button>}
    </div>
  );
}

/** What a TanStack query (or queries combined) tells a page: its data, else its error, and how to ask again. */
export interface QueryState<T> { data: T | undefined; error: Error | null; refetch(): unknown }

/** A query's data, else its error with a retry, else a loading state: never a blank page. */
export function Loaded<T>({ query, children }: { query: QueryState<T>; children: (data: T) => ReactNode }) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <ErrorBox error={asApiError(query.error)} retry={() => void query.refetch()} />;
  return <Loading />;
}

/** Pages for signed-in users (and, with {@code role}, only those with that realm role). */
export function RequireSignIn({ role, children }: { role?: string | string[]; children: ReactNode }) {
  const auth = useAuth();
  const { t } = useI18n();
  if (!auth.ready) return <Loading />;
  if (!auth.user) {
    return (
      <div className="notice">
        <p>{t('common.signInNeeded')}</p>
        <button type="button" className="primary" onClick={() => auth.signIn()}>{t('nav.signIn')}</button>
      </div>
    );
  }
  const roles = role === undefined ? [] : Array.isArray(role) ? role : [role];
  if (roles.length > 0 && !roles.some((r) => auth.roles.includes(r))) {
    return <div className="notice"><p>{t('common.notAllowed')}</p></div>;
  }
  return <>{children}</>;
}

/** A page with its heading whose content needs a signed-in user with {@code role}. */
export function SignedInPage({ title, role, children }: { title: string; role?: string | string[]; children: ReactNode }) {
  return (
    <section>
      <h1>{title}</h1>
      <RequireSignIn role={role}>{children}</RequireSignIn>
    </section>
  );
}
