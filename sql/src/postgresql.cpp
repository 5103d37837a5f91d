// PostgreSQL: native types by width; identity columns for database-assigned keys; VARCHAR(n)
// for max_length; TIMESTAMPTZ (microseconds). C++ types narrower than their SQL type get a
// CHECK, so other writers cannot store what ormc could not read back. Foreign keys that close
// a cycle are added after the tables; bulk loads use COPY.
#include "dialects.hpp"
#include "ormc/sql/driver_parameters.hpp"

#include <cctype>

namespace ormc::sql {
namespace {

/// The C++ type's own SQL type.
std::string own_type(const ColumnDefinition& c) {
  switch (c.type) {
  case ColumnType::boolean:
    return "BOOLEAN";
  case ColumnType::int8:
  case ColumnType::int16:
  case ColumnType::uint8:
    return "SMALLINT";
  case ColumnType::int32:
  case ColumnType::uint16:
    return "INTEGER";
  case ColumnType::int64:
  case ColumnType::uint32:
  case ColumnType::uint64:
    return "BIGINT";
  case ColumnType::float32:
    return "REAL";
  case ColumnType::float64:
    return "DOUBLE PRECISION";
  case ColumnType::text:
    return c.max_length ? "VARCHAR(" + std::to_string(*c.max_length) + ")" : "TEXT";
  case ColumnType::bytes:
    return "BYTEA";
  case ColumnType::timestamp:
    return "TIMESTAMPTZ";
  case ColumnType::uuid:
    return "UUID";
  case ColumnType::timestamp_text:
    return "TEXT";
  case ColumnType::timestamp_plain:
    return "TIMESTAMP";
  case ColumnType::timestamp_seconds:
  case ColumnType::timestamp_millis:
  case ColumnType::timestamp_micros:
  case ColumnType::duration:
    return "BIGINT";
  case ColumnType::date:
    return "DATE";
  case ColumnType::decimal:
  case ColumnType::decimal_number:
    return "NUMERIC(" + std::to_string(c.precision) + ", " + std::to_string(c.scale) + ")";
  case ColumnType::json:
    return "JSONB";
  case ColumnType::vector:
    return "REAL[]";
  case ColumnType::vector_pgvector:
    return "vector(" + std::to_string(c.dimension) + ")";
  }
  return "TEXT";
}

/// The column's type in DDL: the one the schema declares, or the C++ type's own.
std::string sql_type(const ColumnDefinition& c) {
  auto declared = c.declared_types.find("postgresql");
  return declared == c.declared_types.end() ? own_type(c) : declared->second;
}

/// A type as format_type() spells it: lower case, long names for the short ones ("varchar(20)"
/// is "character varying(20)"), no space after a comma, so that a declared type compares equal
/// to the catalog's.
std::string canonical_type(const std::string& declared) {
  std::string type;
  for (char ch : declared) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (lower == ' ' &&
        (type.empty() || type.back() == ' ' || type.back() == ',' || type.back() == '('))
      continue;
    if ((lower == ',' || lower == ')' || lower == '(') && !type.empty() && type.back() == ' ')
      type.pop_back();
    type += lower;
  }
  while (!type.empty() && type.back() == ' ')
    type.pop_back();
  std::size_t end = type.find_first_of("([");
  std::string base = type.substr(0, end), rest = end == std::string::npos ? "" : type.substr(end);
  static const std::pair<const char*, const char*> aliases[] = {
      {"int", "integer"},
      {"int4", "integer"},
      {"int2", "smallint"},
      {"int8", "bigint"},
      {"bool", "boolean"},
      {"float8", "double precision"},
      {"float4", "real"},
      {"varchar", "character varying"},
      {"char", "character"},
      {"bpchar", "character"},
      {"decimal", "numeric"},
      {"timestamptz", "timestamp with time zone"},
      {"timestamp", "timestamp without time zone"},
      {"timetz", "time with time zone"},
      {"time", "time without time zone"}};
  // "timestamp(3)" is spelled "timestamp(3) without time zone".
  if (!rest.empty() && rest.find("time zone") == std::string::npos &&
      (base == "timestamp" || base == "time"))
    return base + rest + " without time zone";
  if (!rest.empty() && (base == "timestamptz" || base == "timetz"))
    return base.substr(0, base.size() - 2) + rest + " with time zone";
  bool zoned = rest.find("time zone") != std::string::npos; // "timestamp(0) with time zone"
  for (const auto& [alias, name] : aliases)
    if (base == alias && !zoned) return name + rest;
  return type;
}

/// pg_constraint's one-letter referential action as SQL spells it.
std::string action_name(const std::string& column) {
  return "CASE " + column +
         " WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' WHEN 'r' "
         "THEN 'RESTRICT' ELSE 'NO ACTION' END";
}

/// The types a declared type may be for the values ormc binds and reads as `type`'s text.
std::vector<const char*> holding_types(ColumnType type) {
  switch (type) {
  case ColumnType::boolean:
    return {"boolean"};
  case ColumnType::float32:
  case ColumnType::float64:
    return {"real", "double precision", "numeric"};
  case ColumnType::bytes:
    return {"bytea"};
  case ColumnType::timestamp:
    return {"timestamp with time zone"};
  case ColumnType::timestamp_plain:
    return {"timestamp without time zone"};
  case ColumnType::date:
    return {"date"};
  case ColumnType::uuid:
    return {"uuid", "text", "character varying", "character"};
  case ColumnType::decimal:
  case ColumnType::decimal_number:
    return {"numeric"};
  case ColumnType::json:
    return {"jsonb", "json"};
  case ColumnType::vector:
    return {"real[]"};
  case ColumnType::vector_pgvector:
    return {"vector"};
  case ColumnType::text:
  case ColumnType::timestamp_text:
    return {}; // any: every type reads and writes as its text
  default:     // integers, and times and durations as counts
    return {"smallint", "integer", "bigint", "numeric"};
  }
}

/// The catalog queries' schema: parameter 1, or the connection's current one for "".
// How long a migration waits for a table's lock before failing, rather than making every query
// that needs the table queue behind it.
constexpr const char* kLockTimeout = "'5s'";
constexpr const char* kSchemaIs = "n.nspname = CASE WHEN $1 = '' THEN current_schema() ELSE $1 END";

/// The range the C++ type can hold, where the SQL type holds more.
const char* range_check(ColumnType type) {
  switch (type) {
  case ColumnType::int8:
    return "BETWEEN -128 AND 127";
  case ColumnType::uint8:
    return "BETWEEN 0 AND 255";
  case ColumnType::uint16:
    return "BETWEEN 0 AND 65535";
  case ColumnType::uint32:
    return "BETWEEN 0 AND 4294967295";
  case ColumnType::uint64:
    return ">= 0";
  default:
    return nullptr;
  }
}

class PostgresRenderer final : public Renderer {
public:
  Dialect dialect() const override { return Dialect::postgresql; }
  std::string_view name() const override { return "postgresql"; }

