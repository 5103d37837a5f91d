// `id` narrower and `title` limited to 10 characters: the key never changes in place, and a
// narrower type needs a conversion (convert_using=) or --allow-data-loss.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace library {
struct ORMC_TABLE() Book {
  ORMC_ID() std::int32_t id;
  ORMC_COLUMN(max_length = 10) std::string title;
};
} // namespace library
