output "endpoint" {
  description = "The domain's HTTPS endpoint (Helm: opensearch.hosts, with :443)."
  value       = aws_opensearch_domain.this.endpoint
}

output "secret_arn" {
  description = "Secrets Manager secret with the master user (Helm: opensearch.existingSecret, synced by External Secrets)."
  value       = aws_secretsmanager_secret.master.arn
}
