import { test } from "node:test";
import assert from "node:assert/strict";
import { loadValues } from "../lib/service-config.mjs";
import {
  chartValueReferences, loadSchema, openObjectViolations, schemaErrors, templateValueReferences,
  undeclaredReferenceViolations, valuesDriftViolations,
} from "../lib/values-schema.mjs";

const schema = loadSchema();

test("values.yaml, and values-production.yaml over it, are valid against values.schema.json", () => {
  assert.deepEqual(schemaErrors(schema, loadValues()), []);
  assert.deepEqual(schemaErrors(schema, loadValues(["values-production.yaml"])), []);
});

test("values.schema.json declares every key of values.yaml, and values.yaml sets every property it declares", () => {
  assert.deepEqual(valuesDriftViolations(schema, loadValues()), []);
});

test("every object of values.schema.json is closed and requires only what it declares", () => {
  assert.deepEqual(openObjectViolations(schema), []);
});

test("values.schema.json declares every .Values path the templates read", () => {
  const refs = chartValueReferences();
  assert.ok(refs.some((r) => r.path.join(".") === "services.*.consumerGroup"), "reads through range variables");
  assert.ok(refs.some((r) => r.path.join(".") === "ingress.spaBackend.port"), "reads through the dot of with");
  assert.deepEqual(undeclaredReferenceViolations(schema, refs), []);
});

test("values the schema rejects are caught by the same validation", () => {
  const values = loadValues();
  values.image.tag = "latest";
  values.services.pay.replica = 2;
  assert.deepEqual(schemaErrors(schema, values), ["/image/tag must NOT be valid", "/services/pay must NOT have additional properties"]);
});

test("a key added to values.yaml only, a property left in the schema only, and an override of nothing are caught", () => {
  const values = loadValues();
  values.ingress.hostname = "shop.example";
  delete values.keda.lagThreshold;
  const changed = structuredClone(schema);
  changed.definitions.service.properties.priority = { $ref: "#/properties/defaults/properties/priority" };
  assert.deepEqual(valuesDriftViolations(changed, values), [
    "ingress.hostname: set in values.yaml, not declared by the schema",
    "keda.lagThreshold: declared by the schema, not set in values.yaml",
    ...["catalog", "cart-order", "stock", "pay", "loyalty", "shipping"].map((s) => `services.${s}.priority: declared by the schema, not set in values.yaml`),
  ]);
});

test("an object that admits undeclared keys, or requires an undeclared one, is caught", () => {
  const changed = structuredClone(schema);
  delete changed.properties.otel.additionalProperties;
  changed.definitions.resourceList.required.push("gpu");
  assert.deepEqual(openObjectViolations(changed), [
    "#/properties/otel: declares properties but admits others",
    "#/definitions/resourceList: requires gpu, which it does not declare",
  ]);
});

test("a template reading a path the schema does not declare is caught, through variables and the dot too", () => {
  const template = [
    "{{ .Values.ingress.hostname }}",
    "{{- range $name, $svc := .Values.services }}{{ $svc.replica }}{{ $name }}",
    "{{- $as := $svc.autoscaling | default $.Values.defaults.autoscaling }}{{ $as.minReplica }}{{ end }}",
    "{{- with .Values.ingress.spaBackend }}{{ .portNumber }}{{ .Release.Name }}{{ end }}",
    "{{/* .Values.commented.out is not read */}}{{ include \"x\" (dict \"v\" \".Values.quoted\") }}",
  ].join("\n");
  const refs = templateValueReferences(template).map(({ path, line }) => ({ path, where: `t:${line}` }));
  assert.deepEqual(undeclaredReferenceViolations(schema, refs), [
    "t:1: reads .Values.ingress.hostname, which the schema does not declare",
    "t:2: reads .Values.services.*.replica, which the schema does not declare",
    "t:3: reads .Values.services.*.autoscaling.minReplica, which the schema does not declare",
    "t:4: reads .Values.ingress.spaBackend.portNumber, which the schema does not declare",
    "t:4: reads .Values.ingress.spaBackend.Release.Name, which the schema does not declare",
  ]);
});
