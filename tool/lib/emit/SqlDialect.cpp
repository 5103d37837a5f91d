#include "emit/SqlDialect.h"

namespace ormc::emit {

std::string quoteIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string quoteString(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + '\'';
}

std::vector<const SqlDialect*> allDialects() {
  return {&sqliteDialect(), &postgresDialect()};
}

std::string SqlDialect::defaultLiteral(const ir::DefaultValue& value) const {
  switch (value.kind) {
  case ir::DefaultValue::Kind::String:
    return quoteString(value.text);
  case ir::DefaultValue::Kind::Null:
    return "NULL";
  case ir::DefaultValue::Kind::Bool:
    return value.text == "true" ? "TRUE" : "FALSE";
  default:
    return value.text;
  }
}

} // namespace ormc::emit
