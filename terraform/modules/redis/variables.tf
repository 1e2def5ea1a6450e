variable "name" {
  description = "The replication group's id."
  type        = string
}

variable "vpc_id" {
  description = "The VPC of the cache."
  type        = string
}

variable "subnet_ids" {
  description = "Isolated database subnets, one per zone."
  type        = list(string)
}

variable "client_security_group_id" {
  description = "The only security group allowed to connect (the Kubernetes nodes)."
  type        = string
}

variable "secrets_kms_key_arn" {
  description = "KMS key for the cache's storage and its AUTH secret."
  type        = string
}

variable "engine_version" {
  description = "Redis engine version."
  type        = string
  default     = "7.1"
}

variable "node_type" {
  description = "Cache node type."
  type        = string
  default     = "cache.m7g.large"
}

variable "replicas" {
  description = "Read replicas beside the primary (at least 1 for automatic failover)."
  type        = number
  default     = 1
}

variable "snapshot_retention_days" {
  description = "Days of daily snapshots (the cache can be rebuilt, so a few are enough)."
  type        = number
  default     = 3
}

variable "tags" {
  description = "Tags put on every resource."
  type        = map(string)
}
