// Dialect-neutral descriptions of the statements that create and drop a schema. Names in them
// are unquoted: the renderer quotes them. Column types are C++-side kinds; each dialect maps
// them to its storage types and adds the CHECKs that keep other writers to what ormc can read.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::sql {

struct TableName {
  std::string schema; // "" for the connection's default; dialects without schemas ignore it
  std::string name;
};

enum class ColumnType {
  boolean,
  int8,
  int16,
  int32,
  int64,
  uint8,
  uint16,
  uint32,
  uint64,
  float32,
  float64,
  text,
  bytes,
  timestamp, // microseconds since the Unix epoch, UTC
  uuid,
  // Storages of a time chosen by the schema (ormc:column(storage=...)); all hold UTC.
  timestamp_text,    // ISO 8601 text
  timestamp_plain,   // TIMESTAMP without time zone where the dialect has one, else ISO text
  timestamp_seconds, // integer seconds since the Unix epoch
  timestamp_millis,
  timestamp_micros,
  date,            // a calendar date: DATE, or 'YYYY-MM-DD' text
  duration,        // an integer count of the member's unit
  decimal,         // exact: NUMERIC(precision, scale), or an INTEGER count of 10^-scale units
  decimal_number,  // NUMERIC(precision, scale), or the number as a REAL (schemas made elsewhere)
  json,            // JSONB, or TEXT holding valid JSON
  vector,          // `dimension` floats: REAL[], or a BLOB of little-endian floats
  vector_pgvector, // pgvector's vector(dimension) on PostgreSQL, else as `vector`
};

/// A DEFAULT value.
struct Literal {
  enum class Kind { text, number, boolean, null };
  Kind kind = Kind::null;
  std::string value; // the text, the number as written, "true"/"false"
};

/// A CHECK on one column's value.
struct ColumnCheck {
  enum class Kind { at_least, at_most, not_empty, expression, one_of };
  Kind kind = Kind::expression;
  std::string value;               // the bound (a number as written), or the SQL expression
  std::vector<std::string> values; // one_of: the texts the column may hold
};

struct ColumnDefinition {
  std::string name;
  ColumnType type = ColumnType::text;
  std::optional<std::uint64_t> max_length; // text only
  int precision = 0;                       // decimals only
  int scale = 0;
  int dimension = 0; // vectors only: the floats each value holds
  bool primary_key = false;
  bool identity = false; // the database assigns the value
  /// With `identity`: a sequence of the schema's own assigns it (PostgreSQL `DEFAULT
  /// nextval(...)`, the sequence created if missing), not an identity column; "" name: none.
  TableName sequence;
  bool not_null = false;
  std::optional<Literal> default_value;
  std::string unique_constraint; // the name of a one-column UNIQUE constraint, or ""
  std::string check_constraint;  // the name of the constraint holding `checks`
  std::vector<ColumnCheck> checks;
  std::string comment;
  /// The types an existing schema declares for the column (ormc:column(sqlite_type=...)), by
  /// the dialect's name (Renderer::name()), written instead of the C++ type's own there.
  std::map<std::string, std::string, std::less<>> declared_types;
};

enum class ReferentialAction { no_action, restrict, cascade, set_null, set_default };

struct ForeignKey {
  std::string name;
  std::vector<std::string> columns;
  TableName target;
  std::vector<std::string> target_columns;
  ReferentialAction on_delete = ReferentialAction::no_action;
  ReferentialAction on_update = ReferentialAction::no_action;
};

struct NamedColumns {
  std::string name;
  std::vector<std::string> columns;
};

struct NamedCheck {
  std::string name;
  std::string expression;
};

/// A non-unique index (unique ones are constraints of the table).
struct Index {
  std::string name;
  std::vector<std::string> columns;
  std::string method;  // USING method, where the dialect has them; "" for the default
  std::string opclass; // operator class for every column, where the dialect has them
};

/// CREATE TABLE IF NOT EXISTS with its constraints, followed by its indexes and comments.
/// PostgreSQL row-level security for a table of tenants' rows (ormc:tenant(row_security)):
/// every role, the table's owner too (FORCE), sees and writes only the rows whose `column`
/// equals the transaction's setting `ormc.tenant` (Renderer::set_policy_tenant()), and none
/// while it is not set. Dialects without policies render nothing for it.
struct TenantPolicy {
  std::string column;
  bool integer = false; // the column holds integers: the setting is read as one
};

