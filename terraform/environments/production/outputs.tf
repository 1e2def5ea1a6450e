output "cluster_name" {
  description = "EKS cluster: aws eks update-kubeconfig --name <this>."
  value       = module.eks.cluster_name
}

output "spa_bucket" {
  description = "Where CI uploads the SPA's build."
  value       = module.cdn.bucket
}

output "cdn_distribution_id" {
  description = "CloudFront distribution to invalidate /index.html in after a release."
  value       = module.cdn.distribution_id
}

output "secret_arns" {
  description = "Secrets Manager entries that External Secrets syncs into the chart's named Secrets."
  value = merge(
    { for s, secret in aws_secretsmanager_secret.service_db : "quarkmall-db-${s}" => secret.arn },
    {
      "quarkmall-redis"      = module.redis.secret_arn
      "quarkmall-opensearch" = module.opensearch.secret_arn
    }
  )
}

output "master_key_arns" {
  description = "The KMS master key of each service that seals personal data (pay, cart-order); their aliases are in helm_values."
  value       = { for service, key in aws_kms_key.master : service => key.arn }
}

# Feeds the Helm chart: terraform output -raw helm_values > values-aws.yaml
output "helm_values" {
  description = "Values for helm/quarkmall pointing at these managed endpoints."
  value = yamlencode({
    postgres   = { host = module.postgres.address, port = module.postgres.port, sslmode = "require", secretPrefix = "quarkmall-db" }
    kafka      = { bootstrapServers = module.kafka.bootstrap_brokers_tls, securityProtocol = "SSL" }
    redis      = { existingSecret = "quarkmall-redis" }
    opensearch = { hosts = "${module.opensearch.endpoint}:443", protocol = "https", existingSecret = "quarkmall-opensearch" }
    services = { for service in local.sealing_services : service => { env = {
      QUARKMALL_CRYPTO_PROVIDER   = "kms"
      QUARKMALL_CRYPTO_KMS_KEYS   = "1=${aws_kms_alias.master[service].arn}"
      QUARKMALL_CRYPTO_KMS_REGION = var.region
    } } }
  })
}
