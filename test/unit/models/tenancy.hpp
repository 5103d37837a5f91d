// Row-level tenancy (ormc:tenant): the rows of every tenant in one table, each tenant reading
// and writing its own through Models::row_tenant().
#pragma once

#include <cstdint>
#include <ormc/annotations.hpp>
#include <ormc/mixins.hpp>
#include <string>

namespace unit::shop {

/// Text tenants; history and soft delete apply per tenant too. `number` is unique across
/// tenants, so that an upsert on it can meet another tenant's row.
struct ORMC_TABLE(versioned) Invoice : ormc::mixins::SoftDelete {
  ORMC_ID() std::int64_t id = 0;
  ORMC_TENANT() std::string tenant_id;
  ORMC_COLUMN(unique) std::string number;
  std::int64_t total_cents = 0;
};

struct ORMC_TABLE() Charge {
  ORMC_ID() std::int64_t id = 0;
  ORMC_TENANT() std::string tenant_id;
  ORMC_BELONGS_TO(Invoice, on_delete = cascade) std::int64_t invoice_id = 0;
  std::string item;
  std::int64_t cents = 0;
};

/// An integer tenant that is part of a composite key, under reserved words: the table `group`,
/// the tenant column `user`.
struct ORMC_TABLE(name = "group") Seat {
  ORMC_ID() ORMC_TENANT() ORMC_COLUMN(name = "user") std::int64_t org = 0;
  ORMC_ID() std::int32_t number = 0;
  std::string holder;
};

/// A tenant PostgreSQL enforces too (ormc:tenant(row_security)): the table's policy compares
/// `desk` with the transaction's setting ormc.tenant, for raw SQL as much as for ormc's own.
struct ORMC_TABLE() HelpRequest {
  ORMC_ID() std::int64_t id = 0;
  ORMC_TENANT(row_security) std::string desk;
  std::string subject;
};

} // namespace unit::shop
