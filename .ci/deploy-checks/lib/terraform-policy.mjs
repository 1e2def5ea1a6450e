// Policies on the parsed Terraform. Each returns its violations; empty means compliant.

/** Every block of one resource type in a module: [{name, body}]. */
function resources(mod, type) {
  return Object.entries(mod.resource?.[type] ?? {}).flatMap(([name, bodies]) => bodies.map((body) => ({ name, body })));
}

/** A literal, or a "${var.x}" resolved to the variable's default in the same module. */
function resolve(mod, value) {
  const ref = typeof value === "string" && /^\$\{var\.([a-z0-9_]+)\}$/.exec(value);
  if (!ref) return value;
  return mod.variable?.[ref[1]]?.[0]?.default;
}

const first = (blocks) => (Array.isArray(blocks) ? blocks[0] : undefined) ?? {};

export function dataStoreViolations(tf) {
  const found = [];
  for (const [dir, mod] of Object.entries(tf)) {
    for (const { name, body } of resources(mod, "aws_db_instance")) {
      const at = `${dir}: aws_db_instance.${name}`;
      if (resolve(mod, body.publicly_accessible) !== false) found.push(`${at} may be publicly accessible`);
      if (resolve(mod, body.storage_encrypted) !== true) found.push(`${at} storage is not encrypted`);
      if (resolve(mod, body.multi_az) !== true) found.push(`${at} is not multi-AZ by default`);
      if (!(resolve(mod, body.backup_retention_period) >= 1)) found.push(`${at} has no automated backups`);
    }
    for (const { name, body } of resources(mod, "aws_elasticache_replication_group")) {
      const at = `${dir}: aws_elasticache_replication_group.${name}`;
      if (body.at_rest_encryption_enabled !== true) found.push(`${at} is not encrypted at rest`);
      if (body.transit_encryption_enabled !== true) found.push(`${at} is not encrypted in transit`);
    }
    for (const { name, body } of resources(mod, "aws_msk_cluster")) {
      const at = `${dir}: aws_msk_cluster.${name}`;
      const transit = first(first(body.encryption_info).encryption_in_transit);
      if (transit.client_broker !== "TLS") found.push(`${at} accepts plaintext clients`);
      if (transit.in_cluster !== true) found.push(`${at} is not encrypted between brokers`);
      if (!(resolve(mod, body.number_of_broker_nodes) >= 3)) found.push(`${at} has fewer than 3 brokers`);
    }
    for (const { name, body } of resources(mod, "aws_msk_configuration")) {
      const props = body.server_properties ?? "";
      if (!/min\.insync\.replicas=2/.test(props) || !/default\.replication\.factor=3/.test(props)) {
        found.push(`${dir}: aws_msk_configuration.${name} is not replication factor 3 with min.insync.replicas=2`);
      }
    }
    for (const { name, body } of resources(mod, "aws_opensearch_domain")) {
      const at = `${dir}: aws_opensearch_domain.${name}`;
      if (first(body.encrypt_at_rest).enabled !== true) found.push(`${at} is not encrypted at rest`);
      if (first(body.node_to_node_encryption).enabled !== true) found.push(`${at} is not encrypted node to node`);
      if (first(body.domain_endpoint_options).enforce_https !== true) found.push(`${at} accepts plain HTTP`);
      if (!body.vpc_options) found.push(`${at} is not inside the VPC`);
    }
  }
  return found;
}

