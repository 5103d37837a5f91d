// SQLite: STRICT tables so the database itself rejects a value of the wrong type; integer
// primary keys are rowid aliases; timestamps are INTEGER microseconds since the Unix epoch;
// UUIDs are TEXT.
#include "emit/SqlDialect.h"

namespace ormc::emit {
namespace {

const char* storageType(ir::TypeKind kind) {
  switch (kind) {
  case ir::TypeKind::Float:
  case ir::TypeKind::Double:
    return "REAL";
  case ir::TypeKind::String:
  case ir::TypeKind::Uuid:
    return "TEXT";
  case ir::TypeKind::Bytes:
    return "BLOB";
  default:
    return "INTEGER"; // bool, integers, enums, timestamps
  }
}

class SqliteDialect final : public SqlDialect {
public:
  std::string_view name() const override { return "sqlite"; }
  std::string_view runtimeEnumerator() const override { return "sqlite"; }

  std::string columnDefinition(const ir::Column& c) const override {
    std::string out = storageType(c.type.kind);
    if (c.primaryKey) out += " PRIMARY KEY";
    if (!c.nullable) out += " NOT NULL";
    if (c.defaultValue) out += " DEFAULT " + defaultLiteral(*c.defaultValue);
    std::string column = quoteIdentifier(c.name);
    if (c.type.kind == ir::TypeKind::Bool) out += " CHECK (" + column + " IN (0, 1))";
    if (c.maxLength)
      out += " CHECK (length(" + column + ") <= " + std::to_string(*c.maxLength) + ")";
    // UUIDs are text in their canonical 36-character form; PostgreSQL has a type for them.
    if (c.type.kind == ir::TypeKind::Uuid) out += " CHECK (length(" + column + ") = 36)";
    return out;
  }

  std::string tableName(const ir::Model& m) const override {
    // One SQLite file is one schema; `schema=` applies to PostgreSQL only.
    return quoteIdentifier(m.table);
  }

  std::string placeholder(unsigned n) const override { return "?" + std::to_string(n); }
  bool insertReturnsKey() const override { return false; }
  std::string_view tableOptions() const override { return " STRICT"; }
  bool referencesLaterTables() const override { return true; }
  bool hasIndexMethods() const override { return false; } // every SQLite index is a b-tree
  std::string lengthFunction(ir::TypeKind) const override { return "length"; }
  std::string catalogType(const ir::Column& c) const override { return storageType(c.type.kind); }
  // A rowid alias takes the next key after the largest one by itself.
  std::string syncKeyStatement(const ir::Model&) const override { return ""; }

  std::string defaultLiteral(const ir::DefaultValue& value) const override {
    if (value.kind == ir::DefaultValue::Kind::Bool) return value.text == "true" ? "1" : "0";
    return SqlDialect::defaultLiteral(value);
  }
};

} // namespace

const SqlDialect& sqliteDialect() {
  static const SqliteDialect dialect;
  return dialect;
}

} // namespace ormc::emit
