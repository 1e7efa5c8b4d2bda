variable "region" {
  description = "AWS region for this environment."
  type        = string
  default     = "eu-central-1"
}

variable "environment" {
  description = "Environment name, used in names and tags."
  type        = string
  default     = "staging"
}
