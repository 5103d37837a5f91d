// SQLite: STRICT tables so the database itself rejects a value of the wrong type; integer
// primary keys are rowid aliases; timestamps are INTEGER microseconds since the Unix epoch
// unless the schema stores them as ISO 8601 text (as TIMESTAMP columns too) or other integers;
// dates are 'YYYY-MM-DD' text;
// UUIDs are TEXT; booleans INTEGER 0/1. One file is one schema: `schema=` is ignored.
#include "dialects.hpp"

#include <cctype>

namespace ormc::sql {
namespace {

const char* storage_type(ColumnType type) {
  switch (type) {
  case ColumnType::float32:
  case ColumnType::float64:
  case ColumnType::decimal_number:
    return "REAL";
  case ColumnType::text:
  case ColumnType::uuid:
  case ColumnType::timestamp_text:
  case ColumnType::timestamp_plain: // SQLite's date functions read and write ISO 8601 text
  case ColumnType::date:
  case ColumnType::json:
    return "TEXT";
  case ColumnType::bytes:
  case ColumnType::vector:
  case ColumnType::vector_pgvector:
    return "BLOB";
  default:
    return "INTEGER"; // booleans, integers, enums, timestamps, decimals as units of 10^-scale
  }
}

/// A decimal literal ("0.99", "-5") as the count of 10^-scale units the column holds ("99",
/// "-500"); digits beyond the scale are cut (the validator refuses such defaults).
std::string scaled_literal(const std::string& number, int scale) {
  std::string whole = number, fraction;
  if (auto dot = number.find('.'); dot != std::string::npos) {
    whole = number.substr(0, dot);
    fraction = number.substr(dot + 1);
  }
  fraction.resize(static_cast<std::size_t>(scale), '0');
  std::string digits = whole + fraction;
  bool negative = !digits.empty() && digits[0] == '-';
  std::size_t first = digits.find_first_not_of("-+0");
  if (first == std::string::npos) return "0";
  return (negative ? "-" : "") + digits.substr(first);
}

std::string upper(std::string text) {
  for (char& ch : text)
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return text;
}

/// The affinity SQLite gives a column of a declared type, by the rules of its manual
/// ("Determination Of Column Affinity"), which look for these words in this order.
const char* affinity(const std::string& declared) {
  std::string type = upper(declared);
  auto has = [&](const char* word) { return type.find(word) != std::string::npos; };
  if (has("INT")) return "INTEGER";
  if (has("CHAR") || has("CLOB") || has("TEXT")) return "TEXT";
  if (has("BLOB") || type.empty()) return "BLOB";
  if (has("REAL") || has("FLOA") || has("DOUB")) return "REAL";
  return "NUMERIC";
}

/// The affinities that keep what ormc stores for `type` as it was stored. A REAL column
/// turns integers into reals and a TEXT one numbers into text; a BLOB ("none") one keeps all.
std::vector<const char*> keeping_affinities(ColumnType type) {
  switch (type) {
  case ColumnType::float32:
  case ColumnType::float64:
  case ColumnType::decimal_number: // bound as a number; as text past 15 digits, which NUMERIC keeps
    return {"REAL", "NUMERIC", "INTEGER", "BLOB"};
  case ColumnType::text:
  case ColumnType::uuid:
  case ColumnType::json: // '12' is JSON, and a number to NUMERIC
    return {"TEXT", "BLOB"};
  case ColumnType::timestamp_text:
  case ColumnType::timestamp_plain:
  case ColumnType::date: // never a well-formed number, so no affinity converts it
    return {"TEXT", "NUMERIC", "INTEGER", "REAL", "BLOB"};
  case ColumnType::bytes:
  case ColumnType::vector:
  case ColumnType::vector_pgvector:
    return {"BLOB", "TEXT", "NUMERIC", "INTEGER", "REAL"};
  default:
    return {"INTEGER", "NUMERIC", "BLOB"};
  }
}

/// The type names a STRICT table allows.
bool strict_type(const std::string& declared) {
  std::string type = upper(declared);
  return type == "INT" || type == "INTEGER" || type == "REAL" || type == "TEXT" || type == "BLOB" ||
         type == "ANY";
}

class SqliteRenderer final : public Renderer {
public:
  Dialect dialect() const override { return Dialect::sqlite; }
  std::string_view name() const override { return "sqlite"; }