/// A table's tenant policy put on (`policy`) or taken off (none), by a migration.
struct RowSecurity {
  TableName table;
  std::optional<TenantPolicy> policy;
};

/// PostgreSQL declarative partitioning: the table holds no rows itself; each row goes to the
/// partition whose bound holds its `column`'s value. Dialects without it create a plain table.
struct Partitioning {
  enum class Method { range, list, hash };
  Method method = Method::range;
  std::string column;
};

struct CreateTable {
  TableName table;
  std::vector<ColumnDefinition> columns;
  std::optional<NamedColumns> primary_key; // a composite key; else a column's primary_key
  std::vector<NamedColumns> unique;
  std::vector<NamedCheck> checks;
  std::vector<ForeignKey> foreign_keys;
  std::vector<Index> indexes;
  std::string comment;
  /// SQLite: the rows live in the primary key's b-tree, without a rowid (ignored elsewhere): a
  /// table written and sought only by a composite key (a history) writes one b-tree, not two.
  bool without_rowid = false;
  std::optional<TenantPolicy> tenant_policy; // after the table: RowSecurity
  std::optional<Partitioning> partition_by;
};

/// A partition of a partitioned table (PostgreSQL: CREATE TABLE ... PARTITION OF), in the
/// table's schema; nothing where the dialect has no partitions.
struct CreatePartition {
  enum class Kind { hash, list, default_values };
  TableName table;
  std::string name;
  Kind kind = Kind::hash;
  int modulus = 0; // hash
  int remainder = 0;
  std::vector<Literal> values; // list
};

/// The partitions by time of a table partitioned by range over a TIMESTAMPTZ column: one per
/// `interval` (day, week, month, year; UTC), `<table>_p<start>` (p20261201, p202612, p2026),
/// from the interval holding `from` through the one holding `until`. Each bound is an ISO 8601
/// UTC time ("2026-12-01T00:00:00Z"); "" for `from` is now, and for `until` now plus `ahead`
/// intervals. Partitions that exist are kept. Nothing where the dialect has no partitions.
struct CreateTimePartitions {
  TableName table;
  std::string interval;
  std::string from;
  std::string until;
  int ahead = 0;
};

/// A list partition added to a table that has rows (a migration): the rows of the new values
/// move from the default partition into it, in the migration's transaction.
struct AddListPartition {
  CreatePartition partition;
  std::string column;
};

/// A list partition removed from a table that has rows (a migration): its rows move to the
/// default partition, and it is dropped.
struct DropListPartition {
  TableName table;
  std::string name;
};

/// A column added to an existing table (a migration): its definition as in CreateTable.
struct AddColumn {
  TableName table;
  ColumnDefinition column;
};

/// A column dropped with its data (a migration the user allowed to lose data).
struct DropColumn {
  TableName table;
  std::string column;
};

/// A column renamed in place (a migration): its data stays.
struct RenameColumn {
  TableName table;
  std::string from;
  std::string to;
};

/// A non-unique index created on an existing table (a migration).
struct CreateIndex {
  TableName table;
  Index index;
};

/// A foreign key added to an existing table (one that closes a cycle of references).
struct AddForeignKey {
  TableName table;
  ForeignKey key;
};

struct DropForeignKey {
  TableName table;
  std::string name;
};

struct DropTable {
  TableName table;
};

/// A table renamed in place (a migration): its rows, and the references to it, stay.
struct RenameTable {
  TableName table;
  std::string to;
};

/// A constraint or index renamed to follow its table's new name. Where constraints cannot be
/// renamed (SQLite) their names are not used after creation, and an index is created anew.
struct RenameConstraint {
  TableName table; // under its current name
  std::string from;
  std::string to;
  std::optional<Index> index; // an index rather than a table constraint: its definition
};

struct DropIndex {
  TableName table;
  std::string name;
};

/// A column's type, nullability, default, unique constraint or checks changed in place, where
/// Renderer::alters_tables(); elsewhere the table is rebuilt (RebuildTable).
struct AlterColumn {
  TableName table;
  ColumnDefinition from; // as the last migration left it
  ColumnDefinition to;   // the same name: renames are RenameColumn
  /// SQL computing the new value from the row's old ones ("": the value converted by the
  /// database's assignment cast). A column becoming NOT NULL takes `to.default_value` where it
  /// is NULL.
  std::string convert;
};

