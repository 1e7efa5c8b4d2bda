# A reusable module: it declares which providers it needs, but never
# configures them (no region, no credentials). The root module does that.
terraform {
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0, < 7.0"
    }
  }
}
