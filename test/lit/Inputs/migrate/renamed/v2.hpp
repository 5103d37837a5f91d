// library/v1.hpp with `title` renamed to `name`, said so with renamed_from.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace library {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int64_t id;
  ORMC_COLUMN(renamed_from = title) std::string name;
};
} // namespace library
