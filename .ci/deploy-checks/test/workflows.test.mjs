import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { repoRoot } from "../lib/chart.mjs";

const ci = parse(readFileSync(path.join(repoRoot, ".github/workflows/ci.yml"), "utf8"));
const runs = (job) => ci.jobs[job].steps.map((s) => `${s.uses ?? ""} ${s.run ?? ""} ${JSON.stringify(s.with ?? {})}`).join("\n");

test("the workflow has the JVM, image, deploy-check and Terraform jobs", () => {
  assert.deepEqual(Object.keys(ci.jobs).sort(), ["deploy-checks", "images", "jvm", "terraform"]);
});

test("the JVM job runs the README's test command", () => {
  assert.match(runs("jvm"), /\.\/mvnw verify/);
});

test("the image job builds a native executable per service with GraalVM/Mandrel and images with an SBOM", () => {
  assert.deepEqual(ci.jobs.images.strategy.matrix.service, ["catalog", "cart-order", "stock", "pay", "loyalty", "shipping"]);
  const steps = runs("images");
  assert.match(steps, /graalvm\/setup-graalvm/);
  assert.match(steps, /mandrel/);
  assert.match(steps, /-Dnative/);
  assert.match(steps, /Dockerfile\.jvm/);
  assert.match(steps, /Dockerfile\.native/);
  assert.match(steps, /"sbom":true/);
});

test("the deploy-check job lints the charts", () => {
  assert.match(runs("deploy-checks"), /helm lint/);
  assert.match(runs("deploy-checks"), /npm test/);
});

test("the Terraform job formats, validates and plans with the real providers", () => {
  const steps = runs("terraform");
  for (const cmd of ["terraform fmt", "terraform validate", "terraform plan"]) assert.match(steps, new RegExp(cmd));
});

/** The image job's Maven builds that leave Swagger UI in (the shared config includes it in every build). */
const SWAGGER_OFF = "-Dquarkus.swagger-ui.always-include=false";
const swaggerViolations = (workflow) => {
  const builds = workflow.jobs.images.steps.filter((s) => /\.\/mvnw\b.*\bpackage\b/.test(s.run ?? ""));
  const found = builds.filter((s) => !s.run.includes(SWAGGER_OFF)).map((s) => `${s.name} includes Swagger UI`);
  for (const flavor of ["JVM", "native"]) {
    const native = flavor === "native";
    if (!builds.some((s) => /-Dnative\b/.test(s.run) === native)) found.push(`no ${flavor} build`);
  }
  return found;
};

test("the image job's JVM and native builds leave Swagger UI out", () => {
  assert.deepEqual(swaggerViolations(ci), []);
});

test("an image build that keeps Swagger UI is caught", () => {
  const changed = structuredClone(ci);
  const native = changed.jobs.images.steps.find((s) => s.name === "Native build");
  native.run = native.run.replace(SWAGGER_OFF, "");
  assert.deepEqual(swaggerViolations(changed), ["Native build includes Swagger UI"]);
});
