variable "environment" {
  description = "Environment name, used in every resource name and tag."
  type        = string
  default     = "production"
}

variable "region" {
  description = "AWS region of the cluster and data stores."
  type        = string
  default     = "ap-southeast-1"
}

variable "tags" {
  description = "Extra tags on every resource (Project, Environment and ManagedBy are always set)."
  type        = map(string)
  default     = {}
}

variable "vpc_cidr" {
  description = "The VPC's IPv4 range."
  type        = string
  default     = "10.40.0.0/16"
}

variable "kubernetes_version" {
  description = "EKS Kubernetes version."
  type        = string
  default     = "1.33"
}

variable "api_allowed_cidrs" {
  description = "Networks allowed to the Kubernetes API from the internet; empty keeps it private."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "Node instance types, most preferred first."
  type        = list(string)
  default     = ["m7i.large", "m6i.large"]
}

variable "node_min_size" {
  description = "Fewest nodes (one per zone at least)."
  type        = number
  default     = 3
}

variable "node_max_size" {
  description = "Most nodes the cluster autoscaler may add."
  type        = number
  default     = 15
}

variable "postgres_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.m7g.large"
}

variable "redis_node_type" {
  description = "ElastiCache node type."
  type        = string
  default     = "cache.m7g.large"
}

variable "kafka_instance_type" {
  description = "MSK broker instance type."
  type        = string
  default     = "kafka.m7g.large"
}

variable "opensearch_instance_type" {
  description = "OpenSearch data node instance type."
  type        = string
  default     = "r7g.large.search"
}

variable "shop_domain" {
  description = "The storefront's domain name, served by CloudFront."
  type        = string
}

variable "route53_zone_id" {
  description = "Route 53 hosted zone of shop_domain (certificate validation)."
  type        = string
}

variable "api_origin_domain" {
  description = "DNS name of the load balancer created for the chart's Ingress (known after the first Helm install)."
  type        = string
}

variable "oidc_origin" {
  description = "Origin of the Keycloak that signs shoppers in (e.g. https://auth.quarkmall.example): the SPA's CSP allows it."
  type        = string
}

variable "card_fields_origin" {
  description = "Origin of the card PSP's hosted card field (e.g. https://fields.psp.example): the SPA's CSP lets it be framed."
  type        = string
}

variable "kubernetes_namespace" {
  description = "Namespace the Helm release of helm/quarkmall is installed in (pay's service account is bound to its IAM role there)."
  type        = string
  default     = "quarkmall"
}

variable "helm_release" {
  description = "Name of the Helm release of helm/quarkmall: its service accounts are named <release>-<service>."
  type        = string
  default     = "quarkmall"
}
