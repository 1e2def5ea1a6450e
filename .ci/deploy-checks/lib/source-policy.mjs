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