  std::string placeholder(unsigned n) const override { return "?" + std::to_string(n); }
  bool insert_returns_key() const override { return false; }

  // Functions each connection of the runtime registers (runtime/src/sqlite/vector_functions.cpp):
  // a BLOB of floats each side.
  void vector_distance(Fragment& f, std::string_view column, VectorMetric metric,
                       bool /*pgvector*/) const override {
    const char* function = metric == VectorMetric::l2       ? "ormc_l2_distance("
                           : metric == VectorMetric::cosine ? "ormc_cosine_distance("
                                                            : "ormc_negative_inner_product(";
    f.sql(function).sql(column).sql(", ").param().sql(")");
  }
  // SQLite has no array parameter; json_each() reads a JSON array bound as text.
  void in_key_set(Fragment& f, std::string_view column) const override {
    f.sql(column).sql(" IN (SELECT value FROM json_each(").param().sql("))");
  }
  void key_set_append(std::string& set, std::string_view key, bool text) const override {
    set += set.empty() ? '[' : ',';
    if (!text) {
      set += key;
      return;
    }
    set += '"';
    for (char c : key) {
      if (c == '"' || c == '\\') {
        set += '\\';
        set += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        static constexpr char hex[] = "0123456789abcdef";
        set += "\\u00";
        set += hex[(c >> 4) & 0xF];
        set += hex[c & 0xF];
      } else {
        set += c;
      }
    }
    set += '"';
  }
  void key_set_close(std::string& set) const override { set += set.empty() ? "[]" : "]"; }
  // One parameter, the path in SQLite's syntax: $."key"[0]. Text is cast as PostgreSQL's ->>
  // gives it (a number's digits); numbers and booleans (1/0) compare as json_extract() gives them.
  void json_value(Fragment& f, std::string_view column, const std::vector<JsonStep>& path,
                  JsonScalar type, std::vector<std::string>& params) const override {
    std::string text = "$";
    for (const JsonStep& step : path) {
      if (step.index >= 0)
        text += "[" + std::to_string(step.index) + "]";
      else
        text += ".\"" + step.key + "\"";
    }
    params.push_back(std::move(text));
    bool cast = type == JsonScalar::text;
    f.sql(cast ? "CAST(json_extract(" : "json_extract(").sql(column).sql(", ").param().sql(")");
    if (cast) f.sql(" AS TEXT)");
  }

  // SQLite has no OFFSET without LIMIT; -1 is "no limit".
  void limit_offset(Fragment& f, bool limit, bool offset) const override {
    if (offset && !limit) {
      f.sql(" LIMIT -1 OFFSET ").param();
      return;
    }
    Renderer::limit_offset(f, limit, offset);
  }

  // A rowid alias takes the next key after the largest one by itself.
  std::string render(const SyncKey&) const override { return ""; }
  using Renderer::render;

