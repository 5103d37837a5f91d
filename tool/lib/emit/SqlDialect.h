// What differs between SQL dialects, for the DDL and statement emitters. One implementation per
// database; everything else in the emitters is shared.
#pragma once

#include "ir/Schema.h"

#include <string>
#include <string_view>
#include <vector>

namespace ormc::emit {

/// `"name"` with embedded quotes doubled; both dialects quote identifiers this way.
std::string quoteIdentifier(std::string_view name);
/// `'text'` with embedded quotes doubled.
std::string quoteString(std::string_view text);

class SqlDialect {
public:
  virtual ~SqlDialect() = default;

  /// Short name used in file names and in the generated code: "sqlite".
  virtual std::string_view name() const = 0;
  /// Name of the dialect in the runtime's `ormc::Dialect` enum.
  virtual std::string_view runtimeEnumerator() const = 0;

  /// Column type and the constraints that follow it, for a column definition.
  virtual std::string columnDefinition(const ir::Column& column) const = 0;
  /// The table name as used in statements, schema-qualified where the dialect has schemas.
  virtual std::string tableName(const ir::Model& model) const = 0;
  /// The n-th (1-based) statement parameter.
  virtual std::string placeholder(unsigned n) const = 0;
  /// Whether an insert reports a database-assigned key through `RETURNING` (else the runtime
  /// asks the connection for the last inserted id).
  virtual bool insertReturnsKey() const = 0;
  /// Text after the closing parenthesis of CREATE TABLE.
  virtual std::string_view tableOptions() const = 0;
  /// Whether comments are `COMMENT ON` statements (else SQL comments inside CREATE TABLE).
  virtual bool commentsAsStatements() const { return false; }
  /// Whether a foreign key may name a table created later (SQLite checks references only when
  /// rows change); else foreign keys that close a cycle are added after creation.
  virtual bool referencesLaterTables() const = 0;
  /// Whether CREATE INDEX takes `USING method` and operator classes.
  virtual bool hasIndexMethods() const = 0;
  /// The function that measures a string (in characters) or bytes value.
  virtual std::string lengthFunction(ir::TypeKind kind) const = 0;
  /// The column's type as this database's catalog reports it, for the runtime's schema check:
  /// PRAGMA table_info on SQLite, format_type() on PostgreSQL.
  virtual std::string catalogType(const ir::Column& column) const = 0;
  /// After a row was written with an explicit value for a database-assigned key: the statement
  /// that keeps the key generator ahead of it ("" where the database does that itself).
  virtual std::string syncKeyStatement(const ir::Model& model) const = 0;
  /// A statement that schema.<dialect>.sql runs first, so that it means the same on any
  /// server configuration ("" for none).
  virtual std::string scriptPreamble() const { return ""; }
  /// A DEFAULT literal in this dialect.
  virtual std::string defaultLiteral(const ir::DefaultValue& value) const;
};

const SqlDialect& sqliteDialect();
const SqlDialect& postgresDialect();

/// Every dialect, in the order generated code lists them.
std::vector<const SqlDialect*> allDialects();

} // namespace ormc::emit
