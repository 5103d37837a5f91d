// A foreign key added over rows that break it: the migration fails, nothing of it is applied, every row stays: version 2.
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
