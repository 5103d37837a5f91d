// A column whose declared type STRICT refuses, added to a STRICT table: version 2. The table
// is rebuilt as a plain one (SQLite); PostgreSQL adds the column.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Customer {
  ORMC_ID() std::int64_t id;
  std::string name;
  ORMC_COLUMN(sqlite_type = "NVARCHAR(40)", postgresql_type = "character varying(40)")
  std::optional<std::string> city;
};
} // namespace shop
