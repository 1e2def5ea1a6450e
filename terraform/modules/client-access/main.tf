# The one way a data store is reached: a security group admitting a single client security group
# (the Kubernetes nodes) on a single port. No CIDR, so never the internet.
resource "aws_security_group" "this" {
  name_prefix = "${var.name}-"
  description = "${var.description}: only from the Kubernetes nodes"
  vpc_id      = var.vpc_id
  tags        = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "from_clients" {
  security_group_id            = aws_security_group.this.id
  referenced_security_group_id = var.client_security_group_id
  from_port                    = var.port
  to_port                      = var.port
  ip_protocol                  = "tcp"
  description                  = "${var.description} from the Kubernetes nodes"
  tags                         = var.tags
}
