variable "name" {
  description = "Name prefix of every network resource, e.g. quarkmall-production."
  type        = string
}

variable "cidr" {
  description = "The VPC's IPv4 range; a /16 leaves room for three /20 private subnets."
  type        = string
  default     = "10.40.0.0/16"
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per zone (survives a zone outage) instead of one in total (cheaper)."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags put on every resource."
  type        = map(string)
}
