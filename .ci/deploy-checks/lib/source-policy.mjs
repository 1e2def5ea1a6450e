// The chart's values against the services' own configuration (lib/service-config.mjs): each
// function returns the disagreements; empty means the chart says what the services do.

const sorted = (xs) => [...new Set(xs)].sort();
const minus = (xs, ys) => sorted(xs).filter((x) => !ys.includes(x));

/** services.<svc>.topics is exactly the set of topics its incoming channels read, and consumerGroup their group. */
export function kafkaDriftViolations(values, sources) {
  const found = [];
  for (const [s, { channels }] of Object.entries(sources)) {
    const svc = values.services?.[s];
    if (!svc) {
      found.push(`${s}: not in the chart's services`);
      continue;
    }
    const extras = svc.extraConsumers ?? [];
    const extraOf = (c) => extras.find((e) => e.group === c.group);
    const read = channels.filter((c) => !extraOf(c)).flatMap((c) => c.topics);
    const listed = svc.topics ?? [];
    for (const t of minus(read, listed)) found.push(`${s}: reads ${t}, but services.${s}.topics lacks it`);
    for (const t of minus(listed, read)) found.push(`${s}: services.${s}.topics lists ${t}, which ${s} never reads`);
    for (const c of channels) {
      if (c.pattern) found.push(`${s}: channel ${c.name} subscribes by pattern, which KEDA cannot follow`);
      const extra = extraOf(c);
      if (extra) {
        for (const t of minus(c.topics, extra.topics)) found.push(`${s}: group ${c.group} reads ${t}, but its extraConsumers entry lacks it`);
      } else if (c.group !== undefined && c.group !== svc.consumerGroup) {
        found.push(`${s}: channel ${c.name} consumes as group ${c.group}, but services.${s}.consumerGroup is ${svc.consumerGroup}`);
      }
    }
    for (const e of extras) {
      const reading = channels.filter((c) => c.group === e.group).flatMap((c) => c.topics);
      for (const t of minus(e.topics, reading)) found.push(`${s}: extraConsumers group ${e.group} lists ${t}, which no channel of that group reads`);
    }
  }
  return found;
}

/** services.<svc>.callers is exactly the set of services with a REST client for <svc>. */
export function restCallerViolations(values, sources) {
  const found = [];
  for (const s of Object.keys(sources)) {
    const listed = values.services?.[s]?.callers ?? [];
    const calling = Object.keys(sources).filter((c) => sources[c].callees.includes(s));
    for (const c of minus(listed, calling)) found.push(`${s}: admits ${c}, which has no REST client for ${s}`);
    for (const c of minus(calling, listed)) found.push(`${s}: ${c} calls it over REST, but services.${s}.callers lacks it`);
  }
  return found;
}

/**
 * Each REST client a service has (sources: loadSources()) reads its URL from an environment
 * variable that the caller's rendered Deployment (docs: one release) sets to the callee's Service
 * of that release. A service's objects are found by their label app.kubernetes.io/name.
 */
export function restUrlViolations(docs, sources) {
  const found = [];
  const of = (kind, service) => docs.find((d) => d.kind === kind && d.metadata.labels?.["app.kubernetes.io/name"] === service);
  for (const [caller, { clients }] of Object.entries(sources)) {
    const env = of("Deployment", caller)?.spec.template.spec.containers.flatMap((c) => c.env ?? []) ?? [];
    for (const { callee, variable } of clients) {
      const service = of("Service", callee)?.metadata.name;
      const value = env.find((e) => e.name === variable)?.value;
      if (!variable) found.push(`${caller}: its URL of ${callee} reads no environment variable the chart could set`);
      else if (value === undefined) found.push(`${caller}: ${variable} is not set, so ${caller} calls ${callee} at its built-in URL`);
      else if (value !== `http://${service}`) found.push(`${caller}: ${variable} is ${value}, not http://${service}`);
    }
  }
  return found;
}
