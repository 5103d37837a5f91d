#pragma once

#include <cstdint>
#include <optional>
#include <ormc/batch_insert.hpp>
#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <ormc/model.hpp>
#include <ormc/query.hpp>
#include <string>
#include <vector>

namespace ormc {

/// The rows of one model's table, as a member of the generated Models container:
///
///   Task t{.title = "write docs"};
///   m.tasks.insert(t);                  // t.id is now the database-assigned key
///   std::optional<Task> same = m.tasks.get(t.id);
///   t.done = true;
///   m.tasks.update(t);
///   m.tasks.remove(t);
///
/// Each call prepares its statement once per connection and then reuses it.
template <class Model> class Table {
public:
  using traits = ModelTraits<Model>;
  using key_type = typename traits::key_type;

  explicit Table(Database& db) noexcept : db_(&db) {}

  /// Creates the table and its indexes if they do not exist.
  void create_table() {
    for (std::string_view statement : traits::statements(db_->dialect()).create)
      db_->execute(statement);
  }

  /// Inserts `row`. A key the database assigns is written back into `row`.
  void insert(Model& row) {
    db_->with_connection([&](auto& conn) {
      const ModelStatements& sql = traits::statements(conn.dialect_v);
      auto statement = conn.prepare(sql.insert);
      detail::insert_one(conn, sql, *statement, row);
    });
  }

  /// Inserts every row of `rows` (a vector, span or other range of Model), in one transaction
  /// (a savepoint inside an open one), by the backend's fastest path; database-assigned keys
  /// are written back into each row. All rows or none are stored.
  template <class Range> void insert_all(Range&& rows) {
    in_transaction(*db_, [&] {
      db_->with_connection(
          [&](auto& conn) { detail::insert_rows<Model>(conn, std::begin(rows), std::end(rows)); });
    });
  }

  /// Inserts `row`, or, when a row with the same `conflict` column value exists (by default the
  /// key), updates that row's other columns instead: INSERT ... ON CONFLICT DO UPDATE. A
  /// database-assigned key is written back into `row` either way.
  template <Column C = typename traits::key_column> void upsert(Model& row, C /*conflict*/ = {}) {
    static_assert(std::is_same_v<typename C::model_type, Model>,
                  "ormc: upsert() on a column of another model (see 'C' below)");
    db_->with_connection([&](auto& conn) {
      const ModelStatements& sql = traits::statements(conn.dialect_v);
      detail::SqlBuilder b(conn.dialect_v);
      b.text("INSERT INTO ").text(sql.table).text(" (");
      for (std::size_t c = 0; c < sql.insert_columns.size(); ++c)
        b.text(c ? ", " : "").text(sql.insert_columns[c]);
      b.text(") VALUES (");
      for (std::size_t c = 0; c < sql.insert_columns.size(); ++c)
        (c ? b.text(", ") : b).param();
      b.text(") ON CONFLICT (").text(C::sql).text(") DO UPDATE SET ");
      bool any = false;
      for (std::string_view column : sql.insert_columns)
        if (column != C::sql) {
          b.text(any ? ", " : "").text(column).text(" = excluded.").text(column);
          any = true;
        }
      if (!any) b.text(C::sql).text(" = excluded.").text(C::sql); // nothing else: still a row
      if constexpr (traits::key_assigned_by_database) b.text(" RETURNING ").text(sql.key);
      auto statement = conn.prepare(b.take());
      traits::bind_insert(*statement, row);
      if constexpr (traits::key_assigned_by_database) {
        statement->step();
        statement->read(0, traits::key(row));
      } else {
        statement->execute();
      }
    });
  }

  /// The row with this key, if there is one.
  std::optional<Model> get(const key_type& key) {
    return db_->with_connection([&](auto& conn) -> std::optional<Model> {
      auto statement = conn.prepare(traits::statements(conn.dialect_v).select_by_key);
      statement->bind(1, key);
      if (!statement->step()) return std::nullopt;
      std::optional<Model> row(std::in_place);
      traits::read(*statement, *row);
      return row;
    });
  }

  /// Writes every column of `row` to the row with its key. Throws NotFound if there is none.
  void update(const Model& row) {
    std::int64_t changed = db_->with_connection([&](auto& conn) {
      auto statement = conn.prepare(traits::statements(conn.dialect_v).update);
      traits::bind_update(*statement, row);
      return statement->execute();
    });
    if (changed == 0)
      throw NotFound(std::string("update: no ") + std::string(traits::name) + " row with this key");
  }

  /// Deletes the row with this key; false if there was none.
  bool remove(const key_type& key) {
    return db_->with_connection([&](auto& conn) {
      auto statement = conn.prepare(traits::statements(conn.dialect_v).remove);
      statement->bind(1, key);
      return statement->execute() != 0;
    });
  }
  bool remove(const Model& row) { return remove(traits::key(row)); }

  /// Every row, ordered by key.
  std::vector<Model> all() {
    return db_->with_connection([&](auto& conn) {
      std::vector<Model> rows;
      auto statement = conn.prepare(traits::statements(conn.dialect_v).select_all);
      while (statement->step())
        traits::read(*statement, rows.emplace_back());
      return rows;
    });
  }

  /// A query over the whole table, to refine with where(), order_by(), limit() ...
  Query<Model> query() const { return Query<Model>(*db_); }
  template <Condition E> Query<Model> where(E condition) const {
    return query().where(std::move(condition));
  }
  template <class Ordering> Query<Model> order_by(Ordering ordering) const {
    return query().order_by(ordering);
  }

  /// The rows with these keys, in key order, in one statement.
  template <class Keys> std::vector<Model> get_many(const Keys& keys) const {
    return query().where(in(typename traits::key_column{}, keys)).all();
  }
  std::vector<Model> get_many(std::initializer_list<key_type> keys) const {
    return get_many(std::vector<key_type>(keys));
  }

  /// Rows of hand-written SQL, mapped into structs: the statement must select this model's
  /// columns in declaration order (`SELECT *` on a table ormc created does). Placeholders are the
  /// connection's own (?1 on SQLite, $1 on PostgreSQL); `args` are bound in order.
  ///   m.tasks.raw("SELECT * FROM task WHERE length(title) > ?1", 10)
  template <class... Args> std::vector<Model> raw(std::string_view sql, const Args&... args) {
    return db_->with_connection([&](auto& conn) {
      std::vector<Model> rows;
      auto statement = conn.prepare(sql);
      int index = 1;
      (statement->bind(index++, args), ...);
      while (statement->step())
        traits::read(*statement, rows.emplace_back());
      return rows;
    });
  }

  std::int64_t count() {
    return db_->with_connection([&](auto& conn) {
      auto statement = conn.prepare(traits::statements(conn.dialect_v).count);
      statement->step();
      std::int64_t n = 0;
      statement->read(0, n);
      return n;
    });
  }

private:
  Database* db_;
};

} // namespace ormc
