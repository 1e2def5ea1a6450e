variable "name" {
  description = "The instance's identifier."
  type        = string
}

variable "vpc_id" {
  description = "The VPC of the instance."
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

variable "engine_version" {
  description = "PostgreSQL major.minor version."
  type        = string
  default     = "17.5"
}

variable "instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.m7g.large"
}

variable "allocated_storage_gb" {
  description = "Initial storage in GiB."
  type        = number
  default     = 100
}

variable "max_allocated_storage_gb" {
  description = "Storage autoscaling ceiling in GiB."
  type        = number
  default     = 1000
}

variable "multi_az" {
  description = "A synchronous standby in another zone, failed over to automatically."
  type        = bool
  default     = true
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 1
    error_message = "Automated backups must be on (at least one day)."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the instance (on in production), and take a final snapshot."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags put on every resource."
  type        = map(string)
}
