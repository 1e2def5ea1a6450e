output "bucket" {
  description = "Bucket to upload the SPA's build to (assets with long cache headers, index.html with none)."
  value       = aws_s3_bucket.spa.bucket
}

output "distribution_id" {
  description = "CloudFront distribution, for invalidating /index.html after a release."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_domain" {
  description = "CloudFront's own DNS name, for the shop's DNS alias record."
  value       = aws_cloudfront_distribution.this.domain_name
}
