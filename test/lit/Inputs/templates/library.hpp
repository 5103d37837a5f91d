// Models for the template tests: every part of the template data (enums, keys, indexes,
// relations of each kind, references, each type kind) appears at least once.
#pragma once
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <ormc/annotations.hpp>
#include <ormc/decimal.hpp>
#include <string>
#include <vector>

namespace library {
enum class Condition : std::int8_t { mint, worn, null };

/// Someone who borrows books.
struct ORMC_TABLE() Member {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(unique, max_length = 320) std::string email;
  std::optional<std::chrono::sys_days> born;
};

struct ORMC_TABLE() Shelf {
  ORMC_ID(uuid) std::string id;
  std::string room;
};

struct ORMC_TABLE(schema = "stock") ORMC_INDEX(title, shelf_id) Book {
  ORMC_ID() std::int64_t id = 0;
  std::string title;
  ORMC_BELONGS_TO(Shelf) std::string shelf_id;
  ORMC_COLUMN(storage = text) Condition condition = Condition::mint;
  ORMC_COLUMN(storage = text) std::optional<Condition> last_condition;
  ormc::decimal<8, 2> price;
  std::optional<std::vector<std::byte>> cover;
  std::chrono::system_clock::time_point added{};
  std::chrono::seconds loan_period{};
  bool available = true;
  double rating = 0;
  nlohmann::json details;
  ORMC_VECTOR(dim = 3) std::vector<float> embedding;
};

struct ORMC_TABLE() ORMC_MANY_TO_MANY(Book, name = books, inverse = borrowers) Borrower {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(Member) std::int64_t member_id = 0;
};
} // namespace library
