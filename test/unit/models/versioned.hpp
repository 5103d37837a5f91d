// A model with optimistic locking: update() writes a page only over the version it was read at.
#pragma once

#include <cstdint>
#include <ormc/annotations.hpp>
#include <ormc/mixins.hpp>
#include <string>

namespace unit {

struct ORMC_TABLE() WikiPage : ormc::mixins::Timestamps {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(unique) std::string slug;
  ORMC_COLUMN(not_empty) std::string body;
  std::int32_t views = 0;
  ORMC_VERSION() std::int32_t version = 0;
};

} // namespace unit
