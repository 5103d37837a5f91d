// A tenant column that PostgreSQL starts enforcing too (ormc:tenant(row_security)): a policy on the table, its rows untouched; SQLite has no policies, so its migration has no statement: version 2.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Ticket {
  ORMC_ID() std::int64_t id;
  ORMC_TENANT(row_security) std::string desk;
  std::string subject;
};
} // namespace shop
