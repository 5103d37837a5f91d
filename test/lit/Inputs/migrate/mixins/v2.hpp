// A mixin's columns on Post, and posts tagged: a join table.
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace blog {
struct ORMC_MIXIN() Reviewed {
  std::optional<std::string> reviewed_by;
  ORMC_COLUMN(default = 0) std::int32_t review_round = 0;
};

struct ORMC_TABLE() Tag {
  ORMC_ID() std::int64_t id;
  std::string label;
};

struct ORMC_TABLE() ORMC_MANY_TO_MANY(Tag) Post : Reviewed {
  ORMC_ID() std::int64_t id;
  std::string title;
};
} // namespace blog
