/** Where the SPA finds Keycloak and the API: read at start from /config.json, so one build serves every environment. */
export interface RuntimeConfig {
  oidcAuthority: string;
  oidcClientId: string;
  apiBase: string;
}

export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`/config.json answered ${response.status}`);
  }
  return (await response.json()) as RuntimeConfig;
}
