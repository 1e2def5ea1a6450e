// Releases of the chart sharing one namespace: no object of one may overwrite, select or name an
// object of another. Each function returns the violations; empty means the releases keep apart.
import { selects } from "./chart-policy.mjs";

const id = (d) => `${d.kind}/${d.metadata.name}`;

/** Objects that two releases in one namespace would both own: the same kind and name. */
export function nameCollisions(mine, theirs) {
  const taken = new Set(theirs.map(id));
  return mine.map(id).filter((k) => taken.has(k)).map((k) => `${k} is in both releases`);
}

/** Every label selector of a release's objects, and whether it selects pods or (a ServiceMonitor's) Services. */
function labelSelectors(docs) {
  const found = [];
  const add = (d, where, selector, of = "pods") => found.push({ at: `${id(d)} ${where}`, selector, of });
  for (const d of docs) {
    if (d.kind === "Deployment") {
      add(d, "selector", d.spec.selector);
      for (const c of d.spec.template.spec.topologySpreadConstraints ?? []) add(d, "topologySpreadConstraint", c.labelSelector);
    }
    if (d.kind === "PodDisruptionBudget") add(d, "selector", d.spec.selector);
    if (d.kind === "Service") add(d, "selector", { matchLabels: d.spec.selector });
    if (d.kind === "ServiceMonitor") add(d, "selector", d.spec.selector, "Services");
    if (d.kind === "NetworkPolicy") {
      add(d, "podSelector", d.spec.podSelector);
      // A peer with a namespaceSelector selects pods of other namespaces (the ingress controller's, Prometheus').
      const peers = (d.spec.ingress ?? []).flatMap((r) => r.from ?? []).filter((p) => p.podSelector && !p.namespaceSelector);
      peers.forEach((p) => add(d, "ingress peer", p.podSelector));
    }
  }
  return found;
}

/** What a selector can select in a release: its Deployments' pods, or its Services. */
function selectable(docs, of) {
  return of === "pods"
    ? docs.filter((d) => d.kind === "Deployment").map((d) => ({ name: `${id(d)}'s pods`, labels: d.spec.template.metadata.labels }))
    : docs.filter((d) => d.kind === "Service").map((d) => ({ name: id(d), labels: d.metadata.labels }));
}

/** Selectors of each release (`releases`: { name: docs }) that select another release's objects, or none at all. */
export function selectorViolations(releases) {
  const found = [];
  for (const [release, docs] of Object.entries(releases)) {
    for (const { at, selector, of } of labelSelectors(docs)) {
      const hits = Object.entries(releases).flatMap(([owner, theirs]) =>
        selectable(theirs, of).filter((t) => selects(selector, t.labels)).map((t) => ({ owner, ...t })));
      if (hits.length === 0) found.push(`${release}: ${at} selects no ${of}`);
      for (const h of hits.filter((x) => x.owner !== release)) found.push(`${release}: ${at} selects ${h.owner}'s ${h.name}`);
    }
  }
  return found;
}

/** The objects of its own namespace an object names: [{ at, kind, name }]. */
function nameReferences(d) {
  const refs = [];
  const add = (where, kind, name) => refs.push({ at: `${id(d)} ${where}`, kind, name });
  if (d.kind === "HorizontalPodAutoscaler") add("scaleTargetRef", d.spec.scaleTargetRef.kind, d.spec.scaleTargetRef.name);
  if (d.kind === "ScaledObject") add("scaleTargetRef", d.spec.scaleTargetRef.kind ?? "Deployment", d.spec.scaleTargetRef.name);
  if (d.kind === "Ingress") {
    for (const p of (d.spec.rules ?? []).flatMap((r) => r.http?.paths ?? [])) add(`backend of ${p.path}`, "Service", p.backend.service?.name);
    for (const t of d.spec.tls ?? []) add("tls", "Secret", t.secretName);
  }
  if (d.kind === "Deployment") {
    const pod = d.spec.template.spec;
    if (pod.serviceAccountName) add("serviceAccountName", "ServiceAccount", pod.serviceAccountName);
    for (const c of pod.containers) {
      for (const from of c.envFrom ?? []) {
        if (from.configMapRef) add(`${c.name} envFrom`, "ConfigMap", from.configMapRef.name);
        if (from.secretRef) add(`${c.name} envFrom`, "Secret", from.secretRef.name);
      }
      for (const e of c.env ?? []) {
        const { configMapKeyRef, secretKeyRef } = e.valueFrom ?? {};
        if (configMapKeyRef) add(`${c.name} env ${e.name}`, "ConfigMap", configMapKeyRef.name);
        if (secretKeyRef) add(`${c.name} env ${e.name}`, "Secret", secretKeyRef.name);
        // A URL whose host is one DNS label is a Service of the pod's own namespace.
        const host = /^[a-z]+:\/\/([a-z0-9-]+)(?=[:/]|$)/.exec(e.value ?? "")?.[1];
        if (host) add(`${c.name} env ${e.name}`, "Service", host);
      }
    }
  }
  return refs;
}

/**
 * Names given by a release's objects that are not objects of that release, nor among `external`
 * ("Kind/name" of what the values name: the user's Secrets, an SPA Service).
 */
export function referenceViolations(docs, external = []) {
  const own = new Set([...docs.map(id), ...external]);
  return docs.flatMap(nameReferences)
    .filter((r) => !own.has(`${r.kind}/${r.name}`))
    .map((r) => `${r.at} names ${r.kind}/${r.name}, which is not this release's`);
}

/** The objects the values name, which the chart uses as named and never creates: "Kind/name". */
export function userNamedObjects(values) {
  const enabled = Object.entries(values.services).filter(([, svc]) => svc.enabled).map(([name]) => name);
  return [
    ...enabled.map((s) => `Secret/${values.postgres.secretPrefix}-${s}`),
    `Secret/${values.redis.existingSecret}`,
    `Secret/${values.opensearch.existingSecret}`,
    ...Object.values(values.services).filter((svc) => svc.enabled)
      .flatMap((svc) => (svc.secretEnv ?? []).map((env) => `Secret/${env.secret}`)),
    ...(values.ingress.tlsSecretName ? [`Secret/${values.ingress.tlsSecretName}`] : []),
    ...(values.ingress.spaBackend?.serviceName ? [`Service/${values.ingress.spaBackend.serviceName}`] : []),
  ];
}
