// One Renderer per dialect turns the layer's statement descriptions into that dialect's SQL.
// What all dialects share is written once here (renderer.cpp); each dialect's file (sqlite.cpp,
// postgresql.cpp) overrides the hooks where it differs: placeholders, types, LIMIT/OFFSET,
// upsert and RETURNING, comments, foreign keys that close a cycle, bulk loading.
#pragma once

#include <ormc/sql/catalog.hpp>
#include <ormc/sql/dialect.hpp>
#include <ormc/sql/fragment.hpp>
#include <ormc/sql/schema_copy.hpp>
#include <ormc/sql/schema_statements.hpp>
#include <ormc/sql/statements.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::sql {

class Renderer {
public:
  virtual ~Renderer() = default;

  virtual Dialect dialect() const = 0;
  /// Short name used in file names and generated code: "sqlite", "postgresql".
  virtual std::string_view name() const = 0;

  // ---- Names and parameters.
  /// The quoted table name, schema-qualified where the dialect has schemas.
  virtual std::string table_name(const TableName& table) const;
  /// The n-th (1-based) statement parameter.
  virtual std::string placeholder(unsigned n) const = 0;
  /// A statement of this renderer as the dialect's Python driver binds it (ormc's Python
  /// target): sqlite3 takes ?N as it is; psycopg takes %(pN)s (driver_parameters.hpp).
  virtual std::string for_python_driver(std::string sql) const { return sql; }
  /// The fragment's text with its parameters numbered from `first` on.
  std::string render(const Fragment& f, unsigned first = 1) const;

  // ---- Rows.
  std::string render(const Insert& s) const;
  std::string render(const Upsert& s) const;
  std::string render(const Select& s) const;
  /// The Select as a fragment, parameters not yet numbered: a subquery inside a condition.
  Fragment select_fragment(const Select& s) const;
  std::string render(const Aggregate& s) const;
  std::string render(const Exists& s) const;
  std::string render(const Update& s) const;
  std::string render(const Delete& s) const;
  std::string render(const Savepoint& s) const;
  /// The statement that reports how `sql` would run, with the same parameters: SQLite's
  /// EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN. Each row is one line of the plan, in the
  /// result column explain_plan_column().
  virtual std::string explain(std::string_view sql) const = 0;
  virtual int explain_plan_column() const = 0;
  /// `column` is in the set bound as one text parameter: no parameter count limit, however
  /// many keys. The parameter's text is built by key_set_append() for each key, then
  /// key_set_close().
  virtual void in_key_set(Fragment& f, std::string_view column) const = 0;
  /// Appends a key (`text`: a string key, else the digits of an integer) to `set`.
  virtual void key_set_append(std::string& set, std::string_view key, bool text) const = 0;
  virtual void key_set_close(std::string& set) const = 0;
  /// How far the vector column `column` is from a vector bound as one parameter, by `metric`
  /// (smaller is nearer); NULL for a NULL vector, or a zero one by cosine. `pgvector`: the
  /// column is pgvector's vector(N), whose operators an index serves; otherwise the distance is
  /// computed exactly over every row.
  virtual void vector_distance(Fragment& f, std::string_view column, VectorMetric metric,
                               bool pgvector) const = 0;
  /// The value at `path` (at least one step) in the JSON column `column`, as `type`; NULL where
  /// the path leads nowhere or to a JSON null. Its parameters' values, in order, are appended to
  /// `params` as text. A key must not hold a double quote (SQLite's paths cannot name it).
  virtual void json_value(Fragment& f, std::string_view column, const std::vector<JsonStep>& path,
                          JsonScalar type, std::vector<std::string>& params) const = 0;
  /// Whether an insert reports a database-assigned key (Insert::returning); else the backend
  /// asks the connection for the last inserted id.
  virtual bool insert_returns_key() const = 0;

  // ---- Bulk loading; "" where the dialect has none (rows are then inserted one by one).
  virtual std::string render(const CopyIn& s) const;
  /// The identity sequence of a table's key: parameters 1 the table, 2 the column; one row.
  virtual std::string key_sequence() const { return ""; }
  /// A sequence named by the schema (ColumnDefinition::sequence): parameter 1 its quoted name.
  virtual std::string named_sequence() const { return ""; }
  /// n values of that sequence: parameters 1 its key_sequence(), 2 n; n rows.
  virtual std::string reserve_keys() const { return ""; }

