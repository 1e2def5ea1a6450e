variable "name" {
  description = "The MSK cluster's name."
  type        = string
}

variable "vpc_id" {
  description = "The VPC of the brokers."
  type        = string
}

variable "subnet_ids" {
  description = "One subnet per zone; the broker count must be a multiple of their number."
  type        = list(string)
}

variable "client_security_group_id" {
  description = "The only security group allowed to connect (the Kubernetes nodes)."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for data at rest and the broker logs."
  type        = string
}

variable "kafka_version" {
  description = "Apache Kafka version on MSK."
  type        = string
  default     = "3.9.x"
}

variable "broker_count" {
  description = "Brokers (3: one per zone, as replication factor 3 needs)."
  type        = number
  default     = 3

  validation {
    condition     = var.broker_count >= 3
    error_message = "Replication factor 3 with min.insync.replicas 2 needs at least three brokers."
  }
}

variable "broker_instance_type" {
  description = "Broker instance type."
  type        = string
  default     = "kafka.m7g.large"
}

variable "broker_volume_gb" {
  description = "EBS storage per broker in GiB."
  type        = number
  default     = 500
}

variable "tags" {
  description = "Tags put on every resource."
  type        = map(string)
}
