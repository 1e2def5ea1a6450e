variable "name" {
  description = "Name prefix of the bucket, distribution and web ACL."
  type        = string
}

variable "domain_name" {
  description = "The shop's domain, e.g. shop.quarkmall.example."
  type        = string
}

variable "alternative_domain_names" {
  description = "Further names on the certificate and the distribution."
  type        = list(string)
  default     = []
}

variable "route53_zone_id" {
  description = "Hosted zone that validates the certificate."
  type        = string
}

variable "api_origin_domain" {
  description = "DNS name of the load balancer the cluster's Ingress created (HTTPS)."
  type        = string
}

variable "rate_limit_per_5_minutes" {
  description = "Requests one IP may make in five minutes before the WAF blocks it."
  type        = number
  default     = 2000
}

variable "price_class" {
  description = "CloudFront price class (PriceClass_All reaches mainland-China-adjacent edges best)."
  type        = string
  default     = "PriceClass_All"
}

variable "tags" {
  description = "Tags put on every resource."
  type        = map(string)
}

variable "oidc_origin" {
  description = "Origin (https://host) of the OIDC provider the SPA signs in with; the only other origin its pages may reach."
  type        = string
}

variable "card_fields_origin" {
  description = "Origin (https://host) of the card PSP's hosted card field, the one other origin the SPA may frame."
  type        = string
}
