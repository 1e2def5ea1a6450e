// values.schema.json against what it describes: the keys of values.yaml and the .Values paths the
// templates read. Each function returns the disagreements; empty means schema, values and
// templates agree.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { chartDir } from "./chart.mjs";

export const loadSchema = () => JSON.parse(readFileSync(path.join(chartDir, "values.schema.json"), "utf8"));

/** Helm's own key: a parent chart hands `global` to its subcharts, so the schema allows it unset. */
const HELM_KEYS = ["global"];

const isMap = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** The schema a local `$ref` ("#/properties/defaults/...") points at, followed until it is no ref. */
function deref(schema, node) {
  while (node?.$ref) {
    if (!node.$ref.startsWith("#/")) throw new Error(`only local refs are followed: ${node.$ref}`);
    node = node.$ref.slice(2).split("/").reduce((n, k) => n?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], schema);
  }
  return node;
}

/** The values' violations of the schema, in Ajv's words (helm checks the same schema with its own validator). */
export function schemaErrors(schema, values) {
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  return validate(values) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
}

/**
 * Keys of values.yaml the schema does not declare, and properties the schema declares that
 * values.yaml does not set. A property may be left unset only when it overrides one that is: its
 * schema is a `$ref` to a property of the values (services.<svc>.autoscaling -> defaults.autoscaling).
 */
export function valuesDriftViolations(schema, values) {
  const found = [];
  // "#/properties/defaults/properties/autoscaling" is the value at defaults.autoscaling.
  const isSet = (ref) => ref?.startsWith("#/properties/") && ref.slice("#/properties/".length).split("/properties/")
    .reduce((v, k) => (isMap(v) ? v[k] : undefined), values) !== undefined;
  const walk = (node, value, where) => {
    node = deref(schema, node);
    if (!isMap(value) || !node?.properties) return;
    for (const key of Object.keys(value)) {
      if (!(key in node.properties)) found.push(`${where}${key}: set in values.yaml, not declared by the schema`);
    }
    for (const [key, property] of Object.entries(node.properties)) {
      if (key in value) walk(property, value[key], `${where}${key}.`);
      else if (!(where === "" && HELM_KEYS.includes(key)) && !isSet(property.$ref)) {
        found.push(`${where}${key}: declared by the schema, not set in values.yaml`);
      }
    }
  };
  walk(schema, values, "");
  return found;
}

/** Objects of the schema that accept undeclared keys, or require a key they do not declare. */
export function openObjectViolations(schema) {
  const found = [];
  const walk = (node, where) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
    if (!isMap(node)) return;
    if (node.properties && node.additionalProperties !== false) found.push(`${where}: declares properties but admits others`);
    for (const key of node.required ?? []) {
      if (!(key in (node.properties ?? {}))) found.push(`${where}: requires ${key}, which it does not declare`);
    }
    for (const [key, sub] of Object.entries(node)) if (key !== "enum" && key !== "const") walk(sub, `${where}/${key}`);
  };
  walk(schema, "#");
  return found;
}

// A template action, `{{ ... }}` or `{{- ... -}}`, a template comment taken whole.
const ACTION = /\{\{-?\s*(\/\*[\s\S]*?\*\/|[\s\S]*?)\s*-?\}\}/g;
/** `$var.a.b`, `$.a.b`, `.a.b` or `$var`: base, field chain, bare variable. */
const PATH_SOURCE = String.raw`(?:(\$[A-Za-z_]\w*|\$)?((?:\.[A-Za-z_]\w*)+)|(\$[A-Za-z_]\w*))`;
/** Every path in an action, but no field that follows `)` or `]`: `($a | default $b).f` is not followed. */
const PATH = new RegExp(String.raw`(?<![\w)\]$.])` + PATH_SOURCE, "g");
/** The path an expression starts with: `.Values.services` of `range $k, $v := .Values.services`. */
const LEADING_PATH = new RegExp(String.raw`^\s*` + PATH_SOURCE);