  std::string placeholder(unsigned n) const override { return "$" + std::to_string(n); }
  std::string for_python_driver(std::string sql) const override { return pyformat_parameters(sql); }
  bool insert_returns_key() const override { return true; }

  // A parameter per step, typed so that -> picks a key (text) or an element (integer); the last
  // step ->> gives text, cast to the type compared.
  // pgvector's operators, or the same measures over REAL[] pairs in double precision.
  void vector_distance(Fragment& f, std::string_view column, VectorMetric metric,
                       bool pgvector) const override {
    if (pgvector) {
      const char* op = metric == VectorMetric::l2       ? " <-> "
                       : metric == VectorMetric::cosine ? " <=> "
                                                        : " <#> ";
      f.sql("(").sql(column).sql(op).param().sql("::vector)");
      return;
    }
    const char* measure =
        metric == VectorMetric::l2       ? "sqrt(sum((a::float8 - b) * (a::float8 - b)))"
        : metric == VectorMetric::cosine ? "1 - sum(a::float8 * b) / NULLIF(sqrt(sum(a::float8 * "
                                           "a)) * sqrt(sum(b::float8 * b)), 0)"
                                         : "-sum(a::float8 * b)";
    f.sql("(SELECT ").sql(measure).sql(" FROM unnest(").sql(column).sql(", ");
    f.param().sql("::real[]) AS \"ormc_v\"(a, b))");
  }
  void json_value(Fragment& f, std::string_view column, const std::vector<JsonStep>& path,
                  JsonScalar type, std::vector<std::string>& params) const override {
    f.sql("(").sql(column);
    for (std::size_t i = 0; i < path.size(); ++i) {
      bool index = path[i].index >= 0;
      f.sql(i + 1 == path.size() ? " ->> " : " -> ").param().sql(index ? "::integer" : "::text");
      params.push_back(index ? std::to_string(path[i].index) : path[i].key);
    }
    f.sql(")");
    switch (type) {
    case JsonScalar::text:
      return;
    case JsonScalar::integer:
      f.sql("::bigint");
      return;
    case JsonScalar::real:
      f.sql("::double precision");
      return;
    case JsonScalar::boolean:
      f.sql("::boolean");
      return;
    }
  }

