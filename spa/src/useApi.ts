import { useCallback, useEffect, useRef, useState } from 'react';
import { Api, ApiError } from './api';
import { useAuth } from './auth';
import { useConfig } from './context';

export function useApiClient(): Api {
  const { apiBase } = useConfig();
  const auth = useAuth();
  const token = useRef(auth.token);
  token.current = auth.token;
  const api = useRef<Api | null>(null);
  api.current ??= new Api(apiBase, () => token.current());
  return api.current;
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads once per change of {@code deps}; {@code pollMs} reloads quietly while the page is open. */
export function useLoad<T>(load: (api: Api) => Promise<T>, deps: unknown[], pollMs?: number): Loaded<T> {
  const api = useApiClient();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const run = (quiet: boolean) => load(api)
      .then((value) => { if (live) { setData(value); setError(undefined); } })
      .catch((e: unknown) => { if (live && !quiet) setError(asApiError(e)); })
      .finally(() => { if (live) setLoading(false); });
    run(false);
    const timer = pollMs ? window.setInterval(() => run(true), pollMs) : undefined;
    return () => { live = false; if (timer) window.clearInterval(timer); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation, pollMs]);

  return { data, error, loading, reload };
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'Error', String(e), 'client');
}
