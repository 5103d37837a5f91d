// A foreign key added over rows that break it. SQLite: the migration fails, nothing of it is applied, every row stays. PostgreSQL: the key is added NOT VALID and its validation, an online step, fails until the rows are fixed: version 2.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Shelf {
  ORMC_ID() std::int64_t id;
};
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  ORMC_BELONGS_TO(Shelf) std::int64_t shelf_id;
};
} // namespace shop
