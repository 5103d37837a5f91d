// Five versions of one model set, migrated in turn (test/lit/migrate-five-versions.test).
// Version 1: books.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace five {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  std::string title;
};
} // namespace five
