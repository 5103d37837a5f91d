// A foreign key over two columns the table already has, to a composite key: version 1.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {
struct ORMC_TABLE() Shelf {
  ORMC_ID() std::string aisle;
  ORMC_ID() std::int64_t slot;
  std::string room;
};
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  std::string title;
  std::optional<std::string> aisle;
  std::optional<std::int64_t> slot;
};
} // namespace shop
