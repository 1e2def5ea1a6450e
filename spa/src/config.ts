/** Where the SPA finds Keycloak and the API: read at start from /config.json, so one build serves every environment. */
export interface RuntimeConfig {
  oidcAuthority: string;
  oidcClientId: string;
  apiBase: string;
  /**
   * The card PSP's origin: its hosted card field is framed from here, and only messages from here
   * are taken as card tokens. The one place it is set (the edge's CSP must allow framing it).
   */
  cardFieldsOrigin?: string;
  /**
   * The local sandboxes' test aids are offered: the sandbox PSP's test card tokens beside the hosted
   * field, and a link to the sandbox wallet beside a QR code. Local runs and tests only, never production.
   */
  sandbox?: boolean;
}

export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`/config.json answered ${response.status}`);
  }
  return (await response.json()) as RuntimeConfig;
}
