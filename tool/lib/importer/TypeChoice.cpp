#include "importer/TypeChoice.h"

#include <cctype>

namespace ormc::importer {
namespace {

using sql::ColumnType;

std::string lower(std::string text) {
  for (char& ch : text)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

MemberType scalar(const char* cpp, const char* initializer, MemberType::Literal literal) {
  MemberType t;
  t.cpp = cpp;
  t.initializer = initializer;
  t.literal = literal;
  return t;
}

/// The C++ type ormc stores as `reading`'s column type, and the storage it says.
MemberType memberFor(const sql::CatalogTypeReading& reading) {
  using L = MemberType::Literal;
  const char* time = reading.whole_seconds ? "std::chrono::sys_seconds"
                                           : "std::chrono::sys_time<std::chrono::microseconds>";
  MemberType t;
  switch (reading.type) {
  case ColumnType::boolean:
    return scalar("bool", " = false", L::Bool);
  case ColumnType::int8:
    return scalar("std::int8_t", " = 0", L::Integer);
  case ColumnType::int16:
    return scalar("std::int16_t", " = 0", L::Integer);
  case ColumnType::int32:
    return scalar("std::int32_t", " = 0", L::Integer);
  case ColumnType::float32:
    return scalar("float", " = 0", L::Number);
  case ColumnType::float64:
    return scalar("double", " = 0", L::Number);
  case ColumnType::bytes:
    return scalar("std::vector<std::byte>", "", L::None);
  case ColumnType::date:
    return scalar("std::chrono::sys_days", "", L::None);
  case ColumnType::timestamp:
    return scalar(time, "", L::None);
  case ColumnType::timestamp_plain:
    t = scalar(time, "", L::None);
    t.options.push_back("storage = timestamp");
    return t;
  case ColumnType::decimal:
  case ColumnType::decimal_number:
    t.cpp = "ormc::decimal<" + std::to_string(reading.precision) + ", " +
            std::to_string(reading.scale) + ">";
    t.literal = L::Number;
    t.decimal = true;
    if (reading.type == ColumnType::decimal_number) t.options.push_back("storage = numeric");
    return t;
  case ColumnType::json:
    t = scalar("nlohmann::json", "", L::None);
    t.json = true;
    return t;
  case ColumnType::text:
  case ColumnType::uuid:
  case ColumnType::timestamp_text:
    t = scalar("std::string", "", L::Text);
    if (reading.max_length)
      t.options.push_back("max_length = " + std::to_string(*reading.max_length));
    return t;
  default:
    return scalar("std::int64_t", " = 0", L::Integer);
  }
}

} // namespace

std::string quoted(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

MemberType chooseType(const sql::Renderer& dialect, const std::string& catalogType) {
  sql::CatalogTypeReading reading = dialect.read_catalog_type(catalogType);
  MemberType t = memberFor(reading);
  t.note = reading.note;
  // Where ormc would declare the column otherwise, it keeps the schema's type.
  sql::ColumnDefinition own;
  own.type = reading.type;
  own.max_length = reading.max_length;
  own.precision = reading.precision;
  own.scale = reading.scale;
  if (lower(dialect.catalog_type(own)) != lower(catalogType))
    t.options.push_back(std::string(dialect.name()) + "_type = \"" + quoted(catalogType) + "\"");
  return t;
}

} // namespace ormc::importer
