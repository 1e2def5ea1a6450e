import { test } from "node:test";
import assert from "node:assert/strict";
import { SERVICES, VARIANTS, chartDir, objectName, render, runHelm, validate } from "../lib/chart.mjs";
import {
  coverageViolations, deploymentViolations, ingressViolations, literalSecretViolations, networkPolicyPortViolations,
  probeViolations, scrapeViolations,
} from "../lib/chart-policy.mjs";

const MONITORING = "monitoring";
/** Each service's object name in render()'s release. */
const NAMES = SERVICES.map((s) => objectName(s));

for (const [variant, options] of Object.entries(VARIANTS)) {
  test(`helm lint passes with the ${variant} values`, () => {
    const args = ["lint", "--strict", chartDir];
    (options.valuesFiles ?? []).forEach((f) => args.push("-f", `${chartDir}/${f}`));
    (options.set ?? []).forEach((s) => args.push("--set", s));
    const result = runHelm(args);
    assert.ok(result.ok, result.output);
  });

  test(`every object rendered with the ${variant} values matches its Kubernetes schema`, async () => {
    const docs = render(options);
    assert.ok(docs.length > 0);
    for (const doc of docs) await validate(doc);
  });

  test(`every Deployment rendered with the ${variant} values has probes, limits and runs locked down`, () => {
    const deployments = render(options).filter((d) => d.kind === "Deployment");
    assert.equal(deployments.length, SERVICES.length);
    assert.deepEqual(deployments.flatMap(deploymentViolations), []);
  });

  test(`each service rendered with the ${variant} values has an autoscaler, a PDB and a NetworkPolicy`, () => {
    assert.deepEqual(coverageViolations(render(options), NAMES), []);
  });

  test(`no credential is a literal in the ${variant} rendering`, () => {
    assert.deepEqual(literalSecretViolations(render(options)), []);
  });

  test(`with the ${variant} values, probes and scraping use the management port, which only Prometheus and no Ingress reaches`, () => {
    const docs = render(options);
    assert.deepEqual(docs.filter((d) => d.kind === "Deployment").flatMap(probeViolations), []);
    assert.equal(docs.filter((d) => d.kind === "ServiceMonitor").length, SERVICES.length);
    assert.deepEqual(scrapeViolations(docs), []);
    assert.deepEqual(ingressViolations(docs), []);
    assert.deepEqual(networkPolicyPortViolations(docs, MONITORING), []);
  });
}

test("production differs from the defaults in replicas, autoscaling bounds and resources", () => {
  const byKind = (docs, kind, name) => docs.find((d) => d.kind === kind && d.metadata.name === name);
  const dflt = render();
  const prod = render(VARIANTS.production);
  for (const s of NAMES) {
    assert.ok(byKind(prod, "Deployment", s).spec.replicas > byKind(dflt, "Deployment", s).spec.replicas, s);
    assert.ok(byKind(prod, "HorizontalPodAutoscaler", s).spec.maxReplicas > byKind(dflt, "HorizontalPodAutoscaler", s).spec.maxReplicas, s);
    const mem = (docs) => byKind(docs, "Deployment", s).spec.template.spec.containers[0].resources.limits.memory;
    assert.notEqual(mem(prod), mem(dflt), s);
  }
});