/// A UNIQUE, CHECK or foreign key constraint added to an existing table.
struct AddConstraint {
  TableName table;
  std::optional<NamedColumns> unique;
  std::optional<NamedCheck> check;
};

struct DropConstraint {
  TableName table;
  std::string name;
};

struct CommentOn {
  TableName table;
  std::string column; // "" for the table itself
  std::string text;   // "" removes the comment
};

/// How a rebuilt table's column gets its value from the old table.
struct CopiedColumn {
  std::string column;
  std::string from;                 // the old table's column of that name, or the name it had
  std::string convert;              // SQL over the old row instead of `from`, or ""
  std::optional<Literal> when_null; // a value for rows where the result is NULL
};

/// SQLite's documented procedure for changes ALTER TABLE cannot make: a new table as `table`
/// describes it, the rows copied into it, the old one dropped, the new one renamed in its place
/// and its indexes created. Columns not in `copy` take their defaults. The caller runs it with
/// foreign key enforcement off (Renderer::migration_setup()) and checks the keys before commit.
struct RebuildTable {
  CreateTable table;
  std::vector<CopiedColumn> copy;
};

/// What a change to a table that exists, and may be in use, runs: statements inside the
/// migration's transaction, then online steps after it commits (MigrationScript says how they
/// run). PostgreSQL builds indexes and validates constraints there, so that writers are not
/// blocked while the table is scanned; elsewhere everything is `in_transaction`.
struct ExistingTableChange {
  std::vector<std::string> in_transaction;
  std::vector<std::vector<std::string>> online_steps;
};

/// After rows were written with explicit values of an identity key: keeps the key's generator
/// ahead of them.
struct SyncKey {
  TableName table;
  std::string key;
  std::string sequence; // the key's named sequence (ColumnDefinition::sequence), or ""; in
                        // the table's schema
};

/// ormc:table(versioned): the table `<name>_history` beside a table, holding every version of
/// each of its rows, and triggers on the table that write it in the transaction of whatever
/// statement changed the row (generated code, a bulk update, raw SQL, another program).
/// A version is current from `valid_from` until `valid_to` (NULL: still current); a delete
/// closes the row's version and adds a zero-length one, operation 'delete', holding the row as
/// it was. The actor is what the writing transaction set (Renderer::set_history_actor()).
struct CreateHistory {
  CreateTable table; // the versioned table, as created
};

/// The columns a history table adds to the versioned table's own.
struct HistoryColumns {
  static constexpr std::string_view version = "history_version"; // 1, 2, ... for each key
  static constexpr std::string_view valid_from = "history_valid_from";
  static constexpr std::string_view valid_to = "history_valid_to";
  static constexpr std::string_view operation = "history_operation"; // insert, update, delete
  static constexpr std::string_view actor = "history_actor";
  static constexpr std::string_view all[] = {version, valid_from, valid_to, operation, actor};
};

/// A distributed PostgreSQL engine (Citus): `table` sharded by the hash of `column` over the
/// engine's nodes, its shards placed with those of `colocate_with` when given; with no column,
/// copied whole to every node (a reference table). Run after the table is created, and after the
/// tables it references are distributed. Dialects without such an engine render nothing.
struct DistributeTable {
  TableName table;
  std::string column; // "" for a reference table
  std::optional<TableName> colocate_with;
};

/// A distributed or reference table made an ordinary one again, its rows gathered back from
/// the nodes (a migration that changes or removes a table's distribution).
struct UndistributeTable {
  TableName table;
};

/// The history table of `table`: `<name>_history`, in the same schema.
TableName history_table(const TableName& table);
/// A column of a versioned table as its history table holds it: the type, nullability and
/// default alone. The history of a value is not held to the table's constraints (a unique
/// value repeats across versions; a CHECK may have changed since).
ColumnDefinition history_column(const ColumnDefinition& column);
/// The HistoryColumns as the history table defines them, in order.
std::vector<ColumnDefinition> history_own_columns();
/// The history table, as CreateHistory creates it: the table's columns (history_column()),
/// then the HistoryColumns, its key the table's key and the version.
CreateTable history_table_definition(const CreateTable& table);
/// The columns of the table's primary key, in key order.
std::vector<std::string> key_columns(const CreateTable& table);

} // namespace ormc::sql
