# Data sources read things that exist already and are managed elsewhere
# (here, by the platform team's network stack). Terraform never changes them.
data "aws_vpc" "main" {
  tags = {
    Name = "main-${var.environment}"
  }
}

data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.main.id]
  }

  tags = {
    Tier = "private"
  }
}

data "aws_security_group" "orders_api" {
  vpc_id = data.aws_vpc.main.id
  name   = "orders-api-${var.environment}"
}

module "orders_db" {
  source = "../postgres-module"

  service                    = "orders"
  environment                = var.environment
  vpc_id                     = data.aws_vpc.main.id
  subnet_ids                 = data.aws_subnets.private.ids
  allowed_security_group_ids = [data.aws_security_group.orders_api.id]

  instance_class        = "db.t4g.small"
  multi_az              = false # staging: one instance is enough
  backup_retention_days = 3
  deletion_protection   = false
  slow_query_ms         = 200
}
