// Models of a schema for a distributed PostgreSQL engine (Citus): a reference table, a table
// distributed by its key, and one colocated with it, sharded by the same company.
#pragma once

#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace crm {

struct ORMC_TABLE(reference) Country {
  ORMC_ID(assigned) std::string code;
  std::string name;
};

struct ORMC_TABLE(distribute_by = id) Company {
  ORMC_ID(assigned) std::int64_t id = 0;
  ORMC_BELONGS_TO(Country) std::string country_code;
};

struct ORMC_TABLE(distribute_by = company_id, colocate_with = Company) Project {
  ORMC_ID() ORMC_BELONGS_TO(Company) std::int64_t company_id = 0;
  ORMC_ID() std::int64_t id = 0;
  std::string title;
};

} // namespace crm
