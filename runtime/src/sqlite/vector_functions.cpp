#include "sqlite/vector_functions.hpp"

#include <cmath>
#include <cstring>
#include <sqlite3.h>

namespace ormc::sqlite {
namespace {

/// What the distances sum over a pair of vectors, in double precision as PostgreSQL's do.
struct Sums {
  double squared_difference = 0;
  double product = 0;
  double left_squared = 0;
  double right_squared = 0;
};

enum class Measure { l2, cosine, negative_inner_product };

/// Sums over the two arguments' floats; false (with an SQL error set) when they are not two
/// vectors of one dimension. Each float is copied out: a blob need not be aligned for floats.
bool sum_pairs(sqlite3_context* context, sqlite3_value** argv, Sums& out) {
  const auto* left = static_cast<const unsigned char*>(sqlite3_value_blob(argv[0]));
  const int left_size = sqlite3_value_bytes(argv[0]);
  const auto* right = static_cast<const unsigned char*>(sqlite3_value_blob(argv[1]));
  const int right_size = sqlite3_value_bytes(argv[1]);
  if (left_size != right_size || left_size % 4 != 0) {
    sqlite3_result_error(context, "ormc: the vectors of a distance have different dimensions", -1);
    return false;
  }
  for (int at = 0; at < left_size; at += 4) {
    float a = 0, b = 0;
    std::memcpy(&a, left + at, 4);
    std::memcpy(&b, right + at, 4);
    const double x = a, y = b;
    out.squared_difference += (x - y) * (x - y);
    out.product += x * y;
    out.left_squared += x * x;
    out.right_squared += y * y;
  }
  return true;
}

template <Measure M> void distance(sqlite3_context* context, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
    sqlite3_result_null(context); // a row without a vector is nowhere near
    return;
  }
  Sums s;
  if (!sum_pairs(context, argv, s)) return;
  if constexpr (M == Measure::l2) {
    sqlite3_result_double(context, std::sqrt(s.squared_difference));
  } else if constexpr (M == Measure::cosine) {
    const double norms = std::sqrt(s.left_squared) * std::sqrt(s.right_squared);
    if (norms == 0) // no direction: NULL, as PostgreSQL's NULLIF gives
      sqlite3_result_null(context);
    else
      sqlite3_result_double(context, 1 - s.product / norms);
  } else {
    sqlite3_result_double(context, -s.product);
  }
}

} // namespace

bool register_vector_functions(sqlite3* db) {
  constexpr int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  return sqlite3_create_function_v2(db, "ormc_l2_distance", 2, flags, nullptr,
                                    &distance<Measure::l2>, nullptr, nullptr,
                                    nullptr) == SQLITE_OK &&
         sqlite3_create_function_v2(db, "ormc_cosine_distance", 2, flags, nullptr,
                                    &distance<Measure::cosine>, nullptr, nullptr,
                                    nullptr) == SQLITE_OK &&
         sqlite3_create_function_v2(db, "ormc_negative_inner_product", 2, flags, nullptr,
                                    &distance<Measure::negative_inner_product>, nullptr, nullptr,
                                    nullptr) == SQLITE_OK;
}

} // namespace ormc::sqlite
