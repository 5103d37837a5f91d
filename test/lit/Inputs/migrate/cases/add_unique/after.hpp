// A column made unique (SQLite rebuilds the table): the rows that reference it through an ON DELETE CASCADE key are untouched: version 2.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Author {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(unique) std::string email;
};
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  ORMC_BELONGS_TO(Author, on_delete = cascade) std::int64_t author_id;
  std::string title;
};
} // namespace shop
