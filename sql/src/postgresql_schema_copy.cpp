// PostgreSQL's SchemaCopy: a branch is a new schema made from the catalog of the tenant's, in
// one REPEATABLE READ transaction. Tables come first without keys or indexes, then their rows
// (so that no foreign key, cycle or trigger stands in the way), then the sequences' positions,
// keys, indexes, functions and triggers.
#include "dialects.hpp"

#include <ormc/sql/schema_copy.hpp>
#include <stdexcept>

namespace ormc::sql {
namespace {

// The source's objects, joined to their schema by name (parameter 1).
constexpr const char* kInSchema = " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                  "WHERE n.nspname = $1";

class PostgresSchemaCopy final : public SchemaCopy {
public:
  std::string unsupported_objects() const override {
    return std::string(
               "SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' "
               "WHEN 'p' THEN 'partitioned table' WHEN 'f' THEN 'foreign table' "
               "WHEN 'c' THEN 'composite type' ELSE 'relation' END, c.relname::text "
               "FROM pg_catalog.pg_class c") +
           kInSchema +
           " AND c.relkind NOT IN ('r', 'S', 'i') "
           "UNION ALL SELECT 'inherited table', c.relname::text FROM pg_catalog.pg_class c" +
           kInSchema +
           " AND EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid) "
           "UNION ALL SELECT 'type', t.typname::text FROM pg_catalog.pg_type t "
           "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 "
           "AND t.typrelid = 0 AND t.typcategory <> 'A' "
           "UNION ALL SELECT CASE WHEN p.prokind = 'f' THEN 'function of an extension' "
           "ELSE 'routine' END, p.proname::text FROM pg_catalog.pg_proc p "
           "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 "
           "AND (p.prokind <> 'f' OR EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
           "WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid "
           "AND d.deptype = 'e')) "
           "ORDER BY 1, 2";
  }
  std::string sequences() const override {
    return std::string("SELECT c.relname::text, pg_catalog.format_type(s.seqtypid, NULL), "
                       "s.seqincrement, s.seqmin, s.seqmax, s.seqstart, s.seqcache, "
                       "s.seqcycle::int, pg_catalog.pg_sequence_last_value(c.oid) "
                       "FROM pg_catalog.pg_sequence s "
                       "JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid") +
           kInSchema +
           " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
           "WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid "
           "AND d.deptype = 'i') ORDER BY 1";
  }
  std::string tables() const override {
    return std::string("SELECT c.relname::text FROM pg_catalog.pg_class c") + kInSchema +
           " AND c.relkind = 'r' ORDER BY 1";
  }
  std::string copied_columns() const override {
    return std::string("SELECT a.attname::text FROM pg_catalog.pg_attribute a "
                       "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid") +
           kInSchema +
           " AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped "
           "AND a.attgenerated = '' ORDER BY a.attnum";
  }
  std::string identity_columns() const override {
    return std::string(
               "SELECT c.relname::text, a.attname::text, "
               "pg_catalog.pg_sequence_last_value(pg_catalog.pg_get_serial_sequence("
               "pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), "
               "a.attname)::regclass) "
               "FROM pg_catalog.pg_attribute a "
               "JOIN pg_catalog.pg_class c ON c.oid = a.attrelid") +
           kInSchema +
           " AND c.relkind = 'r' AND a.attidentity <> '' AND NOT a.attisdropped ORDER BY 1, 2";
  }
  std::string sequence_defaults() const override {
    return std::string("SELECT c.relname::text, a.attname::text, "
                       "pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) "
                       "FROM pg_catalog.pg_attrdef d "
                       "JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid "
                       "AND a.attnum = d.adnum "
                       "JOIN pg_catalog.pg_class c ON c.oid = d.adrelid") +
           kInSchema +
           " AND c.relkind = 'r' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend dep "
           "JOIN pg_catalog.pg_class s ON s.oid = dep.refobjid "
           "WHERE dep.classid = 'pg_catalog.pg_attrdef'::regclass AND dep.objid = d.oid "
           "AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND s.relkind = 'S' "
           "AND s.relnamespace = n.oid) ORDER BY 1, 2";
  }
  std::string constraints() const override {
    return std::string("SELECT c.relname::text, con.conname::text, "
                       "pg_catalog.pg_get_constraintdef(con.oid, true) "
                       "FROM pg_catalog.pg_constraint con "
                       "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid") +
           kInSchema +
           " AND c.relkind = 'r' AND con.contype IN ('p', 'u', 'x', 'f') "
           "ORDER BY con.contype = 'f', 1, 2";
  }
  std::string indexes() const override {
    return std::string("SELECT pg_catalog.pg_get_indexdef(i.indexrelid, 0, true) "
                       "FROM pg_catalog.pg_index i "
                       "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid") +
           kInSchema +
           " AND c.relkind = 'r' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con "
           "WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid "
           "AND con.contype IN ('p', 'u', 'x')) ORDER BY 1";
  }
  std::string functions() const override {
    return "SELECT p.proname::text, pg_catalog.pg_get_functiondef(p.oid), "
           "'CREATE OR REPLACE FUNCTION ' || pg_catalog.quote_ident(n.nspname) || '.' || "
           "pg_catalog.quote_ident(p.proname) || '(' "
           "FROM pg_catalog.pg_proc p "
           "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
           "WHERE n.nspname = $1 AND p.prokind = 'f' ORDER BY 1, 2";
  }
  std::string triggers() const override {
    return std::string("SELECT pg_catalog.pg_get_triggerdef(t.oid, true) "
                       "FROM pg_catalog.pg_trigger t "
                       "JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid") +
           kInSchema + " AND NOT t.tgisinternal ORDER BY c.relname, t.tgname";
  }
  std::string row_security() const override {
    return std::string("SELECT 'ALTER TABLE ' || pg_catalog.quote_ident(c.relname) || "
                       "' ENABLE ROW LEVEL SECURITY' FROM pg_catalog.pg_class c") +
           kInSchema +
           " AND c.relkind = 'r' AND c.relrowsecurity "
           "UNION ALL SELECT 'ALTER TABLE ' || pg_catalog.quote_ident(c.relname) || "
           "' FORCE ROW LEVEL SECURITY' FROM pg_catalog.pg_class c" +
           kInSchema +
           " AND c.relkind = 'r' AND c.relforcerowsecurity "
           "UNION ALL SELECT 'CREATE POLICY ' || pg_catalog.quote_ident(p.polname) || ' ON ' || "
           "pg_catalog.quote_ident(c.relname) || "
           "CASE WHEN p.polpermissive THEN '' ELSE ' AS RESTRICTIVE' END || ' FOR ' || "
           "CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' "
           "WHEN 'd' THEN 'DELETE' ELSE 'ALL' END || ' TO ' || "
           "CASE WHEN p.polroles = '{0}' THEN 'PUBLIC' ELSE (SELECT pg_catalog.string_agg("
           "pg_catalog.quote_ident(a.rolname), ', ' ORDER BY a.rolname) "
           "FROM pg_catalog.pg_roles a WHERE a.oid = ANY (p.polroles)) END || "
           "COALESCE(' USING (' || pg_catalog.pg_get_expr(p.polqual, p.polrelid, true) || ')', "
           "'') || COALESCE(' WITH CHECK (' || "
           "pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid, true) || ')', '') "
           "FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid" +
           kInSchema + " ORDER BY 1";
  }
  std::string table_comments() const override {
    return std::string("SELECT c.relname::text, d.description FROM pg_catalog.pg_description d "
                       "JOIN pg_catalog.pg_class c ON c.oid = d.objoid "
                       "AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0") +
           kInSchema + " AND c.relkind = 'r' ORDER BY 1";
  }

