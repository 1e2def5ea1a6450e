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

/** Each service needs a Deployment, an autoscaler (HPA, or KEDA's ScaledObject), a PDB and a NetworkPolicy. */
export function coverageViolations(docs, services) {
  const named = (kinds, name) => docs.some((d) => kinds.includes(d.kind) && d.metadata.name === name);
  const found = [];
  for (const s of services) {
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