/** Nothing is open to the internet: no 0.0.0.0/0 ingress, S3 public access blocked. */
export function exposureViolations(tf) {
  const found = [];
  const world = (cidrs) => [cidrs].flat().some((c) => c === "0.0.0.0/0" || c === "::/0");
  for (const [dir, mod] of Object.entries(tf)) {
    for (const { name, body } of resources(mod, "aws_vpc_security_group_ingress_rule")) {
      if (world(body.cidr_ipv4) || world(body.cidr_ipv6)) found.push(`${dir}: ${name} admits the whole internet`);
    }
    for (const { name, body } of resources(mod, "aws_security_group")) {
      for (const rule of body.ingress ?? []) {
        if (world(rule.cidr_blocks) || world(rule.ipv6_cidr_blocks)) found.push(`${dir}: ${name} admits the whole internet`);
      }
    }
    for (const { name, body } of resources(mod, "aws_s3_bucket_public_access_block")) {
      for (const flag of ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]) {
        if (body[flag] !== true) found.push(`${dir}: ${name} leaves ${flag} off`);
      }
    }
    if (resources(mod, "aws_s3_bucket").length > resources(mod, "aws_s3_bucket_public_access_block").length) {
      found.push(`${dir}: a bucket has no public access block`);
    }
  }
  return found;
}

/** Production keeps its database: deletion protection and multi-AZ set in the environment itself. */
export function productionViolations(tf) {
  const prod = tf["environments/production"];
  if (!prod) return ["environments/production is missing"];
  const pg = first(prod.module?.postgres);
  const found = [];
  if (pg.deletion_protection !== true) found.push("production postgres: deletion_protection is not true");
  if (pg.multi_az !== true) found.push("production postgres: multi_az is not true");
  if (first(prod.module?.kafka).broker_count < 3) found.push("production kafka: fewer than 3 brokers");
  return found;
}

const TAGGABLE = [
  "aws_db_instance", "aws_db_subnet_group", "aws_db_parameter_group", "aws_security_group", "aws_kms_key",
  "aws_elasticache_replication_group", "aws_elasticache_subnet_group", "aws_msk_cluster", "aws_opensearch_domain",
  "aws_s3_bucket", "aws_cloudfront_distribution", "aws_wafv2_web_acl", "aws_acm_certificate",
  "aws_secretsmanager_secret", "aws_cloudwatch_log_group", "aws_iam_role", "aws_vpc_security_group_ingress_rule",
];

/** Tags everywhere, every variable and output described. */
export function hygieneViolations(tf) {
  const found = [];
  for (const [dir, mod] of Object.entries(tf)) {
    for (const type of TAGGABLE) {
      for (const { name, body } of resources(mod, type)) {
        if (body.tags === undefined) found.push(`${dir}: ${type}.${name} has no tags`);
      }
    }
    for (const [name, [body]] of Object.entries(mod.module ?? {})) {
      if (body.tags === undefined) {
        found.push(`${dir}: module.${name} has no tags`);
      }
    }
    for (const [name, [body]] of Object.entries(mod.variable ?? {})) {
      if (!body.description) found.push(`${dir}: variable ${name} has no description`);
    }
    for (const [name, [body]] of Object.entries(mod.output ?? {})) {
      if (!body.description) found.push(`${dir}: output ${name} has no description`);
    }
  }
  return found;
}

/** The SPA behind CloudFront: index.html, config.json and the API never cached; hashed assets (the default) cached. */
export function spaCachingViolations(tf) {
  const found = [];
  const cdn = first(tf["modules/cdn"]?.resource?.aws_cloudfront_distribution?.this);
  const policyOf = (behavior) => String(behavior?.cache_policy_id ?? "");
  const behaviors = cdn.ordered_cache_behavior ?? [];
  for (const path of ["/index.html", "/config.json", "/api/*"]) {
    const behavior = behaviors.find((b) => b.path_pattern === path);
    if (!behavior) found.push(`cdn: no cache behaviour for ${path}`);
    else if (!policyOf(behavior).includes("cache_policy.disabled")) found.push(`cdn: ${path} may be cached`);
  }
  if (!policyOf(first(cdn.default_cache_behavior)).includes("cache_policy.optimized")) {
    found.push("cdn: hashed assets (the default behaviour) are not cached");
  }
  return found;
}

