# A VPC across three availability zones: public subnets for the load balancers and NAT,
# private subnets for the nodes, isolated subnets (no route to the internet) for the data stores.
data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 3)
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.21"

  name = var.name
  cidr = var.cidr
  azs  = local.azs

  public_subnets   = [for i in range(3) : cidrsubnet(var.cidr, 8, i)]
  private_subnets  = [for i in range(3) : cidrsubnet(var.cidr, 4, i + 1)]
  database_subnets = [for i in range(3) : cidrsubnet(var.cidr, 8, i + 100)]

  enable_nat_gateway     = true
  one_nat_gateway_per_az = var.nat_gateway_per_az
  single_nat_gateway     = !var.nat_gateway_per_az

  create_database_subnet_group           = false
  create_database_subnet_route_table     = true
  create_database_internet_gateway_route = false

  enable_dns_hostnames = true
  enable_dns_support   = true

  enable_flow_log                      = true
  create_flow_log_cloudwatch_log_group = true
  create_flow_log_cloudwatch_iam_role  = true

  public_subnet_tags = {
    "kubernetes.io/role/elb" = "1"
  }
  private_subnet_tags = {
    "kubernetes.io/role/internal-elb" = "1"
    "karpenter.sh/discovery"          = var.name
  }

  tags = var.tags
}
