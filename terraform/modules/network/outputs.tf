output "vpc_id" {
  description = "The VPC's id."
  value       = module.vpc.vpc_id
}

output "vpc_cidr" {
  description = "The VPC's IPv4 range, for security group rules."
  value       = module.vpc.vpc_cidr_block
}

output "private_subnet_ids" {
  description = "Subnets for the Kubernetes nodes."
  value       = module.vpc.private_subnets
}

output "public_subnet_ids" {
  description = "Subnets for internet-facing load balancers."
  value       = module.vpc.public_subnets
}

output "database_subnet_ids" {
  description = "Isolated subnets for PostgreSQL, Redis, Kafka and OpenSearch: no route to the internet."
  value       = module.vpc.database_subnets
}
