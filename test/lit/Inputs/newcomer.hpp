// Existing application code, annotated the way a newcomer would: classes with methods and
// access specifiers, library typedefs, a model in the global namespace beside namespaced ones.
#pragma once

#include <ormc/annotations.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

struct ORMC_TABLE() AuditEntry final {
  ORMC_ID() long id = 0;
  std::time_t at = 0;
  std::string what;
};

namespace shop {

enum Status { draft, placed, shipped };

class ORMC_TABLE(name = "orders") Order {
public:
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(name = "user") std::string customer;
  Status status = draft;
  std::size_t line_count = 0;
  std::chrono::sys_seconds placed_at{};
  std::optional<std::chrono::system_clock::time_point> shipped_at;
  std::vector<unsigned char> signature;

  bool is_open() const { return status != shipped; }
  struct Totals {
    double net = 0;
  };
  static constexpr int kMaxLines = 100;
  ORMC_IGNORE() Totals cached{};
};

struct ORMC_TABLE() Sku {
  ORMC_ID() std::string code;
  ORMC_COLUMN(default = 0) std::uint32_t stock = 0;
  std::optional<double> weight_kg;
  // Names the generated code also uses must still work as member names.
  std::string sql;
  std::int32_t member = 0;
  std::int32_t columns = 0;
};

} // namespace shop
