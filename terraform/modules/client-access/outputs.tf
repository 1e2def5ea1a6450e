output "security_group_id" {
  description = "Attach this to the data store."
  value       = aws_security_group.this.id
}
