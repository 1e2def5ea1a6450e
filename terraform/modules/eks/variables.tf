variable "name" {
  description = "The cluster's name."
  type        = string
}

variable "kubernetes_version" {
  description = "EKS Kubernetes version."
  type        = string
  default     = "1.33"
}

variable "vpc_id" {
  description = "The VPC the cluster lives in."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets (one per zone) for the control plane's interfaces and the nodes."
  type        = list(string)
}

variable "public_api_endpoint" {
  description = "Whether the Kubernetes API is reachable from the internet (restricted to api_allowed_cidrs)."
  type        = bool
  default     = false
}

variable "api_allowed_cidrs" {
  description = "Networks allowed to the public Kubernetes API when it is enabled."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "Instance types of the managed node group, most preferred first."
  type        = list(string)
  default     = ["m7i.large", "m6i.large"]
}

variable "node_min_size" {
  description = "Fewest nodes (at least one per zone in production)."
  type        = number
  default     = 3
}

variable "node_max_size" {
  description = "Most nodes the cluster autoscaler may add."
  type        = number
  default     = 12
}

variable "tags" {
  description = "Tags put on every resource."
  type        = map(string)
}
