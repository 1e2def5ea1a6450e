# ElastiCache for Redis: a replication group with a replica in another zone, automatic failover,
# encryption in transit and at rest, an AUTH token kept in Secrets Manager.
resource "random_password" "auth" {
  length  = 48
  special = false
}

resource "aws_secretsmanager_secret" "auth" {
  name_prefix = "${var.name}-redis-"
  description = "Redis AUTH token and URL for ${var.name}"
  kms_key_id  = var.secrets_kms_key_arn
  tags        = var.tags
}

resource "aws_secretsmanager_secret_version" "auth" {
  secret_id = aws_secretsmanager_secret.auth.id
  secret_string = jsonencode({
    token = random_password.auth.result
    url   = "rediss://:${random_password.auth.result}@${aws_elasticache_replication_group.this.primary_endpoint_address}:6379"
  })
}

resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

module "access" {
  source                   = "../client-access"
  name                     = "${var.name}-redis"
  description              = "Redis"
  vpc_id                   = var.vpc_id
  port                     = 6379
  client_security_group_id = var.client_security_group_id
  tags                     = var.tags
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "Quarkmall cache (${var.name})"
  engine               = "redis"
  engine_version       = var.engine_version
  node_type            = var.node_type
  num_cache_clusters   = var.replicas + 1
  port                 = 6379

  automatic_failover_enabled = var.replicas > 0
  multi_az_enabled           = var.replicas > 0
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [module.access.security_group_id]

  at_rest_encryption_enabled = true
  kms_key_id                 = var.secrets_kms_key_arn
  transit_encryption_enabled = true
  auth_token                 = random_password.auth.result

  snapshot_retention_limit   = var.snapshot_retention_days
  apply_immediately          = false
  auto_minor_version_upgrade = true

  tags = var.tags
}