test("a NetworkPolicy admits the ingress controller and the declared callers on http, Prometheus on management", () => {
  const policy = render().find((d) => d.kind === "NetworkPolicy" && d.metadata.name === objectName("cart-order"));
  const [api, management] = policy.spec.ingress;
  assert.equal(policy.spec.ingress.length, 2);
  assert.deepEqual(api.from.map((p) => p.namespaceSelector?.matchLabels ?? p.podSelector.matchLabels["app.kubernetes.io/name"]),
    [{ "kubernetes.io/metadata.name": "kube-system" }, "pay"]);
  assert.deepEqual(api.ports.map((p) => p.port), ["http"]);
  assert.deepEqual(management.from, [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": MONITORING } } }]);
  assert.deepEqual(management.ports.map((p) => p.port), ["management"]);
});

test("the Ingress routes /api/<service> of every service", () => {
  const ingress = render().find((d) => d.kind === "Ingress");
  const paths = ingress.spec.rules[0].http.paths.map((p) => p.path);
  assert.deepEqual(paths.sort(), SERVICES.map((s) => `/api/${s}`).sort());
});

test("a Deployment that lost its probes is caught", () => {
  const deployment = structuredClone(render().find((d) => d.kind === "Deployment"));
  delete deployment.spec.template.spec.containers[0].readinessProbe;
  delete deployment.spec.template.spec.containers[0].livenessProbe;
  const violations = deploymentViolations(deployment);
  assert.ok(violations.some((v) => v.endsWith("no readinessProbe")), violations.join("\n"));
  assert.ok(violations.some((v) => v.endsWith("no livenessProbe")), violations.join("\n"));
});

test("a Deployment running as root with a writable root filesystem and no limits is caught", () => {
  const deployment = structuredClone(render().find((d) => d.kind === "Deployment"));
  const pod = deployment.spec.template.spec;
  pod.securityContext.runAsNonRoot = false;
  pod.containers[0].securityContext.readOnlyRootFilesystem = false;
  delete pod.containers[0].resources.limits;
  assert.equal(deploymentViolations(deployment).length, 4);
});

test("probes on the API port are caught", () => {
  const deployment = structuredClone(render().find((d) => d.kind === "Deployment"));
  const container = deployment.spec.template.spec.containers[0];
  container.readinessProbe.httpGet = { path: `/api/${deployment.metadata.name}/q/health/ready`, port: "http" };
  container.ports = container.ports.filter((p) => p.name !== "management");
  assert.deepEqual(probeViolations(deployment).map((v) => v.split(": ")[1]),
    ["no container port management on 9000", "readinessProbe uses port http", `readinessProbe asks /api/${deployment.metadata.name}/q/health/ready, not /q/health/*`]);
});

test("a ServiceMonitor scraping the API port is caught", () => {
  const docs = structuredClone(render());
  const monitor = docs.find((d) => d.kind === "ServiceMonitor" && d.metadata.name === "qm-pay");
  monitor.spec.endpoints[0] = { ...monitor.spec.endpoints[0], port: "http", path: "/api/pay/q/metrics" };
  assert.deepEqual(scrapeViolations(docs), ["qm-pay: scrapes port http", "qm-pay: scrapes /api/pay/q/metrics"]);
});

test("a ServiceMonitor selecting no Service, or one without the management port, is caught", () => {
  const docs = structuredClone(render());
  docs.find((d) => d.kind === "ServiceMonitor" && d.metadata.name === "qm-pay").spec.selector.matchLabels["app.kubernetes.io/instance"] = "other";
  const stock = docs.find((d) => d.kind === "Service" && d.metadata.name === "qm-stock");
  stock.spec.ports = stock.spec.ports.filter((p) => p.name !== "management");
  assert.deepEqual(scrapeViolations(docs), ["qm-pay: selects no Service", "qm-stock: its Service qm-stock has no management port"]);
});

test("an Ingress routing the management port or a /q path is caught", () => {
  const docs = structuredClone(render());
  const paths = docs.find((d) => d.kind === "Ingress").spec.rules[0].http.paths;
  paths.push({ path: "/q/metrics", pathType: "Prefix", backend: { service: { name: "pay", port: { name: "management" } } } });
  paths.push({ path: "/api/pay/q", pathType: "Prefix", backend: { service: { name: "pay", port: { number: 9000 } } } });
  assert.deepEqual(ingressViolations(docs), [
    "qm: /q/metrics routes the management port", "qm: routes /q/metrics",
    "qm: /api/pay/q routes the management port", "qm: routes /api/pay/q",
  ]);
});

test("a NetworkPolicy letting the ingress controller reach management, or Prometheus reach http, is caught", () => {
  const docs = structuredClone(render());
  const [api, management] = docs.find((d) => d.kind === "NetworkPolicy" && d.metadata.name === "qm-stock").spec.ingress;
  api.ports.push({ port: "management", protocol: "TCP" });
  management.ports = [];
  assert.deepEqual(networkPolicyPortViolations(docs, MONITORING), [
    "qm-stock: kube-system may reach http, management, not only http",
    "qm-stock: monitoring may reach every port, not only management",
  ]);
});

test("a service missing its PDB is caught", () => {
  const docs = render().filter((d) => !(d.kind === "PodDisruptionBudget" && d.metadata.name === "qm-pay"));
  assert.deepEqual(coverageViolations(docs, NAMES), ["qm-pay: no PodDisruptionBudget"]);
});

test("values.schema.json rejects bad values", () => {
  for (const bad of ["image.flavor=wasm", "image.tag=latest", "oidc.issuer=http://plain", "postgres.sslmode=disable",
    "defaults.autoscaling.maxReplicas=0", "services.pay.callers[0]=nobody", "services.catalog.database=Bad-Name"]) {
    const result = runHelm(["template", "qm", chartDir, "--set", bad]);
    assert.equal(result.ok, false, `accepted ${bad}`);
    assert.match(result.output, /schema/, bad);
  }
});

test("schema validation rejects a malformed object", async () => {
  const deployment = structuredClone(render().find((d) => d.kind === "Deployment"));
  deployment.spec.replicas = "two";
  await assert.rejects(validate(deployment), /Deployment\/[a-z-]+: .*replicas must be integer/);
});

test("in production pay's and cart-order's master keys are AWS KMS by the keys' aliases; no other service and no default gets one", () => {
  const envOf = (docs, service) => Object.fromEntries(docs.find((d) => d.kind === "Deployment" && d.metadata.name === objectName(service))
    .spec.template.spec.containers[0].env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value]));
  const prod = render(VARIANTS.production);
  assert.equal(envOf(prod, "pay").QUARKMALL_CRYPTO_PROVIDER, "kms");
  assert.match(envOf(prod, "pay").QUARKMALL_CRYPTO_KMS_KEYS, /^1=alias\/quarkmall-production-pay-master$/);
  assert.equal(envOf(render(), "pay").QUARKMALL_CRYPTO_PROVIDER, undefined, "without a provider pay refuses to start");
  assert.equal(envOf(prod, "cart-order").QUARKMALL_CRYPTO_PROVIDER, "kms");
  assert.match(envOf(prod, "cart-order").QUARKMALL_CRYPTO_KMS_KEYS, /^1=alias\/quarkmall-production-cart-order-master$/);
  assert.equal(envOf(render(), "cart-order").QUARKMALL_CRYPTO_PROVIDER, undefined);
  for (const service of SERVICES.filter((s) => s !== "pay" && s !== "cart-order")) {
    assert.equal(envOf(prod, service).QUARKMALL_CRYPTO_PROVIDER, undefined);
  }
});