  std::string begin_snapshot() const override { return "BEGIN ISOLATION LEVEL REPEATABLE READ"; }
  // A policy that would hide rows from the copy makes its read fail instead (a superuser, or
  // the owner of a table whose policy is not FORCEd, reads every row either way).
  std::string read_every_row() const override { return "SET LOCAL row_security = off"; }
  std::string create_sequence(const TableName& name, const SequenceShape& shape) const override {
    if (shape.type != "smallint" && shape.type != "integer" && shape.type != "bigint")
      throw std::invalid_argument("a sequence of type '" + shape.type + "'");
    return "CREATE SEQUENCE " + table(name) + " AS " + shape.type + " INCREMENT BY " +
           std::to_string(shape.increment) + " MINVALUE " + std::to_string(shape.min) +
           " MAXVALUE " + std::to_string(shape.max) + " START WITH " + std::to_string(shape.start) +
           " CACHE " + std::to_string(shape.cache) + (shape.cycle ? " CYCLE" : " NO CYCLE");
  }
  std::string set_sequence_value() const override {
    return "SELECT pg_catalog.setval($1::regclass, $2, true)";
  }
  std::string create_table_like(const TableName& copy, const TableName& source) const override {
    return "CREATE TABLE " + table(copy) + " (LIKE " + table(source) +
           " INCLUDING ALL EXCLUDING INDEXES)";
  }
  std::string copy_rows(const TableName& copy, const TableName& source,
                        const std::vector<std::string>& columns) const override {
    const std::string list = column_list(columns);
    return "INSERT INTO " + table(copy) + " (" + list + ") OVERRIDING SYSTEM VALUE SELECT " + list +
           " FROM " + table(source);
  }
  std::string set_identity_value() const override {
    return "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence($1, $2), $3, true)";
  }
  std::string set_default(const TableName& t, std::string_view column,
                          std::string_view expression) const override {
    return "ALTER TABLE " + table(t) + " ALTER COLUMN " + identifier(column) + " SET DEFAULT " +
           std::string(expression);
  }
  std::string add_constraint(const TableName& t, std::string_view name,
                             std::string_view definition) const override {
    return "ALTER TABLE " + table(t) + " ADD CONSTRAINT " + identifier(name) + " " +
           std::string(definition);
  }
  std::string create_function(const TableName& name, std::string_view definition,
                              std::string_view head) const override {
    if (head.empty() || definition.substr(0, head.size()) != head) return "";
    return "CREATE FUNCTION " + table(name) + "(" + std::string(definition.substr(head.size()));
  }
  std::string comment_on_table(const TableName& t, std::string_view comment) const override {
    return "COMMENT ON TABLE " + table(t) + " IS " + string_literal(comment);
  }

private:
  static std::string table(const TableName& name) { return postgres_renderer().table_name(name); }
};

} // namespace

const SchemaCopy& postgres_schema_copy() {
  static const PostgresSchemaCopy copy;
  return copy;
}

} // namespace ormc::sql