  // ---- Schema.
  /// CREATE TABLE and what belongs to it: its schema where needed, indexes, comments.
  std::vector<std::string> render(const CreateTable& s) const;
  /// Puts a table's tenant policy on or takes it off; nothing where there are no policies.
  virtual std::vector<std::string> render(const RowSecurity& /*s*/) const { return {}; }
  /// Sets the tenant the policies compare with until the transaction ends, from parameter 1
  /// (the id as text; "" for none); "" where there are no policies.
  virtual std::string set_policy_tenant() const { return ""; }
  virtual std::string render(const AddForeignKey& s) const;
  std::string render(const DropForeignKey& s) const;
  /// ALTER TABLE ... ADD COLUMN, and the column's comment where comments are statements.
  std::vector<std::string> render(const AddColumn& s) const;
  std::string render(const CreateIndex& s) const;
  std::string render(const RenameColumn& s) const;
  std::string render(const DropColumn& s) const;
  /// A statement that, run first in a transaction, makes other migrators wait until it ends
  /// ("" where beginning the transaction already does: SQLite's BEGIN IMMEDIATE).
  virtual std::string migration_lock() const { return ""; }
  /// A statement each migration runs first, inside its transaction ("" for none).
  virtual std::string migration_preamble() const { return ""; }
  std::string render(const DropTable& s) const;

  // ---- Migrations of existing tables.
  /// Whether columns and constraints change in place (ALTER COLUMN, ADD CONSTRAINT); else a
  /// migration rebuilds the table (RebuildTable) for any change but a new plain column, a
  /// rename, a dropped plain column or an index.
  virtual bool alters_tables() const = 0;
  std::string render(const RenameTable& s) const;
  virtual std::vector<std::string> render(const RenameConstraint& s) const;
  std::string render(const DropIndex& s) const;
  /// Only where alters_tables(): the statements that bring `from` to `to` in place.
  virtual ExistingTableChange render(const AlterColumn& s) const;
  /// An index, constraint or foreign key added to a table that already exists: where
  /// changes_online(), built CONCURRENTLY / added NOT VALID and validated in online steps.
  ExistingTableChange render_on_existing(const CreateIndex& s) const;
  ExistingTableChange render_on_existing(const AddConstraint& s) const;
  ExistingTableChange render_on_existing(const AddForeignKey& s) const;
  /// Whether migrations change tables in use by online steps (ExistingTableChange).
  virtual bool changes_online() const { return false; }
  /// A query trying the lock migration_lock() takes, for the session: 1 when it got it, 0 when
  /// another migrator holds it ("" where BEGIN IMMEDIATE is the lock). Held for the whole of
  /// migrate(), online steps included, and released by migration_unlock().
  virtual std::string migration_try_lock() const { return ""; }
  virtual std::string migration_unlock() const { return ""; }
  std::string render(const AddConstraint& s) const;
  std::string render(const DropConstraint& s) const;
  /// "" where comments live in CREATE TABLE's text (ALTER TABLE cannot reach them).
  std::string render(const CommentOn& s) const;
  std::vector<std::string> render(const RebuildTable& s) const;
  /// Run before a migration's transaction and after it ends, on the same connection ("" for
  /// none): SQLite turns foreign key enforcement off for table rebuilds, as its manual says,
  /// since dropping the old table would otherwise run its ON DELETE actions.
  virtual std::string migration_setup() const { return ""; }
  virtual std::string migration_teardown() const { return ""; }
  /// A query run last in each migration's transaction: any row it returns is a foreign key the
  /// migration broke, and the migration is rolled back ("" where the database checks itself).
  virtual std::string migration_check() const { return ""; }
  /// "" where the database keeps the generator ahead itself.
  virtual std::string render(const SyncKey& s) const = 0;
  /// Whether a foreign key may name a table created later; else a cycle's closing foreign key
  /// is added after creation (AddForeignKey).
  virtual bool references_later_tables() const = 0;
  /// Whether tables live in schemas (TableName::schema); else the schema is ignored.
  virtual bool has_schemas() const = 0;
  /// A statement that defers foreign key checks to the commit of the transaction it runs in,
  /// so that tables can be dropped in any order ("" where the drop order suffices).
  virtual std::string defer_foreign_keys() const { return ""; }
  /// A statement that a schema script runs first, so that it means the same on any server
  /// configuration ("" for none).
  virtual std::string script_preamble() const { return ""; }
  /// The statement that makes a column type of an extension usable before the tables that use
  /// it ("" where the dialect has no extensions): pgvector's `vector`.
  virtual std::string create_extension(std::string_view /*name*/) const { return ""; }
  // ---- Declarative partitioning: nothing where the dialect has none (a plain table).
  virtual std::string render(const CreatePartition& /*s*/) const { return ""; }
  virtual std::string render(const CreateTimePartitions& /*s*/) const { return ""; }
  virtual std::vector<std::string> render(const AddListPartition& /*s*/) const { return {}; }
  virtual std::vector<std::string> render(const DropListPartition& /*s*/) const { return {}; }
  // ---- Distributed PostgreSQL (Citus): "" where the dialect has no such engine.
  virtual std::string render(const DistributeTable& /*s*/) const { return ""; }
  virtual std::string render(const UndistributeTable& /*s*/) const { return ""; }
  /// A query listing the engine's functions that DistributeTable and UndistributeTable call and
  /// the database lacks, one name per row: plain PostgreSQL lists them all.
  virtual std::string missing_distribution_functions() const { return ""; }
  /// Whether the dialect creates `index` at all: an index of pgvector's methods (hnsw,
  /// ivfflat) only where indexes have methods; elsewhere it would be a b-tree over a vector's
  /// bytes, which serves no query.
  bool creates(const Index& index) const;
  // ---- History of versioned tables (CreateHistory).
  /// The history table, and the triggers that write it (safe to run again: IF NOT EXISTS).
  std::vector<std::string> render(const CreateHistory& s) const;
  /// The triggers alone, replacing any there are (a migration that changed the table's
  /// columns rewrites them), or with `replace` false created only where missing.
  virtual std::vector<std::string> history_triggers(const CreateTable& table,
                                                    bool replace) const = 0;
  /// The history of a table that already has rows (a migration making it versioned): any
  /// version left current closed, and each row's state now its current version, operation
  /// 'insert'.
  virtual std::vector<std::string> start_history(const CreateTable& table) const = 0;
  /// Drops the triggers and what they call; the history table and its rows stay.
  virtual std::vector<std::string> drop_history_triggers(const TableName& table) const = 0;
  /// Makes parameter 1 the actor the triggers record, until the transaction ends: PostgreSQL's
  /// set_config(..., true), which SET LOCAL is, so that a pooled connection cannot carry it
  /// to another user; SQLite's one-row table, whose write the transaction holds.
  virtual std::string set_history_actor() const = 0;
  /// Run before a transaction that set the actor commits ("" where its end forgets it).
  virtual std::string clear_history_actor() const { return ""; }

