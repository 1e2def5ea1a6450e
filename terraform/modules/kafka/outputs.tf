output "bootstrap_brokers_tls" {
  description = "TLS bootstrap servers (Helm: kafka.bootstrapServers)."
  value       = aws_msk_cluster.this.bootstrap_brokers_tls
}
