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
    const read = channels.flatMap((c) => c.topics);
    const listed = svc.topics ?? [];
    for (const t of minus(read, listed)) found.push(`${s}: reads ${t}, but services.${s}.topics lacks it`);
    for (const t of minus(listed, read)) found.push(`${s}: services.${s}.topics lists ${t}, which ${s} never reads`);
    for (const c of channels) {
      if (c.pattern) found.push(`${s}: channel ${c.name} subscribes by pattern, which KEDA cannot follow`);
      if (c.group !== undefined && c.group !== svc.consumerGroup) {
        found.push(`${s}: channel ${c.name} consumes as group ${c.group}, but services.${s}.consumerGroup is ${svc.consumerGroup}`);
      }
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
 * The values without what `landing` declares: entries the chart carries ahead of a source change
 * on another branch ({ <svc>: { topics: [...], callers: [...] } }).
 */
export function withoutLanding(values, landing) {
  const services = structuredClone(values.services ?? {});
  for (const [s, ahead] of Object.entries(landing)) {
    for (const key of ["topics", "callers"]) {
      if (services[s]?.[key]) services[s][key] = services[s][key].filter((x) => !(ahead[key] ?? []).includes(x));
    }
  }
  return { ...values, services };
}

/** A landing entry the sources already have is stale: it must go, so the check is exact again. */
export function staleLandingViolations(landing, sources) {
  const found = [];
  for (const [s, ahead] of Object.entries(landing)) {
    const read = (sources[s]?.channels ?? []).flatMap((c) => c.topics);
    for (const t of ahead.topics ?? []) if (read.includes(t)) found.push(`${s}: now reads ${t}; drop it from the landing list`);
    for (const c of ahead.callers ?? []) {
      if (sources[c]?.callees.includes(s)) found.push(`${s}: ${c} now has its REST client; drop it from the landing list`);
    }
  }
  return found;
}
