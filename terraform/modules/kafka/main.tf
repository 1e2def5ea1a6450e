# Amazon MSK: three brokers in three zones, TLS between clients and brokers and among brokers,
# encryption at rest, replication factor 3 with min.insync.replicas 2 (one broker may fail
# without losing an acknowledged write or refusing writes).
module "access" {
  source                   = "../client-access"
  name                     = "${var.name}-kafka"
  description              = "Kafka over TLS"
  vpc_id                   = var.vpc_id
  port                     = 9094
  client_security_group_id = var.client_security_group_id
  tags                     = var.tags
}

resource "aws_msk_configuration" "this" {
  name           = var.name
  kafka_versions = [var.kafka_version]

  server_properties = <<-PROPERTIES
    default.replication.factor=3
    min.insync.replicas=2
    auto.create.topics.enable=false
    unclean.leader.election.enable=false
    num.partitions=6
    log.retention.hours=168
  PROPERTIES
}

resource "aws_cloudwatch_log_group" "brokers" {
  name              = "/quarkmall/${var.name}/kafka"
  retention_in_days = 30
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_msk_cluster" "this" {
  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = var.broker_count

  broker_node_group_info {
    instance_type   = var.broker_instance_type
    client_subnets  = var.subnet_ids
    security_groups = [module.access.security_group_id]

    storage_info {
      ebs_storage_info {
        volume_size = var.broker_volume_gb
      }
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = var.kms_key_arn

    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  open_monitoring {
    prometheus {
      jmx_exporter {
        enabled_in_broker = true
      }
      node_exporter {
        enabled_in_broker = true
      }
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.brokers.name
      }
    }
  }

  tags = var.tags
}