  /// Tenants with a schema each (has_schemas() dialects; "" elsewhere, where a tenant is a
  /// database file of its own). Makes `schema` the only one unqualified names resolve in, "" the
  /// connection's default again; `local`: until the transaction ends (SET LOCAL).
  virtual std::string set_search_path(std::string_view /*schema*/, bool /*local*/) const {
    return "";
  }
  /// A transaction begun with set_search_path(schema, true) in one round trip.
  virtual std::string begin_in_schema(std::string_view /*schema*/) const { return ""; }

  /// Read-only transactions (ormc::Access::read_only): what begins one, in `schema` as
  /// begin_in_schema() when it is not "" (PostgreSQL's BEGIN READ ONLY; SQLite's deferred BEGIN
  /// after PRAGMA query_only, which a deferred BEGIN needs: it takes no write lock), and what
  /// runs after it ends ("" where the end forgets it; SQLite: query_only off again).
  virtual std::string begin_read_only(std::string_view schema) const = 0;
  virtual std::string end_read_only() const { return ""; }

  /// Read replicas (PostgreSQL; "" elsewhere), each one row of one column: whether the server
  /// is a standby (pg_is_in_recovery()); the primary's WAL position at the end of what has been
  /// written so far, and the position a standby has replayed up to (NULL on a server that was
  /// never one), as bigint.
  virtual std::string in_recovery() const { return ""; }
  virtual std::string wal_insert_position() const { return ""; }
  virtual std::string wal_replay_position() const { return ""; }
  virtual std::string create_schema(std::string_view /*schema*/) const { return ""; }
  /// Drops the schema and everything in it.
  virtual std::string drop_schema(std::string_view /*schema*/) const { return ""; }
  /// The names of the schemas that begin with parameter 1, in order.
  virtual std::string schemas_with_prefix() const { return ""; }
  /// Branches: how one schema is copied into another (null where a tenant is a file of its
  /// own, which is copied whole).
  virtual const SchemaCopy* schema_copy() const { return nullptr; }