  // One array parameter, in PostgreSQL's array literal syntax.
  void in_key_set(Fragment& f, std::string_view column) const override {
    f.sql(column).sql(" = ANY(").param().sql(")");
  }
  void key_set_append(std::string& set, std::string_view key, bool text) const override {
    set += set.empty() ? '{' : ',';
    if (!text) {
      set += key;
      return;
    }
    set += '"';
    for (char c : key) {
      if (c == '"' || c == '\\') set += '\\';
      set += c;
    }
    set += '"';
  }
  void key_set_close(std::string& set) const override { set += set.empty() ? "{}" : "}"; }

  std::string render(const CopyIn& s) const override {
    std::string sql = "COPY " + s.table + " (";
    for (std::size_t i = 0; i < s.columns.size(); ++i)
      sql += (i ? ", " : "") + s.columns[i];
    return sql + ") FROM STDIN";
  }
  // By oid: nextval() over a name parses the name once per row (8x slower for 200k keys).
  std::string key_sequence() const override {
    return "SELECT pg_get_serial_sequence($1, $2)::regclass::oid::bigint";
  }
  std::string named_sequence() const override { return "SELECT $1::regclass::oid::bigint"; }
  std::string reserve_keys() const override {
    return "SELECT nextval($1::oid::regclass) FROM generate_series(1, $2)";
  }

  // Idempotent like CREATE TABLE IF NOT EXISTS: a second run finds the constraint.
  std::string render(const AddForeignKey& s) const override {
    return "DO $$ BEGIN\n  " + Renderer::render(s) +
           ";\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$";
  }
  // An identity column's sequence does not see explicit keys; setval keeps it past the largest
  // (never moving it back: nextval() is the floor).
  std::string render(const SyncKey& s) const override {
    std::string table = table_name(s.table);
    std::string sequence =
        s.sequence.empty()
            ? "pg_get_serial_sequence(" + string_literal(table) + ", " + string_literal(s.key) + ")"
            : string_literal(table_name({s.table.schema, s.sequence}));
    return "SELECT setval(" + sequence + ", GREATEST((SELECT max(" + identifier(s.key) + ") FROM " +
           table + "), nextval(" + sequence + ")))";
  }
  using Renderer::render;

