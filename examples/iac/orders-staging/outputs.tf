output "database_host" {
  description = "Put this in the service's DATABASE_URL for staging."
  value       = module.orders_db.address
}

output "database_secret_arn" {
  description = "Grant the service's role read access to this secret."
  value       = module.orders_db.master_user_secret_arn
}
