// The C++ member type `ormc import` writes for a catalog type, with the ormc:column keys that
// make ormc declare and check the column as the schema has it (max_length, storage,
// sqlite_type, postgresql_type).
#pragma once

#include <ormc/sql/renderer.hpp>
#include <string>
#include <vector>

namespace ormc::importer {

struct MemberType {
  /// What a default literal of the column may be written as (ormc:column(default=...)).
  enum class Literal { Integer, Number, Bool, Text, None };
  std::string cpp;                  // "std::int32_t", "ormc::decimal<10, 2>"
  std::vector<std::string> options; // "max_length = 20", "sqlite_type = \"NVARCHAR(120)\""
  std::string initializer;          // " = 0" for scalars, "" for class types
  std::string note;                 // for the reviewer, as a comment; "" for none
  Literal literal = Literal::None;
  bool decimal = false; // needs <ormc/decimal.hpp>
  bool json = false;    // needs <ormc/json.hpp>
};

/// The member type for a column the catalog of `dialect` types `catalogType`.
MemberType chooseType(const sql::Renderer& dialect, const std::string& catalogType);

/// `text` as a C++ string literal body: quotes and backslashes escaped.
std::string quoted(const std::string& text);

} // namespace ormc::importer
