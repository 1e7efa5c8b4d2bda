variable "service" {
  description = "Name of the service that owns the database, e.g. orders."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.service))
    error_message = "service must be lowercase letters, digits and hyphens, 2-31 characters."
  }
}

variable "environment" {
  description = "Deployment environment."
  type        = string

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "vpc_id" {
  description = "VPC the database lives in."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets, in at least two availability zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "RDS needs subnets in at least two availability zones."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups of the applications allowed to connect on 5432."
  type        = list(string)
  default     = []
}

variable "engine_version" {
  description = "PostgreSQL major version. Minor versions are upgraded by AWS."
  type        = string
  default     = "17"
}

variable "instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.micro"
}

variable "allocated_storage_gb" {
  description = "Initial storage in GiB."
  type        = number
  default     = 20

  validation {
    condition     = var.allocated_storage_gb >= 20
    error_message = "gp3 storage for RDS PostgreSQL starts at 20 GiB."
  }
}

variable "max_allocated_storage_gb" {
  description = "Upper limit for storage autoscaling in GiB."
  type        = number
  default     = 100
}

variable "database_name" {
  description = "Name of the initial database."
  type        = string
  default     = "app"
}

variable "multi_az" {
  description = "Keep a synchronous standby in a second availability zone."
  type        = bool
  default     = false
}

variable "backup_retention_days" {
  description = "Days of automated backups and point-in-time recovery."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 1 and 35."
  }
}

variable "deletion_protection" {
  description = "Refuse DeleteDBInstance calls until this is turned off."
  type        = bool
  default     = true
}

variable "slow_query_ms" {
  description = "Log statements slower than this many milliseconds (-1 disables)."
  type        = number
  default     = 500
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}
