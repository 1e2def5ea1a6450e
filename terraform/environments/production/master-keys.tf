# The master keys of envelope encryption (common's io.quarkmall.common.crypto), one per service that
# seals shoppers' personal data: pay (payer identifiers) and cart-order (the address book and the
# orders' delivery addresses). Each shopper's data key is wrapped and unwrapped by KMS
# Encrypt/Decrypt, so a master key never leaves KMS. Its material rotates yearly, transparently to
# the services; destroying a shopper's data key (crypto-shredding) happens in the service's
# database and needs nothing here.
locals {
  sealing_services = toset(["pay", "cart-order"])
}

resource "aws_kms_key" "master" {
  for_each                = local.sealing_services
  description             = "${local.name} ${each.key} master key: wraps shoppers' data keys"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
  tags                    = local.tags
}

resource "aws_kms_alias" "master" {
  for_each      = local.sealing_services
  name          = "alias/${local.name}-${each.key}-master"
  target_key_id = aws_kms_key.master[each.key].key_id
}

# Each service's pods get its role through EKS Pod Identity (the cluster's eks-pod-identity-agent
# add-on), bound to the chart's service account of that service in the release's namespace.
data "aws_iam_policy_document" "pod_trust" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "sealing" {
  for_each           = local.sealing_services
  name               = "${local.name}-${each.key}"
  description        = "${each.key}'s pods: wrap and unwrap data keys with ${each.key}'s master key"
  assume_role_policy = data.aws_iam_policy_document.pod_trust.json
  tags               = local.tags
}

# Only Encrypt and Decrypt, only on the service's own master key, and only for data keys (the
# services always send this encryption context), so a role can neither use other keys nor decrypt
# other ciphertexts.
data "aws_iam_policy_document" "master_key" {
  for_each = local.sealing_services
  statement {
    actions   = ["kms:Encrypt", "kms:Decrypt"]
    resources = [aws_kms_key.master[each.key].arn]
    condition {
      test     = "StringEquals"
      variable = "kms:EncryptionContext:quarkmall:purpose"
      values   = ["data-key"]
    }
  }
}

resource "aws_iam_role_policy" "master_key" {
  for_each = local.sealing_services
  name     = "${each.key}-master-key"
  role     = aws_iam_role.sealing[each.key].id
  policy   = data.aws_iam_policy_document.master_key[each.key].json
}

resource "aws_eks_pod_identity_association" "sealing" {
  for_each        = local.sealing_services
  cluster_name    = module.eks.cluster_name
  namespace       = var.kubernetes_namespace
  service_account = "${var.helm_release}-${each.key}"
  role_arn        = aws_iam_role.sealing[each.key].arn
  tags            = local.tags
}

# pay's key, alias, role and binding were single resources before cart-order sealed addresses too.
moved {
  from = aws_kms_key.pay_master
  to   = aws_kms_key.master["pay"]
}

moved {
  from = aws_kms_alias.pay_master
  to   = aws_kms_alias.master["pay"]
}

moved {
  from = aws_iam_role.pay
  to   = aws_iam_role.sealing["pay"]
}

moved {
  from = aws_iam_role_policy.pay_master_key
  to   = aws_iam_role_policy.master_key["pay"]
}

moved {
  from = aws_eks_pod_identity_association.pay
  to   = aws_eks_pod_identity_association.sealing["pay"]
}
