// Version 1's Book without `title`, and a new `name` of the same type: drop + add, never a
// guessed rename.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace library {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(default = "") std::string name;
};
} // namespace library
