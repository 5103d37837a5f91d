// The row-tenancy benchmark's tables: one order table three times, shared by no tenants, by row
// tenants (ormc:tenant), and by row tenants that PostgreSQL enforces too (row_security).
#pragma once
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace bench {
struct ORMC_TABLE() Order {
  ORMC_ID() std::int64_t id = 0;
  std::string shop;
  std::int64_t cents = 0;
};
struct ORMC_TABLE() TenantOrder {
  ORMC_ID() std::int64_t id = 0;
  ORMC_TENANT() std::string shop;
  std::int64_t cents = 0;
};
struct ORMC_TABLE() GuardedOrder {
  ORMC_ID() std::int64_t id = 0;
  ORMC_TENANT(row_security) std::string shop;
  std::int64_t cents = 0;
};
} // namespace bench
