variable "name" {
  description = "Name prefix of the security group, e.g. quarkmall-production-postgres."
  type        = string
}

variable "description" {
  description = "What is being reached, e.g. PostgreSQL."
  type        = string
}

variable "vpc_id" {
  description = "The VPC of the data store."
  type        = string
}

variable "port" {
  description = "The one TCP port admitted."
  type        = number
}

variable "client_security_group_id" {
  description = "The only security group admitted (the Kubernetes nodes)."
  type        = string
}

variable "tags" {
  description = "Tags put on every resource."
  type        = map(string)
}
