// What every Quarkmall workload must be, as pure functions of rendered manifests: each returns
// the list of violations (empty when the manifests comply), so tests can show both outcomes.

/** A Deployment's own shortcomings: probes, limits, non-root, read-only root, no escalation. */
export function deploymentViolations(deployment) {
  const name = deployment.metadata.name;
  const pod = deployment.spec.template.spec;
  const found = [];
  if (pod.securityContext?.runAsNonRoot !== true) found.push(`${name}: pod does not require runAsNonRoot`);
  for (const c of pod.containers) {
    const where = `${name}/${c.name}`;
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      if (!c[probe]) found.push(`${where}: no ${probe}`);
    }
    for (const r of ["cpu", "memory"]) {
      if (!c.resources?.limits?.[r]) found.push(`${where}: no ${r} limit`);
      if (!c.resources?.requests?.[r]) found.push(`${where}: no ${r} request`);
    }
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true) found.push(`${where}: root filesystem is writable`);
    if (sc.allowPrivilegeEscalation !== false) found.push(`${where}: privilege escalation allowed`);
    if (sc.privileged === true) found.push(`${where}: privileged`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) found.push(`${where}: capabilities not dropped`);
    if (/:latest$|^[^:]+$/.test(c.image)) found.push(`${where}: image ${c.image} has no fixed tag`);
  }
  return found;
}

/**
 * Each service needs a Deployment, an autoscaler (HPA, or KEDA's ScaledObject), a PDB and a
 * NetworkPolicy, all with the service's object name (`names`: one a service).
 */
export function coverageViolations(docs, names) {
  const named = (kinds, name) => docs.some((d) => kinds.includes(d.kind) && d.metadata.name === name);
  const found = [];
  for (const s of names) {
    if (!named(["Deployment"], s)) found.push(`${s}: no Deployment`);
    if (!named(["HorizontalPodAutoscaler", "ScaledObject"], s)) found.push(`${s}: no autoscaler`);
    if (!named(["PodDisruptionBudget"], s)) found.push(`${s}: no PodDisruptionBudget`);
    if (!named(["NetworkPolicy"], s)) found.push(`${s}: no NetworkPolicy`);
  }
  return found;
}

/** Secrets come from named Secrets only: no credential may appear as a literal env value. */
export function literalSecretViolations(docs) {
  const found = [];
  for (const d of docs.filter((x) => x.kind === "Deployment")) {
    for (const c of d.spec.template.spec.containers) {
      for (const e of c.env ?? []) {
        if (/PASSWORD|SECRET|TOKEN/.test(e.name) && e.value !== undefined) {
          found.push(`${d.metadata.name}: ${e.name} is a literal value`);
        }
      }
    }
  }
  return found;
}

/** Health, metrics and OpenAPI live on Quarkus' management interface: port `management` (9000), root /q. */
export const MANAGEMENT = { name: "management", port: 9000 };

/** Probes ask the management port for /q/health/*, never the API port. */
export function probeViolations(deployment) {
  const found = [];
  for (const c of deployment.spec.template.spec.containers) {
    const where = `${deployment.metadata.name}/${c.name}`;
    const port = (c.ports ?? []).find((p) => p.name === MANAGEMENT.name);
    if (port?.containerPort !== MANAGEMENT.port) found.push(`${where}: no container port ${MANAGEMENT.name} on ${MANAGEMENT.port}`);
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const get = c[probe]?.httpGet;
      if (!get) continue;
      if (get.port !== MANAGEMENT.name && get.port !== MANAGEMENT.port) found.push(`${where}: ${probe} uses port ${get.port}`);
      if (!String(get.path).startsWith("/q/health/")) found.push(`${where}: ${probe} asks ${get.path}, not /q/health/*`);
    }
  }
  return found;
}

/** Whether a label selector (matchLabels and matchExpressions) selects an object with these labels. */
export function selects(selector, labels = {}) {
  const expression = ({ key, operator, values = [] }) => ({
    In: values.includes(labels[key]),
    NotIn: !values.includes(labels[key]),
    Exists: key in labels,
    DoesNotExist: !(key in labels),
  })[operator];
  return Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v)
    && (selector?.matchExpressions ?? []).every(expression);
}

/** Prometheus scrapes /q/metrics on the management port of the Services its ServiceMonitor selects. */
export function scrapeViolations(docs) {
  const found = [];
  for (const m of docs.filter((d) => d.kind === "ServiceMonitor")) {
    const services = docs.filter((d) => d.kind === "Service" && selects(m.spec.selector, d.metadata.labels));
    if (services.length === 0) found.push(`${m.metadata.name}: selects no Service`);
    for (const service of services.filter((s) => !s.spec.ports.some((p) => p.name === MANAGEMENT.name))) {
      found.push(`${m.metadata.name}: its Service ${service.metadata.name} has no ${MANAGEMENT.name} port`);
    }
    for (const e of m.spec.endpoints) {
      if (e.port !== MANAGEMENT.name) found.push(`${m.metadata.name}: scrapes port ${e.port}`);
      if (e.path !== "/q/metrics") found.push(`${m.metadata.name}: scrapes ${e.path}`);
    }
  }
  return found;
}

/** The Ingress reaches the services' http port only, and no /q path (health, metrics, OpenAPI). */
export function ingressViolations(docs) {
  const found = [];
  for (const ingress of docs.filter((d) => d.kind === "Ingress")) {
    for (const p of (ingress.spec.rules ?? []).flatMap((r) => r.http?.paths ?? [])) {
      const { name, number } = p.backend.service?.port ?? {};
      if (name === MANAGEMENT.name || number === MANAGEMENT.port) found.push(`${ingress.metadata.name}: ${p.path} routes the management port`);
      if (/(^|\/)q(\/|$)/.test(p.path)) found.push(`${ingress.metadata.name}: routes ${p.path}`);
    }
  }
  return found;
}

/**
 * NetworkPolicy rules: the monitoring namespace, alone in its rule, reaches the management port only;
 * every other peer (the ingress controller's namespace, callers) the http port only.
 */
export function networkPolicyPortViolations(docs, monitoringNamespace) {
  const found = [];
  const namespace = (peer) => peer.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"];
  const label = (peer) => namespace(peer) ?? peer.podSelector?.matchLabels?.["app.kubernetes.io/name"] ?? "any pod";
  for (const policy of docs.filter((d) => d.kind === "NetworkPolicy")) {
    for (const rule of policy.spec.ingress ?? []) {
      const name = policy.metadata.name;
      const peers = rule.from ?? [];
      const ports = (rule.ports ?? []).map((p) => p.port);
      const monitors = peers.filter((p) => namespace(p) === monitoringNamespace);
      const allowed = monitors.length > 0 ? MANAGEMENT.name : "http";
      if (peers.length === 0) found.push(`${name}: a rule admits every source`);
      if (monitors.length > 0 && monitors.length < peers.length) found.push(`${name}: ${monitoringNamespace} shares a rule with other peers`);
      if (ports.length === 0 || ports.some((p) => p !== allowed)) {
        found.push(`${name}: ${peers.map(label).join(", ")} may reach ${ports.join(", ") || "every port"}, not only ${allowed}`);
      }
    }
  }
  return found;
}
