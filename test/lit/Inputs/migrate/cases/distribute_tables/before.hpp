// Tables handed to a distributed engine (Citus): a local table made a reference table, two made distributed (colocated), a new distributed table; SQLite keeps every table whole, so its migration only creates the new table: version 1.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace crm {
struct ORMC_TABLE() Country {
  ORMC_ID(assigned) std::string code;
};

struct ORMC_TABLE() Company {
  ORMC_ID(assigned) std::int64_t id = 0;
  ORMC_BELONGS_TO(Country) std::string country_code;
};

struct ORMC_TABLE() Project {
  ORMC_ID() ORMC_BELONGS_TO(Company) std::int64_t company_id = 0;
  ORMC_ID() std::int64_t id = 0;
  std::string title;
};
} // namespace crm