  /// The column's type as the database's catalog reports it, for the runtime's schema check.
  virtual std::string catalog_type(const ColumnDefinition& c) const = 0;
  /// The type the schema declares for `c` in this dialect (ColumnDefinition::declared_types),
  /// or "" for the C++ type's own.
  std::string declared_type(const ColumnDefinition& c) const {
    auto found = c.declared_types.find(name());
    return found == c.declared_types.end() ? std::string() : found->second;
  }
  /// Why the type the schema declares for `c` in this dialect (declared_type()) cannot hold the
  /// values ormc writes for its C++ type and read them back unchanged; "" when it can, or when it
  /// declares none.
  virtual std::string declared_type_problem(const ColumnDefinition& c) const = 0;
  // ---- The catalog (sql/catalog.hpp). Each query takes parameter 1 the schema ("" for the
  // connection's default; ignored where there are none) and 2 the table.
  /// Rows: name, catalog type, not null (0/1); in column order; none when there is no table.
  virtual std::string catalog_columns() const = 0;
  /// Rows: unique (0/1), the columns joined by ", " (NULL for an index on expressions).
  virtual std::string catalog_indexes() const = 0;
  /// Rows: column, target table, target column; one per column of each foreign key.
  virtual std::string catalog_foreign_keys() const = 0;
  // ---- A whole schema, for `ormc import`: the same parameters.
  /// Rows: the names of the schema's tables (parameter 1 only), sorted.
  virtual std::string catalog_tables() const = 0;
  /// Rows: name, catalog type, not null (0/1), default expression ("" for none), position in
  /// the primary key (1-based; 0: not in it), "identity" or "rowid" where the database assigns
  /// the value by itself (else ""); in column order.
  virtual std::string catalog_column_details() const = 0;
  /// Rows: name, unique (0/1), origin ("pk": the primary key, "u": a UNIQUE constraint, "c": an
  /// index), the columns joined by ", " (NULL when one is an expression), partial (0/1).
  virtual std::string catalog_index_details() const = 0;
  /// Rows: constraint id, column, target table, target column ("" for the target's key), on
  /// delete, on update ("NO ACTION", "CASCADE", ...); in key order within each constraint.
  virtual std::string catalog_foreign_key_details() const = 0;
  /// The column type a member of a catalog type (as catalog_column_details() reports it) is
  /// stored as; where catalog_type() of it differs, the import keeps the type as declared.
  virtual CatalogTypeReading read_catalog_type(const std::string& catalog_type) const = 0;

  /// Text after the closing parenthesis of CREATE TABLE (SQLite: STRICT, where every column's
  /// type allows it). A migration rebuilds a table whose options change.
  virtual std::string table_options(const CreateTable&) const { return ""; }

protected:
  /// The type and column constraints after the column's name.
  virtual std::string column_definition(const ColumnDefinition& c) const = 0;
  virtual std::string literal(const Literal& value) const;
  /// The CHECK expression of one ColumnCheck on `column` (quoted).
  virtual std::string check(const ColumnCheck& c, ColumnType type, const std::string& column) const;
  /// LIMIT ? / OFFSET ? after ORDER BY (either may be absent).
  virtual void limit_offset(Fragment& f, bool limit, bool offset) const;
  /// ON CONFLICT ...; `update` may be empty (do nothing).
  virtual void on_conflict(Fragment& f, const Upsert& s) const;
  /// Whether CREATE INDEX takes `USING method` and operator classes.
  virtual bool has_index_methods() const = 0;
  /// Whether comments are COMMENT ON statements (else SQL comments in CREATE TABLE).
  virtual bool comments_as_statements() const = 0;

  /// The table of FROM, with its alias and joins.
  void from(Fragment& f, const Select& s) const;
  void where(Fragment& f, const std::vector<Fragment>& conditions) const;
  void order_by(Fragment& f, const std::vector<OrderTerm>& order) const;
  void rows_of(Fragment& f, const Select& from, std::string_view column) const;
  std::string index(const TableName& table, const Index& index, bool concurrently = false) const;
  /// ALTER TABLE ... VALIDATE CONSTRAINT: checks the rows a NOT VALID constraint skipped.
  std::string validate(const TableName& table, const std::string& constraint) const;
  /// A column's item in CREATE TABLE or ADD COLUMN: name, definition, its constraints.
  std::string column_item(const ColumnDefinition& c) const;
  /// The expression of the column's CHECK constraint (`c.check_constraint`), "" without checks.
  std::string column_checks(const ColumnDefinition& c) const;
};

const Renderer& renderer(Dialect dialect);
/// Every dialect, in the order generated code lists them.
const std::vector<Dialect>& all_dialects();

} // namespace ormc::sql
