// Dialect-neutral descriptions of the statements that read and write rows. Names in them are
// rendered already: quoted by identifier() (columns) or Renderer::table_name() (tables), so the
// runtime can fill them from the constants generated code holds. A Renderer turns each into
// one dialect's SQL.
#pragma once

#include <cstddef>
#include <ormc/sql/fragment.hpp>
#include <string>
#include <vector>

namespace ormc::sql {

/// INSERT INTO table (columns) VALUES (?, ...), `rows` times; DEFAULT VALUES without columns.
struct Insert {
  std::string table;
  std::vector<std::string> columns;
  std::size_t rows = 1;
  /// A column the statement reports back (RETURNING), such as a database-assigned key; ""
  /// for none. Generated inserts use it where Renderer::insert_returns_key().
  std::string returning;
};

/// An Insert that, on a conflict, overwrites `update` with the new row's values instead, or
/// does nothing when `update` is empty.
struct Upsert {
  Insert insert;
  /// The unique columns whose conflict is handled; empty for any conflict (with no `update`).
  std::vector<std::string> conflict;
  std::vector<std::string> update;
  /// Columns the overwrite adds 1 to (an ormc:version column), so that a row read before the
  /// upsert no longer updates.
  std::vector<std::string> increment;
  /// Overwrites only a row whose `guard` column (quoted) holds the new row's value: a model's
  /// ormc:tenant column, so that an upsert never writes over another tenant's row. "" for none.
  std::string guard = {};
};

/// One ORDER BY term. NULLs sort last in either direction on every dialect.
struct OrderTerm {
  Fragment expression; // a column, or a distance with its parameter (nearest())
  bool descending = false;
  bool nullable = false;
};

/// `[LEFT] JOIN table [AS alias] ON on` after a Select's table.
struct Join {
  bool left = false;
  std::string table;
  std::string alias; // quoted; "" when the table is named as it is
  Fragment on;       // its parameters come before the WHERE's
};

/// SELECT columns FROM table WHERE where... (AND) GROUP BY group_by HAVING having... (AND)
/// ORDER BY order LIMIT ? OFFSET ?.
struct Select {
  Fragment columns; // its parameters (a scalar subquery's) come first
  std::string table;
  std::vector<Fragment> where;
  std::vector<OrderTerm> order;
  bool limit = false;                     // one parameter
  bool offset = false;                    // one parameter, after the limit's
  std::vector<std::string> group_by = {}; // quoted columns
  std::vector<Fragment> having = {};      // its parameters follow where's
  std::string alias = {};                 // the table's, quoted; "" when named as it is
  std::vector<Join> joins = {};           // after the table, in order
};

/// `SELECT function(argument)` over a Select's rows; a limited Select becomes a subquery.
struct Aggregate {
  std::string function; // count, sum, avg, min, max
  std::string argument; // a quoted column, or * for count
  Select source;        // its columns are ignored
};

/// SELECT EXISTS (SELECT 1 ...) over a Select's rows.
struct Exists {
  Select source;
};

struct Assignment {
  std::string column;
  Fragment value; // parameter(), null_value() or incremented()
};
Fragment parameter();
Fragment null_value();
/// `column + 1`: an ormc:version column's next value.
Fragment incremented(std::string_view column);

/// UPDATE table SET assignments WHERE where... (AND).
struct Update {
  std::string table;
  std::vector<Assignment> set;
  std::vector<Fragment> where;
};

/// DELETE FROM table WHERE where... (AND).
struct Delete {
  std::string table;
  std::vector<Fragment> where;
};

/// The keyset condition of paging after a row: the rows that sort after it by `order` (the
/// last term a unique key). `null_values[i]` says whether the row's value of term i is NULL;
/// each non-NULL value is a parameter, in the order keyset_parameters() lists them.
Fragment keyset_after(const std::vector<OrderTerm>& order, const std::vector<bool>& null_values);
/// The term indexes whose values keyset_after()'s parameters take, in order.
std::vector<std::size_t> keyset_parameters(const std::vector<bool>& null_values);

/// A nested transaction's savepoint: created, released (its changes kept in the enclosing
/// transaction), or rolled back to.
struct Savepoint {
  enum class Action { create, release, rollback_to };
  Action action = Action::create;
  std::string name; // unquoted
};

/// Bulk load of rows in the dialect's own format (Renderer::copy_in()).
struct CopyIn {
  std::string table;
  std::vector<std::string> columns;
};

} // namespace ormc::sql
