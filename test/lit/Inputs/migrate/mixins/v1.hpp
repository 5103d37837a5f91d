// Posts and tags, unrelated.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace blog {
struct ORMC_TABLE() Tag {
  ORMC_ID() std::int64_t id;
  std::string label;
};

struct ORMC_TABLE() Post {
  ORMC_ID() std::int64_t id;
  std::string title;
};
} // namespace blog
