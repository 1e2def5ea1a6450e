# pay's master key for envelope encryption (common's io.quarkmall.common.crypto): each shopper's
# data key is wrapped and unwrapped by KMS Encrypt/Decrypt, so this key never leaves KMS. Its
# material rotates yearly, transparently to pay; destroying a shopper's data key (crypto-shredding)
# happens in pay's database and needs nothing here.
resource "aws_kms_key" "pay_master" {
  description             = "${local.name} pay master key: wraps shoppers' data keys"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
  tags                    = local.tags
}

resource "aws_kms_alias" "pay_master" {
  name          = "alias/${local.name}-pay-master"
  target_key_id = aws_kms_key.pay_master.key_id
}

# pay's pods get this role through EKS Pod Identity (the cluster's eks-pod-identity-agent add-on),
# bound to the chart's service account of pay in the release's namespace.
data "aws_iam_policy_document" "pay_pod_trust" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "pay" {
  name               = "${local.name}-pay"
  description        = "pay's pods: wrap and unwrap data keys with pay's master key"
  assume_role_policy = data.aws_iam_policy_document.pay_pod_trust.json
  tags               = local.tags
}

# Only Encrypt and Decrypt, only on pay's master key, and only for data keys (pay always sends this
# encryption context), so the role can neither use other keys nor decrypt other ciphertexts.
data "aws_iam_policy_document" "pay_master_key" {
  statement {
    actions   = ["kms:Encrypt", "kms:Decrypt"]
    resources = [aws_kms_key.pay_master.arn]
    condition {
      test     = "StringEquals"
      variable = "kms:EncryptionContext:quarkmall:purpose"
      values   = ["data-key"]
    }
  }
}

resource "aws_iam_role_policy" "pay_master_key" {
  name   = "pay-master-key"
  role   = aws_iam_role.pay.id
  policy = data.aws_iam_policy_document.pay_master_key.json
}

resource "aws_eks_pod_identity_association" "pay" {
  cluster_name    = module.eks.cluster_name
  namespace       = var.kubernetes_namespace
  service_account = "${var.helm_release}-pay"
  role_arn        = aws_iam_role.pay.arn
  tags            = local.tags
}
