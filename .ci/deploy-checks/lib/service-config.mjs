// What the services' own configuration says about Kafka and REST, read from their
// application.properties, so the chart's values can be compared with it.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { SERVICES, chartDir, repoRoot } from "./chart.mjs";

/** key -> value of a .properties text: comments, `=`/`:`/space separators and `\` continuations. */
export function parseProperties(text) {
  const props = {};
  const logical = text.replace(/\\\r?\n[ \t]*/g, "").split(/\r?\n/);
  for (const raw of logical) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    const m = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(line) ?? [null, line, ""];
    props[m[1].replace(/\\(.)/g, "$1")] = m[2];
  }
  return props;
}

/** A value with `${key}` and `${key:default}` expressions resolved against props (unresolvable: the default or ""). */
function expand(props, value, depth = 0) {
  if (value === undefined || depth > 10) return value;
  return value.replace(/\$\{([^}:]+)(?::([^}]*))?\}/g, (_, key, dflt) => expand(props, props[key] ?? dflt ?? "", depth + 1));
}

/**
 * A service's production configuration: the shared common/ defaults overlaid by its own
 * application.properties, profiled keys (%test., %dev,local. ...) left out.
 */
export function loadServiceConfig(service, root = repoRoot) {
  const files = [
    path.join(root, "common/src/main/resources/META-INF/microprofile-config.properties"),
    path.join(root, service, "src/main/resources/application.properties"),
  ];
  return unprofiled(Object.assign({}, ...files.filter(existsSync).map((f) => parseProperties(readFileSync(f, "utf8")))));
}

/** Only the keys every profile, production included, sees: no `%test.`, `%dev,local.` ... */
export function unprofiled(props) {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith("%")));
}

/** The incoming channels and their topics: `.topic`, else `.topics` (comma-separated), else the channel's name. */
export function incomingChannels(props) {
  const names = new Set();
  for (const key of Object.keys(props)) {
    const m = /^mp\.messaging\.incoming\.([^.]+)\./.exec(key);
    if (m) names.add(m[1]);
  }
  return [...names].map((name) => {
    const at = (suffix) => expand(props, props[`mp.messaging.incoming.${name}.${suffix}`]);
    const topics = at("topic") !== undefined ? [at("topic")]
      : at("topics") !== undefined ? at("topics").split(",").map((t) => t.trim()).filter(Boolean)
      : [name];
    const group = at("group.id") ?? expand(props, props["kafka.group.id"]) ?? expand(props, props["quarkus.application.name"]);
    return { name, topics, group, pattern: at("pattern") === "true" };
  });
}

/**
 * A service's REST clients of other services: a `quarkus.rest-client."<svc>".url` (or `.uri`, quoted
 * or not) or a `quarkmall.<caller>.<svc>.url` whose config key names the callee, or whose URL's host
 * is the callee's Service. `variable` is the environment variable the URL is read from
 * (`${CART_ORDER_URL:http://cart-order}`), if it has one.
 */
export function restClients(props, services = SERVICES) {
  const clients = [];
  for (const [key, value] of Object.entries(props)) {
    const m = /^quarkus\.rest-client\.(?:"([^"]+)"|([^."]+))\.(?:url|uri)$/.exec(key)
      ?? /^quarkmall\.[a-z-]+\.()([a-z-]+)\.(?:url|uri)$/.exec(key);
    if (!m) continue;
    const name = m[1] || m[2];
    const host = /^[a-z]+:\/\/([^/:.]+)/i.exec(expand(props, value) ?? "")?.[1];
    const variable = /^\$\{([A-Z][A-Z0-9_]*)(?::[^}]*)?\}/.exec(value)?.[1];
    for (const s of services) if (s === name || s === host) clients.push({ callee: s, variable });
  }
  return clients;
}

/** The services a service calls over REST (see restClients). */
export function restCallees(props, services = SERVICES) {
  return [...new Set(restClients(props, services).map((c) => c.callee))];
}

/** What every service's configuration says: { <svc>: { channels, callees, clients } }. */
export function loadSources(root = repoRoot, services = SERVICES) {
  return Object.fromEntries(services.map((s) => {
    const props = loadServiceConfig(s, root);
    return [s, { channels: incomingChannels(props), callees: restCallees(props, services), clients: restClients(props, services) }];
  }));
}

/** Helm's merge of values files: maps merge key by key, anything else (lists too) is replaced. */
export function mergeValues(base, override) {
  const isMap = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const out = { ...base };
  for (const [k, v] of Object.entries(override ?? {})) out[k] = isMap(v) && isMap(base?.[k]) ? mergeValues(base[k], v) : v;
  return out;
}

/** The chart's values: the defaults, or the defaults with the named files (relative to the chart) on top. */
export function loadValues(files = []) {
  const read = (f) => parse(readFileSync(path.join(chartDir, f), "utf8"));
  return files.reduce((values, f) => mergeValues(values, read(f)), read("values.yaml"));
}
