// Notes that several clients write and read through an ormc::Cluster.
#pragma once

#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace replicated {

struct ORMC_TABLE() Note {
  ORMC_ID() std::int64_t id = 0;
  std::string author;
  std::string body;
};

} // namespace replicated
