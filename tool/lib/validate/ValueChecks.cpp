#include "validate/ValueChecks.h"

#include "emit/SqlSchema.h"
#include "ir/Identifiers.h"
#include "validate/FindingBuilders.h"
#include "validate/TextChecks.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <ormc/sql/renderer.hpp>
#include <string_view>

namespace ormc::validate {
namespace {

/// The values a column's C++ type can hold, for integer kinds.
std::optional<std::pair<long double, long double>> integerRange(ir::TypeKind kind) {
  using L = long double;
  switch (kind) {
  case ir::TypeKind::Int8:
    return std::pair<L, L>{-128, 127};
  case ir::TypeKind::Int16:
    return std::pair<L, L>{-32768, 32767};
  case ir::TypeKind::Int32:
    return std::pair<L, L>{-2147483648.0L, 2147483647.0L};
  case ir::TypeKind::Int64:
    return std::pair<L, L>{-9223372036854775808.0L, 9223372036854775807.0L};
  case ir::TypeKind::UInt8:
    return std::pair<L, L>{0, 255};
  case ir::TypeKind::UInt16:
    return std::pair<L, L>{0, 65535};
  case ir::TypeKind::UInt32:
    return std::pair<L, L>{0, 4294967295.0L};
  case ir::TypeKind::UInt64:
    return std::pair<L, L>{0, 18446744073709551615.0L};
  default:
    return std::nullopt;
  }
}

std::optional<long double> number(const std::string& text) {
  errno = 0;
  char* end = nullptr;
  long double value = std::strtold(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || errno == ERANGE) return std::nullopt;
  return value;
}

/// Why `text` is not exactly a value of the decimal type `t` ("" when it is).
std::string decimalMisfit(const ir::ColumnType& t, const std::string& text) {
  std::size_t pos = text[0] == '-' || text[0] == '+' ? 1 : 0;
  std::size_t dot = text.find('.');
  std::string whole = text.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
  std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
  auto digitsOnly = [](const std::string& s) {
    return s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (!digitsOnly(whole) || !digitsOnly(fraction) || (whole.empty() && fraction.empty()))
    return "is not a decimal number (digits, and a point)";
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size()));
  fraction.erase(fraction.find_last_not_of('0') + 1);
  if (static_cast<int>(fraction.size()) > t.scale ||
      static_cast<int>(whole.size()) > t.precision - t.scale)
    return "has more digits than '" + t.spelling + "' holds";
  return "";
}

/// Why the numeric literal `text` does not fit column `c` ("" when it does).
std::string outOfRange(const ir::Column& c, const std::string& text) {
  if (c.type.kind == ir::TypeKind::Decimal) return decimalMisfit(c.type, text);
  std::optional<long double> value = number(text);
  if (!value) return "is not a number ormc can read";
  if (auto range = integerRange(c.type.kind); range && c.type.enumType.empty()) {
    if (*value < range->first || *value > range->second || std::floor(*value) != *value)
      return "is outside the range of '" + c.type.spelling + "'";
  } else if (c.type.kind == ir::TypeKind::Float &&
             std::fabs(*value) > std::numeric_limits<float>::max()) {
    return "is outside the range of 'float'";
  }
  return "";
}

std::size_t utf8Length(const std::string& text) {
  std::size_t n = 0;
  for (char ch : text)
    n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  return n;
}

void checkDefault(const ir::Column& c, Findings& out) {
  if (!c.defaultValue) return;
  const ir::DefaultValue& d = *c.defaultValue;
  auto fail = [&](const std::string& why) {
    out.push_back(error("default-type", c.loc,
                        "default value '" + d.text + "' of '" + c.member + "' " + why));
  };
  using K = ir::DefaultValue::Kind;
  if (d.kind == K::Integer || d.kind == K::Real) {
    if (std::string why = outOfRange(c, d.text); !why.empty()) return fail(why);
    std::optional<long double> value = number(d.text);
    if (value && c.min && number(*c.min) && *value < *number(*c.min))
      return fail("is below min=" + *c.min);
    if (value && c.max && number(*c.max) && *value > *number(*c.max))
      return fail("is above max=" + *c.max);
  }
  if (d.kind == K::String) {
    if (c.maxLength && static_cast<std::int64_t>(utf8Length(d.text)) > *c.maxLength)
      return fail("is longer than max_length=" + std::to_string(*c.maxLength));
    if (c.notEmpty && d.text.empty()) return fail("is empty, but the column is not_empty");
  }
}

void checkLimits(const ir::Column& c, Findings& out) {
  for (const auto* limit : {&c.min, &c.max})
    if (*limit && integerRange(c.type.kind))
      if (std::string why = outOfRange(c, **limit); !why.empty())
        out.push_back(error("validation-type", c.loc,
                            std::string(limit == &c.min ? "min=" : "max=") + **limit + " of '" +
                                c.member + "' " + why));
}

// Which storages each kind of member has: the emitters and the runtime rely on this. (Keys are
// integers and strings, stored natively: primary-key-type refuses the rest.)
void checkStorage(const ir::Column& c, Findings& out) {
  if (c.storage == ir::Storage::Native) return;
  bool isEnum = !c.type.enumType.empty();
  bool decimal = c.type.kind == ir::TypeKind::Decimal;
  bool vector = c.type.kind == ir::TypeKind::Vector;
  bool fits = isEnum    ? c.storage == ir::Storage::Text
              : decimal ? c.storage == ir::Storage::Numeric
              : vector
                  ? c.storage == ir::Storage::PgVector
                  : c.type.kind == ir::TypeKind::Timestamp && c.storage != ir::Storage::Numeric &&
                        c.storage != ir::Storage::PgVector;
  std::string chosen = ir::storageName(c.storage);
  if (!fits)
    out.push_back(
        error("storage-type", c.loc,
              "storage=" + chosen + " on '" + c.member + "': " +
                  (isEnum ? "an enum is stored as its integer (native) or its enumerators' names "
                            "(storage=text)"
                   : decimal ? "a decimal is stored natively (scaled INTEGER on SQLite) or as "
                               "storage=numeric"
                   : vector  ? "a vector is stored natively (REAL[] on PostgreSQL) or as "
                               "storage=pgvector"
                             : "a time storage applies to std::chrono::system_clock::time_point "
                               "members, numeric to ormc::decimal ones, text to enums too, "
                               "pgvector to vectors") +
                  "; '" + c.member + "' has type '" + c.type.spelling + "'"));
}

// A declared type (sqlite_type=, postgresql_type=) must be one SQL type that keeps what ormc
// stores for the member: a REAL column would turn a count of cents into a float.
void checkDeclaredTypes(const ir::Model& m, const ir::Column& c, Findings& out) {
  if (c.declaredTypes.empty()) return;
  sql::ColumnDefinition definition = emit::columnDefinition(c, m.table);
  for (Dialect dialect : sql::all_dialects()) {
    const sql::Renderer& d = sql::renderer(dialect);
    std::string text = d.declared_type(definition);
    if (text.empty()) continue;
    std::string key = std::string(d.name()) + "_type=\"" + text + "\" of '" + c.member + "'";
    std::string why = sqlExpressionProblem(text);
    if (why.empty() && text.find_first_not_of(" \t") == std::string::npos) why = "no type";
    if (!why.empty()) {
      out.push_back(error("column-type", c.loc, key + " is not one SQL type: it has " + why));
      continue;
    }
    if (std::string problem = d.declared_type_problem(definition); !problem.empty())
      out.push_back(error("column-type", c.loc, key + " (" + c.type.spelling + "): " + problem));
  }
}

void checkName(const std::string& name, const char* what, const ir::SourceLoc& loc, Findings& out) {
  if (hasControlCharacter(name))
    out.push_back(error("invalid-name", loc,
                        std::string(what) + " name holds a control character (a newline, tab or "
                                            "NUL); names are one line of text"));
  if (name.size() > ir::kMaxIdentifierBytes)
    out.push_back(error("invalid-name", loc,
                        std::string(what) + " name '" + name + "' is " +
                            std::to_string(name.size()) +
                            " bytes long; PostgreSQL keeps only "
                            "the first 63, so names that differ later would be one: shorten it"));
}

void checkExpression(const std::string& expression, const ir::SourceLoc& loc, Findings& out) {
  if (std::string why = sqlExpressionProblem(expression); !why.empty())
    out.push_back(error("sql-text", loc,
                        "check=\"" + expression + "\" is not one SQL expression: it has " + why));
}

} // namespace