/**
 * The .Values paths a template reads: `.Values.a.b`, `$.Values.a.b`, `.root.Values.a.b`, and through
 * what stands for a part of the values: a variable bound by `range $k, $v := .Values.services`
 * (`$v.topics` reads services.*.topics) or by `$x := <path> | ...`, and the dot inside `with` and
 * `range`. Dynamic access (`index .svc .key`) and fields after a parenthesis are not followed.
 * Returns [{ path: ["services", "*", "topics"], line }].
 */
export function templateValueReferences(text) {
  const refs = [];
  const frames = [{ dot: null, vars: new Map() }];
  const top = () => frames[frames.length - 1];
  const variable = (name) => frames.findLast((f) => f.vars.has(name))?.vars.get(name) ?? null;
  const resolve = ([, base, chain, bare]) => {
    if (bare) return variable(bare);
    const fields = chain.slice(1).split(".");
    const at = fields.indexOf("Values");
    if (at >= 0) return fields.slice(at + 1);
    const from = base === undefined ? top().dot : base === "$" ? null : variable(base);
    return from && [...from, ...fields];
  };
  const leading = (expr) => {
    const m = LEADING_PATH.exec(expr);
    return m ? resolve(m) : null;
  };
  for (const m of text.matchAll(ACTION)) {
    if (m[1].startsWith("/*")) continue;
    const action = m[1].replace(/"(?:[^"\\]|\\.)*"|`[^`]*`/g, '""');
    const line = text.slice(0, m.index).split("\n").length;
    refs.push(...[...action.matchAll(PATH)].map(resolve).filter(Boolean).map((p) => ({ path: p, line })));
    const [, word, rest] = /^(\w*)\s*([\s\S]*)$/.exec(action);
    if (word === "end") frames.pop();
    else if (word === "define" || word === "block") frames.push({ dot: null, vars: new Map() });
    else if (word === "if") frames.push({ dot: top().dot, vars: new Map() });
    else if (word === "with") frames.push({ dot: leading(rest), vars: new Map() });
    else if (word === "range") {
      const [, k, v, target] = /^(?:(\$\w+)\s*(?:,\s*(\$\w+))?\s*:=\s*)?([\s\S]*)$/.exec(rest);
      const each = leading(target) && [...leading(target), "*"];
      const vars = v ? new Map([[k, null], [v, each]]) : new Map(k ? [[k, each]] : []);
      frames.push({ dot: each, vars });
    } else {
      const assign = /^(\$\w+)\s*:?=\s*([\s\S]*)$/.exec(action);
      if (assign) top().vars.set(assign[1], leading(assign[2]));
    }
  }
  return refs;
}

/** The paths every file under the chart's templates/ reads: [{ path, where }]. */
export function chartValueReferences(dir = path.join(chartDir, "templates")) {
  return readdirSync(dir).flatMap((f) => templateValueReferences(readFileSync(path.join(dir, f), "utf8"))
    .map(({ path: p, line }) => ({ path: p, where: `${f}:${line}` })));
}

/** Whether the schema declares a path; "*" stands for every property of a map, or an array's items. */
function declares(schema, node, [head, ...rest]) {
  node = deref(schema, node);
  if (head === undefined) return true;
  if (head === "*") {
    if (node?.items) return declares(schema, node.items, rest);
    if (node?.properties) return Object.values(node.properties).every((p) => declares(schema, p, rest));
  } else if (node?.properties) {
    return head in node.properties && declares(schema, node.properties[head], rest);
  }
  return isMap(node?.additionalProperties) && declares(schema, node.additionalProperties, rest);
}

/** Template reads (chartValueReferences) of paths the schema does not declare. */
export function undeclaredReferenceViolations(schema, refs) {
  return refs.filter((r) => !declares(schema, schema, r.path))
    .map((r) => `${r.where}: reads .Values.${r.path.join(".")}, which the schema does not declare`);
}
