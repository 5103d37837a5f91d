// A model for the correctness tests: a unique column beside a database-assigned key, columns
// only an insert writes (created_at, insert_only), and a nullable column to order by.
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <ormc/mixins.hpp>
#include <string>

namespace unit {

struct ORMC_TABLE() Account : ormc::mixins::Timestamps {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(unique) std::string email;
  std::string name;
  ORMC_COLUMN(insert_only) std::string signup_source;
  std::optional<std::int32_t> rank;
  /// A comment that ends its literal early where a backslash escapes a quote.
  ORMC_COLUMN(comment = "C:\\temp\\'; DROP TABLE account; --") std::string note;
};

} // namespace unit
