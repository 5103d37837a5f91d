// A table renamed with renamed_from=; the index named after it follows, and the table that references it keeps its rows: version 1.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(index) std::string title;
};
struct ORMC_TABLE() Review {
  ORMC_ID() std::int64_t id;
  ORMC_BELONGS_TO(Book, on_delete = cascade) std::int64_t book_id;
  std::string text;
};
} // namespace shop
