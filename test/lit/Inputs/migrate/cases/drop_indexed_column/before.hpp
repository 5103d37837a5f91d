// An indexed, unique column dropped with --allow-data-loss (SQLite rebuilds the table); the other columns keep their values: version 1.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(unique) std::string isbn;
  std::string title;
};
} // namespace shop
