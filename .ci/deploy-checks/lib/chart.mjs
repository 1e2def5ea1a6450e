// Renders the Quarkmall chart with the real helm binary and validates every object against the
// Kubernetes (and Prometheus Operator, KEDA) schemas.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { parseAllDocuments } from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../../..");
export const chartDir = path.join(repoRoot, "helm/quarkmall");
export const helm = process.env.HELM ?? path.resolve(here, "../.tools/helm");
export const SERVICES = ["catalog", "cart-order", "stock", "pay", "loyalty", "shipping"];

/** The release and namespace render() uses unless told otherwise. */
export const RELEASE = "qm";
export const NAMESPACE = "quarkmall";

/** The name the chart gives a service's objects in a release (short release names: no truncation). */
export const objectName = (service, release = RELEASE) => `${release}-${service}`;

/** The values the chart is checked with: options for render(). */
export const VARIANTS = {
  default: {},
  production: { valuesFiles: ["values-production.yaml"] },
  "production with KEDA": { valuesFiles: ["values-production.yaml"], set: ["keda.enabled=true"] },
};

/** helm's own output, or the error it printed (helm exits non-zero on invalid values). */
export function runHelm(args) {
  try {
    return { ok: true, output: execFileSync(helm, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (e) {
    return { ok: false, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** The chart rendered as a release, with the given values files (paths relative to the chart) and --set pairs. */
export function render({ valuesFiles = [], set = [], release = RELEASE, namespace = NAMESPACE } = {}) {
  const args = ["template", release, chartDir, "--namespace", namespace];
  valuesFiles.forEach((f) => args.push("-f", path.join(chartDir, f)));
  set.forEach((s) => args.push("--set", s));
  const result = runHelm(args);
  if (!result.ok) throw new Error(`helm template failed:\n${result.output}`);
  return parseAllDocuments(result.output).map((d) => d.toJS()).filter(Boolean);
}

const MODULES = {
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "keda.sh": "@kubernetes-models/keda",
};

/** Throws, naming the object, when it does not match its kind's schema. */
export async function validate(doc) {
  const group = doc.apiVersion.includes("/") ? doc.apiVersion.split("/")[0] : "";
  const base = MODULES[group] ?? "kubernetes-models";
  const models = await import(`${base}/${doc.apiVersion}`);
  const Model = models[doc.kind];
  if (!Model) throw new Error(`no schema for ${doc.apiVersion} ${doc.kind}`);
  try {
    new Model(doc).validate();
  } catch (e) {
    throw new Error(`${doc.kind}/${doc.metadata?.name}: ${e.message}`);
  }
}
