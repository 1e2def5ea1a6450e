import { test } from "node:test";
import assert from "node:assert/strict";
import { loadTerraform, parseModule } from "../lib/terraform.mjs";
import {
  dataStoreViolations, exposureViolations, hygieneViolations, keyViolations, productionViolations, spaCachingViolations,
  spaHeaderViolations,
} from "../lib/terraform-policy.mjs";

const tf = await loadTerraform();

test("terraform/ has the modules and the production environment", () => {
  for (const dir of ["network", "eks", "postgres", "redis", "kafka", "opensearch", "cdn"]) {
    assert.ok(tf[`modules/${dir}`], `modules/${dir}`);
  }
  assert.ok(tf["environments/production"]);
});

test("every data store is encrypted, replicated and backed up", () => {
  assert.deepEqual(dataStoreViolations(tf), []);
});

test("nothing is reachable from the internet", () => {
  assert.deepEqual(exposureViolations(tf), []);
});

test("production keeps its database: deletion protection and multi-AZ", () => {
  assert.deepEqual(productionViolations(tf), []);
});

test("every resource is tagged and every variable and output documented", () => {
  assert.deepEqual(hygieneViolations(tf), []);
});

test("a public database is caught", async () => {
  const mod = await parseModule("public-db", `
    resource "aws_db_instance" "shop" {
      storage_encrypted       = true
      publicly_accessible     = true
      multi_az                = true
      backup_retention_period = 7
      tags                    = {}
    }`);
  assert.deepEqual(dataStoreViolations(mod), ["public-db: aws_db_instance.shop may be publicly accessible"]);
});

test("the real postgres module made public is caught", () => {
  const changed = structuredClone(tf);
  changed["modules/postgres"].resource.aws_db_instance.this[0].publicly_accessible = true;
  assert.ok(dataStoreViolations(changed).some((v) => v.includes("may be publicly accessible")));
});

test("production without deletion protection is caught", () => {
  const changed = structuredClone(tf);
  changed["environments/production"].module.postgres[0].deletion_protection = false;
  assert.deepEqual(productionViolations(changed), ["production postgres: deletion_protection is not true"]);
});

test("an unencrypted cache, a plaintext Kafka and a world-open security group are caught", async () => {
  const mod = await parseModule("weak", `
    resource "aws_elasticache_replication_group" "c" {
      at_rest_encryption_enabled = false
      transit_encryption_enabled = true
    }
    resource "aws_msk_cluster" "k" {
      number_of_broker_nodes = 3
      encryption_info {
        encryption_in_transit {
          client_broker = "TLS_PLAINTEXT"
          in_cluster    = true
        }
      }
    }
    resource "aws_vpc_security_group_ingress_rule" "open" {
      cidr_ipv4 = "0.0.0.0/0"
    }`);
  assert.deepEqual(dataStoreViolations(mod), [
    "weak: aws_elasticache_replication_group.c is not encrypted at rest",
    "weak: aws_msk_cluster.k accepts plaintext clients",
  ]);
  assert.deepEqual(exposureViolations(mod), ["weak: open admits the whole internet"]);
});

test("an untagged resource and an undocumented variable are caught", async () => {
  const mod = await parseModule("untidy", `
    resource "aws_s3_bucket" "b" {}
    variable "x" {
      type = string
    }`);
  assert.deepEqual(hygieneViolations(mod), ["untidy: aws_s3_bucket.b has no tags", "untidy: variable x has no description"]);
});

test("the policies see every kind of data store they check (none passes by finding nothing)", () => {
  const count = (type) => Object.values(tf).reduce((n, mod) => n + Object.keys(mod.resource?.[type] ?? {}).length, 0);
  for (const type of ["aws_db_instance", "aws_elasticache_replication_group", "aws_msk_cluster", "aws_msk_configuration",
    "aws_opensearch_domain", "aws_s3_bucket_public_access_block", "aws_vpc_security_group_ingress_rule"]) {
    assert.ok(count(type) >= 1, type);
  }
});

test("the CDN never caches the SPA's index.html, its config.json or the API, and caches hashed assets", () => {
  assert.deepEqual(spaCachingViolations(tf), []);
});

test("an index.html cached at the edge, or a missing config.json behaviour, is caught", () => {
  const changed = structuredClone(tf);
  const cdn = changed["modules/cdn"].resource.aws_cloudfront_distribution.this[0];
  cdn.ordered_cache_behavior.find((b) => b.path_pattern === "/index.html").cache_policy_id =
    "${data.aws_cloudfront_cache_policy.optimized.id}";
  cdn.ordered_cache_behavior = cdn.ordered_cache_behavior.filter((b) => b.path_pattern !== "/config.json");
  assert.deepEqual(spaCachingViolations(changed), ["cdn: /index.html may be cached", "cdn: no cache behaviour for /config.json"]);
});

test("the CDN serves the SPA with a Content-Security-Policy, nosniff, frame and referrer headers", () => {
  assert.deepEqual(spaHeaderViolations(tf), []);
});

test("an SPA page without the CSP policy, or a CSP that lets any site frame the shop, is caught", () => {
  const changed = structuredClone(tf);
  const cdn = changed["modules/cdn"].resource.aws_cloudfront_distribution.this[0];
  cdn.ordered_cache_behavior.find((b) => b.path_pattern === "/index.html").response_headers_policy_id =
    "${data.aws_cloudfront_response_headers_policy.security.id}";
  const csp = changed["modules/cdn"].resource.aws_cloudfront_response_headers_policy.spa[0]
    .security_headers_config[0].content_security_policy[0];
  csp.content_security_policy = csp.content_security_policy.replace("frame-ancestors 'self'", "frame-ancestors *");
  assert.deepEqual(spaHeaderViolations(changed), [
    "cdn: the SPA's CSP lacks frame-ancestors 'self'",
    "cdn: /index.html is served without the SPA's headers",
  ]);
});

test("every KMS key rotates, and pay's and cart-order's roles may only Encrypt and Decrypt with their own master keys", () => {
  assert.deepEqual(keyViolations(tf), []);
});

test("a KMS key that does not rotate, a role widened to kms:* on any key, or cart-order without a key, is caught", () => {
  const changed = structuredClone(tf);
  const prod = changed["environments/production"];
  prod.resource.aws_kms_key.master[0].enable_key_rotation = false;
  const statement = prod.data.aws_iam_policy_document.master_key[0].statement[0];
  statement.actions = ["kms:*"];
  statement.resources = ["*"];
  prod.locals[0].sealing_services = prod.locals[0].sealing_services.replace('"cart-order"', "");
  assert.deepEqual(keyViolations(changed), [
    "environments/production: aws_kms_key.master does not rotate",
    "production: cart-order has no master key (local.sealing_services)",
    "production: a service's role may kms:*",
    "production: a service's role may use a key other than its own master key",
  ]);
});
