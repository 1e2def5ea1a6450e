import { test } from "node:test";
import assert from "node:assert/strict";
import { SERVICES, VARIANTS, render } from "../lib/chart.mjs";
import { loadValues } from "../lib/service-config.mjs";
import { nameCollisions, referenceViolations, selectorViolations, userNamedObjects } from "../lib/release-policy.mjs";

const NAMESPACE = "shop";

/** Releases a and b of the chart, rendered into one namespace with the same values. */
const twoReleases = (options = {}) => ({
  a: render({ ...options, release: "a", namespace: NAMESPACE }),
  b: render({ ...options, release: "b", namespace: NAMESPACE }),
});

for (const [variant, options] of Object.entries(VARIANTS)) {
  test(`two releases with the ${variant} values in one namespace share no object name`, () => {
    const { a, b } = twoReleases(options);
    assert.ok(a.length > 0);
    assert.deepEqual(nameCollisions(a, b), []);
  });

  test(`with the ${variant} values, every selector of a release selects that release's pods and Services only`, () => {
    assert.deepEqual(selectorViolations(twoReleases(options)), []);
  });

  test(`with the ${variant} values, every name a release's objects give is its own object or one the values name`, () => {
    const external = userNamedObjects(loadValues(options.valuesFiles ?? []));
    for (const docs of Object.values(twoReleases(options))) assert.deepEqual(referenceViolations(docs, external), []);
  });
}

test("a release's objects are named <release>-<service>, or after fullnameOverride", () => {
  const deployments = (options) => render(options).filter((d) => d.kind === "Deployment").map((d) => d.metadata.name).sort();
  assert.deepEqual(deployments({ release: "a" }), SERVICES.map((s) => `a-${s}`).sort());
  assert.deepEqual(deployments({ release: "a", set: ["fullnameOverride=shop"] }), SERVICES.map((s) => `shop-${s}`).sort());
  const shared = render({ release: "a" }).filter((d) => ["ConfigMap", "Ingress"].includes(d.kind)).map((d) => `${d.kind}/${d.metadata.name}`);
  assert.deepEqual(shared.sort(), ["ConfigMap/a-config", "Ingress/a"]);
});

test("with the longest release name Helm allows, names keep within 63 characters and end in the whole service name", () => {
  const release = "r".repeat(53);
  const docs = render({ release });
  for (const s of SERVICES) {
    const name = docs.find((d) => d.kind === "Deployment" && d.metadata.labels["app.kubernetes.io/name"] === s).metadata.name;
    assert.ok(name.length <= 63, name);
    assert.ok(name.endsWith(`r-${s}`), name);
  }
  assert.deepEqual(referenceViolations(docs, userNamedObjects(loadValues())), []);
});

test("a name both releases use is caught", () => {
  const { a, b } = structuredClone(twoReleases());
  b.find((d) => d.kind === "Service" && d.metadata.name === "b-pay").metadata.name = "a-pay";
  assert.deepEqual(nameCollisions(a, b), ["Service/a-pay is in both releases"]);
});

test("a selector without the release's instance label, or selecting nothing, is caught", () => {
  const releases = structuredClone(twoReleases());
  const policy = releases.a.find((d) => d.kind === "NetworkPolicy" && d.metadata.name === "a-cart-order");
  delete policy.spec.ingress[0].from[1].podSelector.matchLabels["app.kubernetes.io/instance"];
  releases.a.find((d) => d.kind === "Service" && d.metadata.name === "a-stock").spec.selector["app.kubernetes.io/name"] = "stocks";
  assert.deepEqual(selectorViolations(releases), [
    "a: NetworkPolicy/a-cart-order ingress peer selects b's Deployment/b-pay's pods",
    "a: Service/a-stock selector selects no pods",
  ]);
});

test("an autoscaler, a backend or a service URL naming an object outside the release is caught", () => {
  const docs = structuredClone(twoReleases().a);
  docs.find((d) => d.kind === "HorizontalPodAutoscaler" && d.metadata.name === "a-loyalty").spec.scaleTargetRef.name = "loyalty";
  docs.find((d) => d.kind === "Ingress").spec.rules[0].http.paths.find((p) => p.path === "/api/catalog").backend.service.name = "b-catalog";
  const pay = docs.find((d) => d.kind === "Deployment" && d.metadata.name === "a-pay").spec.template.spec.containers[0];
  pay.env.find((e) => e.name === "CART_ORDER_URL").value = "http://cart-order";
  assert.deepEqual(referenceViolations(docs, userNamedObjects(loadValues())), [
    "Deployment/a-pay pay env CART_ORDER_URL names Service/cart-order, which is not this release's",
    "HorizontalPodAutoscaler/a-loyalty scaleTargetRef names Deployment/loyalty, which is not this release's",
    "Ingress/a backend of /api/catalog names Service/b-catalog, which is not this release's",
  ]);
});