  bool references_later_tables() const override { return true; }
  bool has_schemas() const override { return false; }
  // Checked at commit then, when every table is gone.
  std::string defer_foreign_keys() const override { return "PRAGMA defer_foreign_keys = ON"; }
  std::string catalog_type(const ColumnDefinition& c) const override {
    return declared_type(c).empty() ? storage_type(c.type) : declared_type(c);
  }
  std::string declared_type_problem(const ColumnDefinition& c) const override {
    std::string declared = declared_type(c);
    if (declared.empty()) return "";
    const char* found = affinity(declared);
    std::vector<const char*> keeping = keeping_affinities(c.type);
    for (const char* a : keeping)
      if (std::string(a) == found) return "";
    std::string list;
    for (const char* a : keeping)
      list += std::string(list.empty() ? "" : ", ") + a;
    return "SQLite gives a '" + declared + "' column " + found +
           " affinity, which would convert the " + storage_type(c.type) +
           " values ormc stores for this member; it needs one of " + list + " affinity";
  }
  // One file is one schema: ?1 is not used. A rowid alias (INTEGER PRIMARY KEY) cannot hold
  // NULL though the catalog says it may.
  std::string catalog_columns() const override {
    return R"sql(SELECT "name", "type", "notnull" OR ("pk" > 0 AND "type" = 'INTEGER') FROM pragma_table_info(?2) WHERE ?1 IS NOT NULL)sql";
  }
  std::string catalog_indexes() const override {
    return R"sql(SELECT l."unique", (SELECT group_concat("name", ', ') FROM (SELECT "name" FROM pragma_index_info(l."name") ORDER BY "seqno")) FROM pragma_index_list(?2) l WHERE ?1 IS NOT NULL)sql";
  }
  std::string catalog_foreign_keys() const override {
    return R"sql(SELECT "from", "table", coalesce("to", '') FROM pragma_foreign_key_list(?2) WHERE ?1 IS NOT NULL)sql";
  }
  std::string catalog_tables() const override {
    return R"sql(SELECT "name" FROM sqlite_schema WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite\_%' ESCAPE '\' AND ?1 IS NOT NULL ORDER BY "name")sql";
  }
  // An INTEGER key alone is the rowid, which SQLite assigns when an insert gives none.
  std::string catalog_column_details() const override {
    return R"sql(SELECT "name", "type", "notnull" OR "pk" > 0, coalesce("dflt_value", ''), "pk", CASE WHEN "pk" = 1 AND upper("type") = 'INTEGER' AND (SELECT count(*) FROM pragma_table_info(?2) WHERE "pk" > 0) = 1 THEN 'rowid' ELSE '' END FROM pragma_table_info(?2) WHERE ?1 IS NOT NULL ORDER BY "cid")sql";
  }
  std::string catalog_index_details() const override {
    return R"sql(SELECT l."name", l."unique", l."origin", CASE WHEN EXISTS (SELECT 1 FROM pragma_index_info(l."name") WHERE "name" IS NULL) THEN NULL ELSE (SELECT group_concat("name", ', ') FROM (SELECT "name" FROM pragma_index_info(l."name") ORDER BY "seqno")) END, l."partial" FROM pragma_index_list(?2) l WHERE ?1 IS NOT NULL ORDER BY l."name")sql";
  }
  std::string catalog_foreign_key_details() const override {
    return R"sql(SELECT "id", "from", "table", coalesce("to", ''), "on_delete", "on_update" FROM pragma_foreign_key_list(?2) WHERE ?1 IS NOT NULL ORDER BY "id", "seq")sql";
  }
  // The declared type only names an affinity, by the manual's rules in their order; the names
  // of dates and times say what the text holds.
  CatalogTypeReading read_catalog_type(const std::string& declared) const override {
    std::string type = upper(declared);
    auto has = [&](const char* word) { return type.find(word) != std::string::npos; };
    CatalogTypeReading out;
    int precision = 0, scale = 0;
    if (type == "BOOLEAN" || type == "BOOL")
      out.type = ColumnType::boolean;
    else if (has("INT"))
      out.type = ColumnType::int64;
    else if (has("CHAR") || has("CLOB") || has("TEXT"))
      out.type = ColumnType::text;
    else if (has("BLOB") || type.empty()) {
      out.type = ColumnType::bytes;
      if (type.empty())
        out.note = "declared without a type; ormc declares BLOB, so --check-db reports it";
    } else if (has("REAL") || has("FLOA") || has("DOUB"))
      out.type = ColumnType::float64;
    else if (type == "DATE")
      out.type = ColumnType::date;
    else if (has("DATE") || has("TIME"))
      out.type = ColumnType::timestamp_plain;
    else if (decimal_digits(declared, precision, scale)) {
      out.type = ColumnType::decimal_number;
      out.precision = precision;
      out.scale = scale;
    } else {
      out.type = ColumnType::float64;
      out.note = "NUMERIC affinity without the digits ormc::decimal holds (at most 18): read as "
                 "a double";
    }
    return out;
  }
  // ALTER TABLE adds, renames and drops plain columns; every other change is a rebuild.
  bool alters_tables() const override { return false; }
  // PRAGMA foreign_keys is a no-op inside a transaction, hence around it.
  std::string migration_setup() const override { return "PRAGMA foreign_keys = OFF"; }
  std::string migration_teardown() const override { return "PRAGMA foreign_keys = ON"; }
  std::string migration_check() const override { return "PRAGMA foreign_key_check"; }

protected:
  std::string column_definition(const ColumnDefinition& c) const override {
    std::string out = declared_type(c).empty() ? storage_type(c.type) : declared_type(c);
    if (c.primary_key) out += " PRIMARY KEY";
    if (c.not_null) out += " NOT NULL";
    if (c.default_value && c.type == ColumnType::decimal &&
        c.default_value->kind == Literal::Kind::number)
      out += " DEFAULT " + scaled_literal(c.default_value->value, c.scale);
    else if (c.default_value)
      out += " DEFAULT " + literal(*c.default_value);
    std::string column = identifier(c.name);
    if (c.type == ColumnType::decimal) {
      // The digits NUMERIC(p, s) allows, as PostgreSQL enforces them, for other writers.
      std::string max(static_cast<std::size_t>(c.precision), '9');
      out += " CHECK (" + column + " BETWEEN -" + max + " AND " + max + ")";
    }
    if (c.type == ColumnType::boolean) out += " CHECK (" + column + " IN (0, 1))";
    // PostgreSQL's JSONB refuses what does not parse; here the CHECK does, for every writer.
    // (json_valid(NULL) is 0, not NULL, so a nullable column lets NULL by itself.)
    if (c.type == ColumnType::json)
      out +=
          " CHECK (" + (c.not_null ? "" : column + " IS NULL OR ") + "json_valid(" + column + "))";
    if (c.max_length)
      out += " CHECK (length(" + column + ") <= " + std::to_string(*c.max_length) + ")";
    // UUIDs are text in their canonical 36-character form; PostgreSQL has a type for them.
    if (c.type == ColumnType::uuid) out += " CHECK (length(" + column + ") = 36)";
    // A vector is its floats, 4 bytes each: another writer's blob of another size is refused.
    if (c.type == ColumnType::vector || c.type == ColumnType::vector_pgvector)
      out += " CHECK (length(" + column + ") = " + std::to_string(4 * c.dimension) + ")";
    return out;
  }
  std::string literal(const Literal& value) const override {
    if (value.kind == Literal::Kind::boolean) return value.value == "true" ? "1" : "0";
    return Renderer::literal(value);
  }
  // Rows of id, parent, notused, detail: the detail is the line ("SEARCH task USING ...").
  std::string explain(std::string_view sql) const override {
    return "EXPLAIN QUERY PLAN " + std::string(sql);
  }
  int explain_plan_column() const override { return 3; }
  bool has_index_methods() const override { return false; } // every SQLite index is a b-tree
  bool comments_as_statements() const override { return false; }
  // A STRICT table takes only its own type names: a schema's NVARCHAR(120) makes it a plain one.
  std::string table_options(const CreateTable& s) const override {
    bool strict = true;
    for (const ColumnDefinition& c : s.columns)
      if (!declared_type(c).empty() && !strict_type(declared_type(c))) strict = false;
    if (s.without_rowid) return strict ? " STRICT, WITHOUT ROWID" : " WITHOUT ROWID";
    return strict ? " STRICT" : "";
  }

public:
  // The history of versioned tables (sqlite_history.cpp / postgresql_history.cpp).
  std::vector<std::string> history_triggers(const CreateTable& table, bool replace) const override {
    return sqlite_history_triggers(*this, table, replace);
  }
  std::vector<std::string> start_history(const CreateTable& table) const override {
    return ormc::sql::start_history(*this, table, sqlite_statement_time());
  }
  std::vector<std::string> drop_history_triggers(const TableName& table) const override {
    return sqlite_drop_history_triggers(*this, table);
  }
  std::string set_history_actor() const override {
    return "INSERT OR REPLACE INTO \"ormc_history_actor\" (\"id\", \"actor\") VALUES (1, ?1)";
  }
  std::string clear_history_actor() const override { return "DELETE FROM \"ormc_history_actor\""; }
  std::string begin_read_only(std::string_view /*schema*/) const override {
    return "PRAGMA query_only = 1; BEGIN DEFERRED";
  }
  std::string end_read_only() const override { return "PRAGMA query_only = 0"; }
};

} // namespace

const Renderer& sqlite_renderer() {
  static const SqliteRenderer renderer;
  return renderer;
}

} // namespace ormc::sql