  bool references_later_tables() const override { return false; }
  bool alters_tables() const override { return true; }
  std::string catalog_columns() const override {
    return "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::int FROM "
           "pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = "
           "c.relnamespace WHERE c.relname = $2 AND " +
           std::string(kSchemaIs) + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
  }
  std::string catalog_indexes() const override {
    return "SELECT i.indisunique::int, (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM "
           "unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON "
           "a.attrelid = i.indrelid AND a.attnum = k.attnum) FROM pg_index i JOIN pg_class c ON "
           "c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $2 "
           "AND " +
           std::string(kSchemaIs);
  }
  std::string catalog_foreign_keys() const override {
    return "SELECT a.attname, t.relname, ta.attname FROM pg_constraint k CROSS JOIN LATERAL "
           "unnest(k.conkey, k.confkey) AS p(attnum, target_attnum) JOIN pg_class c ON c.oid = "
           "k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class t ON t.oid = "
           "k.confrelid JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = p.attnum "
           "JOIN pg_attribute ta ON ta.attrelid = k.confrelid AND ta.attnum = p.target_attnum "
           "WHERE k.contype = 'f' AND c.relname = $2 AND " +
           std::string(kSchemaIs);
  }
  std::string catalog_tables() const override {
    return "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
           "c.relkind IN ('r', 'p') AND NOT c.relispartition AND " +
           std::string(kSchemaIs) + " ORDER BY c.relname";
  }
  std::string catalog_column_details() const override {
    return "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::int, "
           "coalesce(pg_get_expr(d.adbin, d.adrelid), ''), coalesce((SELECT k.ord FROM "
           "unnest(pk.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) WHERE k.attnum = "
           "a.attnum), 0), CASE WHEN a.attidentity <> '' THEN 'identity' ELSE '' END FROM "
           "pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = "
           "c.relnamespace LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = "
           "a.attnum LEFT JOIN pg_index pk ON pk.indrelid = c.oid AND pk.indisprimary WHERE "
           "c.relname = $2 AND " +
           std::string(kSchemaIs) + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
  }
  std::string catalog_index_details() const override {
    return "SELECT ic.relname, i.indisunique::int, CASE WHEN i.indisprimary THEN 'pk' WHEN "
           "EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid "
           "= c.oid AND k.contype = 'u') THEN 'u' ELSE 'c' END, CASE WHEN i.indexprs IS NULL "
           "THEN (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(i.indkey::int2[]) "
           "WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
           "a.attnum = k.attnum WHERE k.ord <= i.indnkeyatts) END, (i.indpred IS NOT NULL)::int "
           "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = "
           "i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $2 AND " +
           std::string(kSchemaIs) + " ORDER BY ic.relname";
  }
  std::string catalog_foreign_key_details() const override {
    return "SELECT k.conname, a.attname, t.relname, ta.attname, " + action_name("k.confdeltype") +
           ", " + action_name("k.confupdtype") +
           " FROM pg_constraint k CROSS JOIN LATERAL unnest(k.conkey, k.confkey) WITH ORDINALITY "
           "AS p(attnum, target_attnum, ord) JOIN pg_class c ON c.oid = k.conrelid JOIN "
           "pg_namespace n ON n.oid = c.relnamespace JOIN pg_class t ON t.oid = k.confrelid JOIN "
           "pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = p.attnum JOIN pg_attribute "
           "ta ON ta.attrelid = k.confrelid AND ta.attnum = p.target_attnum WHERE k.contype = 'f' "
           "AND c.relname = $2 AND " +
           std::string(kSchemaIs) + " ORDER BY k.conname, p.ord";
  }
  CatalogTypeReading read_catalog_type(const std::string& type) const override {
    static const std::pair<const char*, ColumnType> plain[] = {
        {"smallint", ColumnType::int16},
        {"integer", ColumnType::int32},
        {"bigint", ColumnType::int64},
        {"boolean", ColumnType::boolean},
        {"real", ColumnType::float32},
        {"double precision", ColumnType::float64},
        {"text", ColumnType::text},
        {"bytea", ColumnType::bytes},
        {"date", ColumnType::date},
        {"timestamp with time zone", ColumnType::timestamp},
        {"timestamp without time zone", ColumnType::timestamp_plain},
        {"jsonb", ColumnType::json},
        {"json", ColumnType::json}};
    CatalogTypeReading out;
    for (const auto& [name, column] : plain)
      if (type == name) {
        out.type = column;
        return out;
      }
    int precision = 0, scale = 0;
    if (decimal_digits(type, precision, scale)) {
      out.type = ColumnType::decimal;
      out.precision = precision;
      out.scale = scale;
    } else if (type.rfind("character varying(", 0) == 0) {
      out.max_length = std::stoull(type.substr(18));
    } else if (type.rfind("timestamp(", 0) == 0) {
      out.type = type.find("without") != std::string::npos ? ColumnType::timestamp_plain
                                                           : ColumnType::timestamp;
      // Fewer fraction digits than microseconds: the server would round what ormc writes.
      out.whole_seconds = type.rfind("timestamp(0)", 0) == 0;
      if (!out.whole_seconds && type.rfind("timestamp(6)", 0) != 0)
        out.note = "PostgreSQL rounds the microseconds of this member to the column's " +
                   type.substr(10, 1) + " fraction digits";
    } else if (type.rfind("character", 0) != 0) {
      out.note = type + " has no C++ type in ormc: read and written as PostgreSQL's text for it";
    }
    return out;
  }
  std::vector<std::string> render(const RenameConstraint& s) const override {
    if (s.index)
      return {"ALTER INDEX " + table_name({s.table.schema, s.from}) + " RENAME TO " +
              identifier(s.to)};
    return {"ALTER TABLE " + table_name(s.table) + " RENAME CONSTRAINT " + identifier(s.from) +
            " TO " + identifier(s.to)};
  }
  ExistingTableChange render(const AlterColumn& s) const override;
  bool changes_online() const override { return true; }
  // Advisory locks on a key of ormc's own ("ormc" in ASCII) and the schema the migrations
  // table is in, so that the schemas of one database migrate independently. The session lock
  // is tried, not waited for: a migrator waiting inside a statement would hold a snapshot that
  // another's CREATE INDEX CONCURRENTLY waits out, while it waits for that one's lock.
  std::string migration_lock() const override {
    return "SELECT pg_advisory_xact_lock(1869771107, hashtext(coalesce(current_schema(), '')))";
  }
  std::string migration_try_lock() const override {
    return "SELECT pg_try_advisory_lock(1869771107, hashtext(coalesce(current_schema(), '')))::int";
  }
  std::string migration_unlock() const override {
    return "SELECT pg_advisory_unlock(1869771107, hashtext(coalesce(current_schema(), '')))";
  }
  bool has_schemas() const override { return true; }
  // FORCE: the table's owner, which the application often connects as, is bound too (only a
  // superuser or a BYPASSRLS role is not). An unset setting reads as NULL, which no row equals.
  std::vector<std::string> render(const RowSecurity& s) const override {
    const std::string table = table_name(s.table);
    const std::string policy = identifier("ormc_tenant") + " ON " + table;
    if (!s.policy)
      return {"DROP POLICY IF EXISTS " + policy,
              "ALTER TABLE " + table + " NO FORCE ROW LEVEL SECURITY",
              "ALTER TABLE " + table + " DISABLE ROW LEVEL SECURITY"};
    const std::string test = identifier(s.policy->column) +
                             " = NULLIF(current_setting('ormc.tenant', true), '')" +
                             (s.policy->integer ? "::bigint" : "");
    return {"ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY",
            "ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY", "DROP POLICY IF EXISTS " + policy,
            "CREATE POLICY " + policy + " USING (" + test + ") WITH CHECK (" + test + ")"};
  }
  std::string set_policy_tenant() const override {
    return "SELECT set_config('ormc.tenant', $1::text, true)";
  }
  std::string set_search_path(std::string_view schema, bool local) const override {
    return std::string(local ? "SET LOCAL" : "SET") + " search_path TO " +
           (schema.empty() ? std::string("DEFAULT") : identifier(schema));
  }
  std::string begin_in_schema(std::string_view schema) const override {
    return "BEGIN; " + set_search_path(schema, true);
  }
  std::string begin_read_only(std::string_view schema) const override {
    return "BEGIN READ ONLY; " + set_search_path(schema, true);
  }
  std::string in_recovery() const override { return "SELECT pg_catalog.pg_is_in_recovery()"; }
  // pg_lsn - pg_lsn is a numeric: the difference from 0/0 is the position as a number.
  std::string wal_insert_position() const override {
    return "SELECT (pg_catalog.pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint";
  }
  std::string wal_replay_position() const override {
    return "SELECT (pg_catalog.pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint";
  }
  std::string create_schema(std::string_view schema) const override {
    return "CREATE SCHEMA IF NOT EXISTS " + identifier(schema);
  }
  std::string drop_schema(std::string_view schema) const override {
    return "DROP SCHEMA IF EXISTS " + identifier(schema) + " CASCADE";
  }
  std::string schemas_with_prefix() const override {
    return "SELECT nspname FROM pg_catalog.pg_namespace WHERE left(nspname, length($1)) = $1 "
           "ORDER BY nspname";
  }
  const SchemaCopy* schema_copy() const override { return &postgres_schema_copy(); }
  std::string migration_preamble() const override {
    return "SET LOCAL lock_timeout = " + std::string(kLockTimeout);
  }
  // Online steps run outside a transaction, where SET LOCAL does nothing: a session setting,
  // reset as migrate() ends.
  std::string migration_teardown() const override { return "RESET lock_timeout"; }
  // With standard_conforming_strings off, a backslash in a '...' literal escapes the quote after
  // it, and a comment or default could end its literal early.
  std::string script_preamble() const override { return "SET standard_conforming_strings = on"; }
  std::string table_options(const CreateTable& s) const override {
    if (!s.partition_by) return "";
    using Method = Partitioning::Method;
    const char* method = s.partition_by->method == Method::range  ? "RANGE"
                         : s.partition_by->method == Method::list ? "LIST"
                                                                  : "HASH";
    return std::string(" PARTITION BY ") + method + " (" + identifier(s.partition_by->column) + ")";
  }
  std::string render(const CreatePartition& s) const override {
    std::string out = "CREATE TABLE IF NOT EXISTS " + table_name({s.table.schema, s.name}) +
                      " PARTITION OF " + table_name(s.table);
    switch (s.kind) {
    case CreatePartition::Kind::hash:
      return out + " FOR VALUES WITH (MODULUS " + std::to_string(s.modulus) + ", REMAINDER " +
             std::to_string(s.remainder) + ")";
    case CreatePartition::Kind::list: {
      out += " FOR VALUES IN (";
      for (std::size_t i = 0; i < s.values.size(); ++i)
        out += (i ? ", " : "") + literal(s.values[i]);
      return out + ")";
    }
    case CreatePartition::Kind::default_values:
      return out + " DEFAULT";
    }
    return out;
  }
  // One statement, whatever the number of partitions: PL/pgSQL steps through the intervals,
  // so that a script and create_schema() make them relative to the time they run.
  std::string render(const CreateTimePartitions& s) const override {
    const std::string step = "interval " + string_literal("1 " + s.interval);
    const std::string suffix = s.interval == "year"    ? "YYYY"
                               : s.interval == "month" ? "YYYYMM"
                                                       : "YYYYMMDD";
    const std::string from = s.from.empty() ? "now()" : string_literal(s.from) + "::timestamptz";
    const std::string until = s.until.empty() ? "now() + " + std::to_string(s.ahead) + " * " + step
                                              : string_literal(s.until) + "::timestamptz";
    const std::string name = string_literal(s.table.name + "_p") + " || to_char(lower AT TIME " +
                             "ZONE 'UTC', " + string_literal(suffix) + ")";
    const std::string partition = s.table.schema.empty()
                                      ? "quote_ident(" + name + ")"
                                      : "quote_ident(" + string_literal(s.table.schema) +
                                            ") || '.' || quote_ident(" + name + ")";
    return "DO $ormc$\nDECLARE\n  lower timestamptz := date_trunc(" + string_literal(s.interval) +
           ", " + from + ", 'UTC');\n  last timestamptz := " + until +
           ";\nBEGIN\n  WHILE lower <= last LOOP\n    EXECUTE format('CREATE TABLE IF NOT EXISTS "
           "%s PARTITION OF %s FOR VALUES FROM (%L) TO (%L)', " +
           partition + ", " + string_literal(table_name(s.table)) + ", lower, lower + " + step +
           ");\n    lower := lower + " + step + ";\n  END LOOP;\nEND $ormc$";
  }
  // The default partition is detached while the new one is made, so that its rows of the new
  // values can move; attaching it again checks that none is left behind.
  std::vector<std::string> render(const AddListPartition& s) const override {
    const std::string table = table_name(s.partition.table);
    const std::string fallback =
        table_name({s.partition.table.schema, s.partition.table.name + "_default"});
    std::string in;
    for (std::size_t i = 0; i < s.partition.values.size(); ++i)
      in += (i ? ", " : "") + literal(s.partition.values[i]);
    const std::string where = " WHERE " + identifier(s.column) + " IN (" + in + ")";
    return {"ALTER TABLE " + table + " DETACH PARTITION " + fallback, render(s.partition),
            "INSERT INTO " + table + " SELECT * FROM " + fallback + where,
            "DELETE FROM " + fallback + where,
            "ALTER TABLE " + table + " ATTACH PARTITION " + fallback + " DEFAULT"};
  }
  std::vector<std::string> render(const DropListPartition& s) const override {
    const std::string table = table_name(s.table);
    const std::string partition = table_name({s.table.schema, s.name});
    return {"ALTER TABLE " + table + " DETACH PARTITION " + partition,
            "INSERT INTO " + table + " SELECT * FROM " + partition, "DROP TABLE " + partition};
  }
  // Citus takes the table as a regclass and colocate_with as a table name, both parsed as SQL
  // names (so quoted), and the distribution column as the column's own name.
  std::string render(const DistributeTable& s) const override {
    if (s.column.empty())
      return "SELECT create_reference_table(" + string_literal(table_name(s.table)) + ")";
    std::string out = "SELECT create_distributed_table(" + string_literal(table_name(s.table)) +
                      ", " + string_literal(s.column);
    if (s.colocate_with)
      out += ", colocate_with => " + string_literal(table_name(*s.colocate_with));
    return out + ")";
  }
  std::string render(const UndistributeTable& s) const override {
    return "SELECT undistribute_table(" + string_literal(table_name(s.table)) + ")";
  }
  std::string missing_distribution_functions() const override {
    return "SELECT f FROM unnest(ARRAY['create_distributed_table', 'create_reference_table', "
           "'undistribute_table']) AS f WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p "
           "WHERE p.proname = f AND pg_catalog.pg_function_is_visible(p.oid)) ORDER BY f";
  }
  std::string create_extension(std::string_view name) const override {
    return "CREATE EXTENSION IF NOT EXISTS " + identifier(name);
  }
  // format_type() spells the DDL's types in lower case, two of them in long form.
  std::string catalog_type(const ColumnDefinition& c) const override {
    if (!declared_type(c).empty()) return canonical_type(declared_type(c));
    if (c.type == ColumnType::timestamp) return "timestamp with time zone";
    if (c.type == ColumnType::timestamp_plain) return "timestamp without time zone";
    if (c.type == ColumnType::decimal || c.type == ColumnType::decimal_number)
      return "numeric(" + std::to_string(c.precision) + "," + std::to_string(c.scale) + ")";
    std::string type = sql_type(c);
    if (c.type == ColumnType::text && c.max_length)
      return "character varying" + type.substr(7); // VARCHAR(n)
    for (char& ch : type)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return type;
  }