/**
 * The SPA's pages (the default behaviour, index.html, config.json) carry a policy of our own with a
 * Content-Security-Policy that frames only the shop itself, plus nosniff, frame options and a
 * referrer policy; the API behaviour carries a security-headers policy too.
 */
export function spaHeaderViolations(tf) {
  const found = [];
  const mod = tf["modules/cdn"];
  const cdn = first(mod?.resource?.aws_cloudfront_distribution?.this);
  const policy = first(mod?.resource?.aws_cloudfront_response_headers_policy?.spa);
  const headers = first(policy?.security_headers_config);
  const csp = String(first(headers?.content_security_policy)?.content_security_policy ?? "");
  for (const directive of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'self'", "object-src 'none'"]) {
    if (!csp.includes(directive)) found.push(`cdn: the SPA's CSP lacks ${directive}`);
  }
  for (const header of ["content_type_options", "frame_options", "referrer_policy", "strict_transport_security"]) {
    if (!first(headers?.[header])) found.push(`cdn: the SPA's headers lack ${header}`);
  }
  const spa = [first(cdn?.default_cache_behavior), ...(cdn?.ordered_cache_behavior ?? []).filter((b) => b.target_origin_id === "spa")];
  for (const behavior of spa) {
    if (!String(behavior?.response_headers_policy_id ?? "").includes("response_headers_policy.spa")) {
      found.push(`cdn: ${behavior?.path_pattern ?? "the default behaviour"} is served without the SPA's headers`);
    }
  }
  const api = (cdn?.ordered_cache_behavior ?? []).find((b) => b.path_pattern === "/api/*");
  if (!api?.response_headers_policy_id) found.push("cdn: /api/* is served without security headers");
  return found;
}

/**
 * Every KMS key rotates its material; pay's master key exists with an alias, and pay's role may only
 * Encrypt and Decrypt with it (no kms:* and no other key), bound to pay's service account.
 */
/** The services that seal shoppers' personal data, each under its own KMS master key in production. */
const SEALING_SERVICES = ["pay", "cart-order"];

export function keyViolations(tf) {
  const found = [];
  for (const [dir, mod] of Object.entries(tf)) {
    for (const { name, body } of resources(mod, "aws_kms_key")) {
      if (body.enable_key_rotation !== true) found.push(`${dir}: aws_kms_key.${name} does not rotate`);
    }
  }
  const prod = tf["environments/production"] ?? {};
  // One master key per service that seals personal data (for_each over local.sealing_services).
  const sealing = String(Object.assign({}, ...Object.values(prod.locals ?? {})).sealing_services ?? "");
  for (const service of SEALING_SERVICES) {
    if (!sealing.includes(`"${service}"`)) found.push(`production: ${service} has no master key (local.sealing_services)`);
  }
  const key = first(prod.resource?.aws_kms_key?.master);
  if (!key.description || !String(key.for_each ?? "").includes("local.sealing_services")) {
    found.push("production: no aws_kms_key.master for each sealing service");
  }
  if (!String(first(prod.resource?.aws_kms_alias?.master).target_key_id ?? "").includes("aws_kms_key.master[each.key]")) {
    found.push("production: the master keys have no aliases");
  }
  const statements = first(prod.data?.aws_iam_policy_document?.master_key).statement ?? [];
  for (const statement of statements) {
    const actions = [statement.actions].flat();
    if (actions.some((a) => !["kms:Encrypt", "kms:Decrypt"].includes(a))) found.push(`production: a service's role may ${actions.join(", ")}`);
    if ([statement.resources].flat().some((r) => !String(r).includes("aws_kms_key.master[each.key].arn"))) {
      found.push("production: a service's role may use a key other than its own master key");
    }
  }
  if (statements.length === 0) found.push("production: the services' roles have no master key policy");
  const association = first(prod.resource?.aws_eks_pod_identity_association?.sealing);
  if (!String(association.service_account ?? "").endsWith("-${each.key}")) {
    found.push("production: the roles are bound to no service account of their service");
  }
  return found;
}
