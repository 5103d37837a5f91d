// docs/type-mapping.md: a schema someone else made — PascalCase names, text dates, NUMERIC
// prices, application-assigned keys — and a JSON column.
#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <ormc/annotations.hpp>
#include <ormc/decimal.hpp>
#include <string>

namespace ORMC_SCHEMA(naming = PascalCase, time_storage = timestamp) store {

  struct ORMC_TABLE() Invoice {
    ORMC_ID(assigned) std::int64_t invoice_id = 0;
    std::chrono::sys_seconds invoice_date;
    ormc::decimal<10, 2> total;
    nlohmann::json billing;
  };

} // namespace store
