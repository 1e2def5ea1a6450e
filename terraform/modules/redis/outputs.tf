output "primary_endpoint" {
  description = "The primary's DNS name."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "secret_arn" {
  description = "Secrets Manager secret with the AUTH token and the rediss:// URL (Helm: redis.existingSecret, synced by External Secrets)."
  value       = aws_secretsmanager_secret.auth.arn
}