/// What the generated Models has besides the tables (ModelsEmitter).
constexpr std::array<std::string_view, 13> kModelsMembers = {
    "branch",   "check_schema", "create_branch",    "create_schema",
    "database", "drop_schema",  "drop_statements",  "finish_statements",
    "modules",  "row_tenant",   "start_statements", "tables",
    "tenant"};

void checkValues(const ir::Model& m, Findings& out) {
  checkName(m.table, "table", m.loc, out);
  checkName(m.schema, "schema", m.loc, out);
  if (!isCppIdentifier(m.accessor))
    out.push_back(error("invalid-name", m.loc,
                        "accessor '" + m.accessor +
                            "' is not a C++ identifier; it names the table's member of Models"));
  else if (std::find(kModelsMembers.begin(), kModelsMembers.end(), m.accessor) !=
           kModelsMembers.end())
    out.push_back(error("invalid-name", m.loc,
                        "accessor '" + m.accessor + "' of '" + m.name +
                            "' is a member of Models already; name the table's member with "
                            "ormc:table(accessor=...)"));
  for (const std::string& check : m.checks)
    checkExpression(check, m.loc, out);
  for (const ir::Column& c : m.columns) {
    checkName(c.name, "column", c.loc, out);
    if (!c.check.empty()) checkExpression(c.check, c.loc, out);
    checkDefault(c, out);
    checkLimits(c, out);
    checkStorage(c, out);
    checkDeclaredTypes(m, c, out);
  }
  for (const ir::ManyToMany& rel : m.manyToMany)
    checkName(rel.table, "join table", rel.loc, out);
  for (const ir::Index& index : m.indexes) {
    checkName(index.name, "index", index.loc, out);
    if (!index.opclass.empty() && !isQualifiedSqlName(index.opclass))
      out.push_back(error("index-definition", index.loc,
                          "opclass '" + index.opclass +
                              "' is not an operator class name (an identifier, optionally "
                              "schema-qualified: pg_catalog.text_ops)"));
  }
}

} // namespace ormc::validate