  std::string declared_type_problem(const ColumnDefinition& c) const override {
    std::string declared = declared_type(c);
    if (declared.empty()) return "";
    // Compared without modifiers: "numeric(10,2)" is a numeric, "timestamp(3) without time
    // zone" a timestamp without time zone.
    std::string type;
    int depth = 0;
    for (char ch : canonical_type(declared)) {
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      if (depth == 0 && ch != ')') type += ch;
    }
    std::vector<const char*> holding = holding_types(c.type);
    if (holding.empty()) return "";
    std::string list;
    for (const char* t : holding) {
      if (type == t) return "";
      list += std::string(list.empty() ? "" : ", ") + t;
    }
    return "a PostgreSQL '" + declared +
           "' column does not hold the values ormc writes for this member as " + own_type(c) +
           "; it needs one of " + list;
  }

protected:
  std::string column_definition(const ColumnDefinition& c) const override {
    std::string out = sql_type(c);
    if (c.identity && c.sequence.name.empty()) out += " GENERATED BY DEFAULT AS IDENTITY";
    if (c.primary_key) out += " PRIMARY KEY";
    if (c.not_null) out += " NOT NULL";
    if (c.default_value) out += " DEFAULT " + literal(*c.default_value);
    if (c.identity && !c.sequence.name.empty())
      out += " DEFAULT nextval(" + string_literal(table_name(c.sequence)) + ")";
    if (const char* range = range_check(c.type))
      out += " CHECK (" + identifier(c.name) + " " + range + ")";
    // REAL[] holds arrays of any shape; a vector is one dimension of so many floats, none NULL.
    if (c.type == ColumnType::vector) {
      const std::string column = identifier(c.name);
      out += " CHECK (array_ndims(" + column + ") = 1 AND cardinality(" + column +
             ") = " + std::to_string(c.dimension) + " AND array_position(" + column +
             ", NULL) IS NULL)";
    }
    return out;
  }
  std::string check(const ColumnCheck& c, ColumnType type,
                    const std::string& column) const override {
    if (c.kind == ColumnCheck::Kind::not_empty)
      return std::string(type == ColumnType::bytes ? "octet_length" : "char_length") + "(" +
             column + ") > 0";
    return Renderer::check(c, type, column);
  }
  std::string explain(std::string_view sql) const override { return "EXPLAIN " + std::string(sql); }
  int explain_plan_column() const override { return 0; }
  bool has_index_methods() const override { return true; }
  bool comments_as_statements() const override { return true; }

public:
  // The history of versioned tables (sqlite_history.cpp / postgresql_history.cpp).
  std::vector<std::string> history_triggers(const CreateTable& table, bool replace) const override {
    return postgres_history_triggers(*this, table, replace);
  }
  std::vector<std::string> start_history(const CreateTable& table) const override {
    return ormc::sql::start_history(*this, table, "now()");
  }
  std::vector<std::string> drop_history_triggers(const TableName& table) const override {
    return postgres_drop_history_triggers(*this, table);
  }
  std::string set_history_actor() const override {
    return "SELECT set_config('ormc.actor', $1, true)";
  }
};

} // namespace

