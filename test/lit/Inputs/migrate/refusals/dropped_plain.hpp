// gone.hpp's Shelf without its `room`.
#include <cstdint>
#include <ormc/annotations.hpp>

namespace library {
struct ORMC_TABLE() Shelf {
  ORMC_ID() std::int64_t id;
};
} // namespace library
