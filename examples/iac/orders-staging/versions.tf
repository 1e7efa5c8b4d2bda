# The root module: it pins versions, configures the backend where state
# lives, and configures the provider. Run terraform from this directory.
terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }

  # Remote state in S3. use_lockfile takes a lock object next to the state
  # (S3 conditional writes), so two applies cannot run at once.
  backend "s3" {
    bucket       = "example-company-terraform-state"
    key          = "orders/staging/terraform.tfstate"
    region       = "eu-central-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Team      = "orders"
      ManagedBy = "terraform"
      Stack     = "orders-staging"
    }
  }
}
