# Amazon OpenSearch Service for the catalog's search: zone-aware across three zones, dedicated
# masters, encryption at rest and node to node, HTTPS only, inside the VPC, fine-grained access
# control with the master user's credentials in Secrets Manager.
resource "random_password" "master" {
  length           = 32
  special          = true
  override_special = "!#%*-_=+"
}

resource "aws_secretsmanager_secret" "master" {
  name_prefix = "${var.name}-opensearch-"
  description = "OpenSearch master user for ${var.name}"
  kms_key_id  = var.kms_key_arn
  tags        = var.tags
}

resource "aws_secretsmanager_secret_version" "master" {
  secret_id     = aws_secretsmanager_secret.master.id
  secret_string = jsonencode({ username = "quarkmall", password = random_password.master.result })
}

module "access" {
  source                   = "../client-access"
  name                     = "${var.name}-opensearch"
  description              = "OpenSearch HTTPS"
  vpc_id                   = var.vpc_id
  port                     = 443
  client_security_group_id = var.client_security_group_id
  tags                     = var.tags
}

resource "aws_opensearch_domain" "this" {
  domain_name    = var.name
  engine_version = var.engine_version

  cluster_config {
    instance_type            = var.instance_type
    instance_count           = var.instance_count
    zone_awareness_enabled   = true
    dedicated_master_enabled = true
    dedicated_master_type    = var.master_instance_type
    dedicated_master_count   = 3

    zone_awareness_config {
      availability_zone_count = 3
    }
  }

  vpc_options {
    subnet_ids         = var.subnet_ids
    security_group_ids = [module.access.security_group_id]
  }

  ebs_options {
    ebs_enabled = true
    volume_type = "gp3"
    volume_size = var.volume_gb
  }

  encrypt_at_rest {
    enabled    = true
    kms_key_id = var.kms_key_arn
  }

  node_to_node_encryption {
    enabled = true
  }

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }

  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true

    master_user_options {
      master_user_name     = "quarkmall"
      master_user_password = random_password.master.result
    }
  }

  tags = var.tags
}