ExistingTableChange PostgresRenderer::render(const AlterColumn& s) const {
  const ColumnDefinition& from = s.from;
  const ColumnDefinition& to = s.to;
  std::string table = table_name(s.table);
  std::string column = identifier(to.name);
  std::string alter = "ALTER TABLE " + table + " ";
  ExistingTableChange change;
  std::vector<std::string>& out = change.in_transaction;
  bool retyped = sql_type(from) != sql_type(to);
  const char* old_range = range_check(from.type);
  const char* new_range = range_check(to.type);
  bool reranged = (old_range ? old_range : "") != std::string(new_range ? new_range : "");
  if (old_range && (retyped || reranged))
    // The unnamed CHECK of CREATE TABLE, by the name PostgreSQL gives it.
    out.push_back(alter + "DROP CONSTRAINT IF EXISTS " +
                  identifier(s.table.name + "_" + to.name + "_check"));
  if (retyped) {
    // A default of the old type may not cast to the new one; it is set again below.
    if (from.default_value) out.push_back(alter + "ALTER COLUMN " + column + " DROP DEFAULT");
    out.push_back(alter + "ALTER COLUMN " + column + " TYPE " + sql_type(to) +
                  (s.convert.empty() ? "" : " USING (" + s.convert + ")"));
  } else if (!s.convert.empty()) {
    out.push_back("UPDATE " + table + " SET " + column + " = (" + s.convert + ")");
  }
  if (new_range && (retyped || reranged))
    out.push_back(alter + "ADD CHECK (" + column + " " + new_range + ")");
  if (to.not_null && !from.not_null && to.default_value)
    out.push_back("UPDATE " + table + " SET " + column + " = " + literal(*to.default_value) +
                  " WHERE " + column + " IS NULL");
  auto same = [](const std::optional<Literal>& a, const std::optional<Literal>& b) {
    return a.has_value() == b.has_value() && (!a || (a->kind == b->kind && a->value == b->value));
  };
  if (to.default_value && (retyped || !same(from.default_value, to.default_value)))
    out.push_back(alter + "ALTER COLUMN " + column + " SET DEFAULT " + literal(*to.default_value));
  else if (!to.default_value && from.default_value && !retyped)
    out.push_back(alter + "ALTER COLUMN " + column + " DROP DEFAULT");
  if (from.not_null && !to.not_null)
    out.push_back(alter + "ALTER COLUMN " + column + " DROP NOT NULL");
  if (to.not_null && !from.not_null) {
    // SET NOT NULL alone scans the table under its exclusive lock. A CHECK added NOT VALID and
    // validated online scans it under a lock that lets writers on, and then SET NOT NULL
    // trusts the validated CHECK instead of scanning (PostgreSQL 12+).
    std::string check = identifier(s.table.name + "_" + to.name + "_not_null");
    out.push_back(alter + "ADD CONSTRAINT " + check + " CHECK (" + column +
                  " IS NOT NULL) NOT VALID");
    change.online_steps.push_back({alter + "VALIDATE CONSTRAINT " + check});
    change.online_steps.push_back(
        {"SET lock_timeout = " + std::string(kLockTimeout),
         alter + "ALTER COLUMN " + column + " SET NOT NULL, DROP CONSTRAINT IF EXISTS " + check});
  }
  if (from.unique_constraint != to.unique_constraint) {
    if (!from.unique_constraint.empty())
      out.push_back(render(DropConstraint{s.table, from.unique_constraint}));
    if (!to.unique_constraint.empty())
      out.push_back(render(
          AddConstraint{s.table, NamedColumns{to.unique_constraint, {to.name}}, std::nullopt}));
  }
  std::string old_checks = column_checks(from);
  std::string new_checks = column_checks(to);
  if (old_checks != new_checks || from.check_constraint != to.check_constraint) {
    if (!from.check_constraint.empty())
      out.push_back(render(DropConstraint{s.table, from.check_constraint}));
    if (!new_checks.empty()) {
      ExistingTableChange added = render_on_existing(
          AddConstraint{s.table, std::nullopt, NamedCheck{to.check_constraint, new_checks}});
      out.insert(out.end(), added.in_transaction.begin(), added.in_transaction.end());
      change.online_steps.insert(change.online_steps.end(), added.online_steps.begin(),
                                 added.online_steps.end());
    }
  }
  if (from.comment != to.comment) out.push_back(render(CommentOn{s.table, to.name, to.comment}));
  return change;
}

const Renderer& postgres_renderer() {
  static const PostgresRenderer renderer;
  return renderer;
}

} // namespace ormc::sql
