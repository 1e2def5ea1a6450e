output "cluster_name" {
  description = "The EKS cluster's name."
  value       = module.eks.cluster_name
}

output "cluster_endpoint" {
  description = "The Kubernetes API endpoint."
  value       = module.eks.cluster_endpoint
}

output "node_security_group_id" {
  description = "The nodes' security group: the data stores admit only this group."
  value       = module.eks.node_security_group_id
}

output "cluster_autoscaler_role_arn" {
  description = "IAM role for the cluster-autoscaler service account."
  value       = module.cluster_autoscaler_irsa.iam_role_arn
}

output "load_balancer_controller_role_arn" {
  description = "IAM role for the aws-load-balancer-controller service account."
  value       = module.load_balancer_controller_irsa.iam_role_arn
}
