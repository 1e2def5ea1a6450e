# Quarkmall production on AWS: network, cluster, the managed data stores, the CDN.
locals {
  name     = "quarkmall-${var.environment}"
  services = ["catalog", "cart-order", "stock", "pay", "loyalty", "shipping"]
  tags = merge(var.tags, {
    Project     = "quarkmall"
    Environment = var.environment
    ManagedBy   = "terraform"
  })
}

resource "aws_kms_key" "data" {
  description         = "${local.name} data stores and secrets"
  enable_key_rotation = true
  tags                = local.tags
}

module "network" {
  source             = "../../modules/network"
  name               = local.name
  cidr               = var.vpc_cidr
  nat_gateway_per_az = true
  tags               = local.tags
}

module "eks" {
  source              = "../../modules/eks"
  name                = local.name
  kubernetes_version  = var.kubernetes_version
  vpc_id              = module.network.vpc_id
  subnet_ids          = module.network.private_subnet_ids
  public_api_endpoint = length(var.api_allowed_cidrs) > 0
  api_allowed_cidrs   = var.api_allowed_cidrs
  node_instance_types = var.node_instance_types
  node_min_size       = var.node_min_size
  node_max_size       = var.node_max_size
  tags                = local.tags
}

module "postgres" {
  source                   = "../../modules/postgres"
  name                     = local.name
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.database_subnet_ids
  client_security_group_id = module.eks.node_security_group_id
  instance_class           = var.postgres_instance_class
  multi_az                 = true
  backup_retention_days    = 14
  deletion_protection      = true
  tags                     = local.tags
}

module "redis" {
  source                   = "../../modules/redis"
  name                     = local.name
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.database_subnet_ids
  client_security_group_id = module.eks.node_security_group_id
  secrets_kms_key_arn      = aws_kms_key.data.arn
  node_type                = var.redis_node_type
  replicas                 = 2
  tags                     = local.tags
}

module "kafka" {
  source                   = "../../modules/kafka"
  name                     = local.name
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.database_subnet_ids
  client_security_group_id = module.eks.node_security_group_id
  kms_key_arn              = aws_kms_key.data.arn
  broker_count             = 3
  broker_instance_type     = var.kafka_instance_type
  tags                     = local.tags
}

module "opensearch" {
  source                   = "../../modules/opensearch"
  name                     = "qm-${var.environment}"
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.database_subnet_ids
  client_security_group_id = module.eks.node_security_group_id
  kms_key_arn              = aws_kms_key.data.arn
  instance_type            = var.opensearch_instance_type
  tags                     = local.tags
}

module "cdn" {
  source = "../../modules/cdn"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }
  name               = local.name
  domain_name        = var.shop_domain
  route53_zone_id    = var.route53_zone_id
  api_origin_domain  = var.api_origin_domain
  oidc_origin        = var.oidc_origin
  card_fields_origin = var.card_fields_origin
  tags               = local.tags
}

# Each service's own database user: the password is generated here and kept in Secrets Manager;
# External Secrets copies it into the Kubernetes Secret quarkmall-db-<service>.
resource "random_password" "service_db" {
  for_each = toset(local.services)
  length   = 40
  special  = false
}

resource "aws_secretsmanager_secret" "service_db" {
  for_each    = toset(local.services)
  name_prefix = "${local.name}-db-${each.key}-"
  description = "PostgreSQL user of the ${each.key} service"
  kms_key_id  = aws_kms_key.data.arn
  tags        = local.tags
}

resource "aws_secretsmanager_secret_version" "service_db" {
  for_each  = toset(local.services)
  secret_id = aws_secretsmanager_secret.service_db[each.key].id
  secret_string = jsonencode({
    username = replace(each.key, "-", "_")
    password = random_password.service_db[each.key].result
  })
}
