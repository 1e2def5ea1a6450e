output "address" {
  description = "The instance's DNS name (Helm: postgres.host)."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "The instance's port (Helm: postgres.port)."
  value       = aws_db_instance.this.port
}

output "master_secret_arn" {
  description = "Secrets Manager secret holding the master credentials, rotated by RDS."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}
