variable "name" {
  description = "The domain's name (at most 28 characters)."
  type        = string
}

variable "vpc_id" {
  description = "The VPC of the domain."
  type        = string
}

variable "subnet_ids" {
  description = "Isolated subnets, one per zone (three)."
  type        = list(string)
}

variable "client_security_group_id" {
  description = "The only security group allowed to connect (the Kubernetes nodes)."
  type        = string
}

variable "kms_key_arn" {
  description = "KMS key for data at rest and the master user's secret."
  type        = string
}

variable "engine_version" {
  description = "OpenSearch engine version on the managed service."
  type        = string
  default     = "OpenSearch_2.19"
}

variable "instance_type" {
  description = "Data node instance type."
  type        = string
  default     = "r7g.large.search"
}

variable "instance_count" {
  description = "Data nodes (a multiple of three: one per zone)."
  type        = number
  default     = 3
}

variable "master_instance_type" {
  description = "Dedicated master instance type."
  type        = string
  default     = "m7g.medium.search"
}

variable "volume_gb" {
  description = "EBS storage per data node in GiB."
  type        = number
  default     = 100
}

variable "tags" {
  description = "Tags put on every resource."
  type        = map(string)
}
