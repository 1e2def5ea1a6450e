import { test } from "node:test";
import assert from "node:assert/strict";
import { SERVICES, render } from "../lib/chart.mjs";
import { incomingChannels, loadSources, loadValues, parseProperties, restCallees, restClients, unprofiled } from "../lib/service-config.mjs";
import { kafkaDriftViolations, restCallerViolations, restUrlViolations } from "../lib/source-policy.mjs";

const sources = loadSources();
const VALUES = { default: [], production: ["values-production.yaml"] };

test("every service's application.properties is read and has its incoming channels", () => {
  assert.deepEqual(Object.keys(sources), SERVICES);
  for (const s of SERVICES) assert.ok(sources[s].channels.length > 0, `${s} has no incoming channel`);
});

for (const [variant, files] of Object.entries(VALUES)) {
  test(`with the ${variant} values, each service's topics and consumer group are what its channels read`, () => {
    assert.deepEqual(kafkaDriftViolations(loadValues(files), sources), []);
  });

  test(`with the ${variant} values, each service's callers are the services with a REST client for it`, () => {
    assert.deepEqual(restCallerViolations(loadValues(files), sources), []);
  });
}

test("each REST client reads its URL from a variable the chart sets to the callee's Service in the release", () => {
  assert.ok(Object.values(sources).some((s) => s.clients.length > 0), "no service has a REST client");
  assert.deepEqual(restUrlViolations(render(), sources), []);
  assert.deepEqual(restUrlViolations(render({ release: "other" }), sources), []);
});

test("a REST client whose variable the chart does not set, or sets to another Service, is caught", () => {
  const docs = structuredClone(render());
  const env = docs.find((d) => d.kind === "Deployment" && d.metadata.name === "qm-pay").spec.template.spec.containers[0].env;
  env.find((e) => e.name === "CART_ORDER_URL").value = "http://cart-order";
  const renamed = structuredClone(sources);
  renamed.pay.clients.push({ callee: "cart-order", variable: "ORDERS_URL" }, { callee: "cart-order", variable: undefined });
  assert.deepEqual(restUrlViolations(docs, renamed), [
    "pay: CART_ORDER_URL is http://cart-order, not http://qm-cart-order",
    "pay: ORDERS_URL is not set, so pay calls cart-order at its built-in URL",
    "pay: its URL of cart-order reads no environment variable the chart could set",
  ]);
});

test("the drift this check was written for is caught: a topic missing, one never read, another group", () => {
  const values = loadValues();
  values.services["cart-order"].topics = values.services["cart-order"].topics.filter((t) => t !== "catalog.product.v1");
  values.services.loyalty.topics.push("payment.v1");
  values.services.shipping.consumerGroup = "shipping-v2";
  values.services.stock.extraConsumers = [{ group: "stock-flashsale", topics: ["payment.v1"] }];
  assert.deepEqual(kafkaDriftViolations(values, sources), [
    "cart-order: reads catalog.product.v1, but services.cart-order.topics lacks it",
    "stock: group stock-flashsale reads order.v1, but its extraConsumers entry lacks it",
    "stock: extraConsumers group stock-flashsale lists payment.v1, which no channel of that group reads",
    "loyalty: services.loyalty.topics lists payment.v1, which loyalty never reads",
    "shipping: channel orders consumes as group shipping, but services.shipping.consumerGroup is shipping-v2",
  ]);
});

test("a caller without a REST client, and a REST client whose caller is not admitted, are caught", () => {
  const values = loadValues();
  values.services.stock.callers = ["catalog"];
  const calling = structuredClone(sources);
  calling.shipping.callees.push("cart-order");
  assert.deepEqual(restCallerViolations(values, calling), [
    "cart-order: shipping calls it over REST, but services.cart-order.callers lacks it",
    "stock: admits catalog, which has no REST client for stock",
  ]);
});

/** The production view of an application.properties given as its lines. */
const productionProps = (...lines) => unprofiled(parseProperties(lines.join("\n")));

test("channels: profiled keys ignored, a missing topic is the channel's name, group.id overrides", () => {
  const props = productionProps(
    "quarkus.application.name=shop",
    "kafka.group.id = ${quarkus.application.name}-consumers",
    "mp.messaging.incoming.orders.topic=order.v1",
    "%test.mp.messaging.incoming.orders.topic=test.order.v1",
    "%dev,local.mp.messaging.incoming.debug.topic=debug.v1",
    "mp.messaging.incoming.audit.connector=smallrye-kafka",
    "mp.messaging.incoming.audit.group.id=auditors",
    "mp.messaging.incoming.many.topics=a.v1, \\",
    "    b.v1",
  );
  assert.deepEqual(incomingChannels(props), [
    { name: "orders", topics: ["order.v1"], group: "shop-consumers", pattern: false },
    { name: "audit", topics: ["audit"], group: "auditors", pattern: false },
    { name: "many", topics: ["a.v1", "b.v1"], group: "shop-consumers", pattern: false },
  ]);
});

test("REST clients name their callee by config key, quoted or not, or by the URL's host", () => {
  const props = productionProps(
    "quarkus.rest-client.cart-order.url=${CART_ORDER_URL:http://cart-order/api/cart-order}",
    'quarkus.rest-client."points".url=http://loyalty.quarkmall.svc:80/api/loyalty',
    "quarkus.rest-client.psp.url=https://psp.example",
    "%dev.quarkus.rest-client.stock.url=http://127.0.0.1:8083",
  );
  assert.deepEqual(restCallees(props).sort(), ["cart-order", "loyalty"]);
  assert.deepEqual(restClients(props).map((c) => c.variable), ["CART_ORDER_URL", undefined]);
});
