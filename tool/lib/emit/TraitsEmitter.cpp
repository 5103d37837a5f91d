#include "emit/CatalogShape.h"
#include "emit/CppEmitterInternal.h"
#include "emit/CrudStatements.h"
#include "emit/SqlSchema.h"

#include <set>

namespace ormc::emit {

namespace {

std::vector<const ir::Hook*> hooksFor(const ir::Model& m, ir::HookEvent event) {
  std::vector<const ir::Hook*> out;
  for (const ir::Hook& h : m.hooks)
    if (h.event == event) out.push_back(&h);
  return out;
}

/// `if (ormc::detail::longer_than(row.title, 200)) v.push_back(...)` for each rule of a column.
void printValidation(Printer& p, const ir::Model& m) {
  bool any = false;
  for (const ir::Column& c : m.columns)
    any = any || c.maxLength || c.min || c.max || c.notEmpty || c.type.kind == ir::TypeKind::Vector;
  if (!any) {
    p.print("// $name$ has no max_length, min, max, not_empty or vector rules.\n"
            "static void validate(const model_type&) {}\n\n",
            {{"name", m.name}});
    return;
  }
  p.print("// Checks max_length, min, max and not_empty; throws one ormc::ValidationError that\n"
          "// lists every violated field.\n"
          "static void validate(const model_type& row) {\n");
  p.indent();
  p.print("std::vector<ormc::FieldViolation> violations;\n");
  auto rule = [&](const ir::Column& c, const std::string& test, const std::string& message) {
    p.print("if ($test$)\n  violations.push_back({\"$m$\", $message$});\n",
            {{"test", test}, {"m", c.member}, {"message", rawLiteral(message)}});
  };
  for (const ir::Column& c : m.columns) {
    std::string member = "row." + c.member;
    if (c.maxLength)
      rule(c, "ormc::detail::longer_than(" + member + ", " + std::to_string(*c.maxLength) + ")",
           "must be at most " + std::to_string(*c.maxLength) + " characters");
    if (c.min)
      rule(c, "ormc::detail::below(" + member + ", " + *c.min + ")", "must be at least " + *c.min);
    if (c.max)
      rule(c, "ormc::detail::above(" + member + ", " + *c.max + ")", "must be at most " + *c.max);
    if (c.notEmpty) rule(c, "ormc::detail::empty(" + member + ")", "must not be empty");
    if (c.type.kind == ir::TypeKind::Vector) {
      const std::string dim = std::to_string(c.type.dimension);
      rule(c, "ormc::detail::dimension_differs(" + member + ", " + dim + ")",
           "must hold " + dim + " floats");
      rule(c, "ormc::detail::not_finite(" + member + ")", "must hold finite floats");
    }
  }
  p.print("ormc::detail::throw_if_invalid(name, std::move(violations));\n");
  p.outdent();
  p.print("}\n\n");
}

void printHookCalls(Printer& p, const ir::Model& m, ir::HookEvent event) {
  for (const ir::Hook* h : hooksFor(m, event))
    p.print("row.$f$(); // ormc:hook($e$)\n",
            {{"f", h->function}, {"e", ir::hookEventName(event)}});
}

const char* runtimeStorage(ir::Storage storage);

/// The time `at` (a C++ expression) as a column's storage keeps it, for the times ormc fills in.
std::string timeFor(const ir::Column& c, const std::string& at) {
  if (c.storage == ir::Storage::Native) return at;
  return std::string("ormc::detail::at_precision(") + at +
         ", ormc::Storage::" + runtimeStorage(c.storage) + ")";
}

/// The runtime's storage of column `c`: an enum stored as text and JSON have their own.
std::string columnStorage(const ir::Column& c) {
  if (!c.type.enumType.empty() && c.storage == ir::Storage::Text) return "enum_text";
  if (c.type.kind == ir::TypeKind::Json) return "json";
  return runtimeStorage(c.storage);
}

/// `row.member`, or wrapped to bind and read through its column's storage.
std::string memberValue(const ir::Column& c) {
  if (columnStorage(c) == "native") return "row." + c.member;
  return "ormc::stored_as<ormc::Storage::" + columnStorage(c) + ">(row." + c.member + ")";
}

/// The runtime's name of a time storage: ormc::Storage::<this>.
const char* runtimeStorage(ir::Storage storage) {
  switch (storage) {
  case ir::Storage::Native:
    return "native";
  case ir::Storage::Text:
    return "iso_text";
  case ir::Storage::UnixSeconds:
    return "unix_seconds";
  case ir::Storage::UnixMillis:
    return "unix_millis";
  case ir::Storage::UnixMicros:
    return "unix_micros";
  case ir::Storage::Timestamp:
    return "timestamp";
  case ir::Storage::Numeric:
    return "numeric";
  case ir::Storage::PgVector:
    return "pgvector";
  }
  return "native";
}

/// The functions ormc::Table calls around each statement: columns the generated code owns,
/// the model's hooks, validation.
void printLifecycle(Printer& p, const ir::Model& m) {
  const ir::Column* created = m.withRole(ir::ColumnRole::CreatedAt);
  const ir::Column* updated = m.withRole(ir::ColumnRole::UpdatedAt);
  const ir::Column* deleted = m.withRole(ir::ColumnRole::SoftDelete);
  const ir::Column* version = m.withRole(ir::ColumnRole::Version);
  const ir::Column* tenant = m.withRole(ir::ColumnRole::Tenant);
  bool updateHooks = !hooksFor(m, ir::HookEvent::BeforeUpdate).empty() ||
                     !hooksFor(m, ir::HookEvent::AfterUpdate).empty();
  p.print(
      "static constexpr bool soft_delete = $soft$;\n"
      "/// ormc:table(versioned): history(), as_of(), between() and restore(key, version).\n"
      "static constexpr bool versioned = $versioned$;\n"
      "static constexpr bool has_remove_hooks = $remove$;\n"
      "static constexpr bool update_changes_row = $update$;\n"
      "/// The column prepare_update() stamps (void: none), which a partial update writes too.\n"
      "using updated_at_column = $updatedColumn$;\n"
      "/// The ormc:version column update() checks and increments (void: none).\n"
      "using version_column = $versionColumn$;\n\n",
      {{"soft", deleted ? "true" : "false"},
       {"versioned", m.versioned ? "true" : "false"},
       {"remove", hooksFor(m, ir::HookEvent::BeforeRemove).empty() ? "false" : "true"},
       {"update", updated || version || tenant || updateHooks ? "true" : "false"},
       {"updatedColumn",
        updated ? "::" + columnsStructName(m) + "columns::" + updated->member + "_" : "void"},
       {"versionColumn",
        version ? "::" + columnsStructName(m) + "columns::" + version->member + "_" : "void"}});
  p.print("/// ormc:tenant: rows of many tenants, each written and read through its own\n"
          "/// Database::row_tenant().\n"
          "static constexpr bool row_tenancy = $t$;\n",
          {{"t", tenant ? "true" : "false"}});
  if (tenant)
    p.print("static void fill_tenant(model_type& row, const ormc::Database& db) {\n"
            "  ormc::detail::fill_tenant(row.$m$, db, name, $c$);\n"
            "}\n",
            {{"m", tenant->member}, {"c", rawLiteral(tenant->name)}});
  p.print("\n");
  printValidation(p, m);

  p.print("// Before an insert: the values ormc fills in, before_insert hooks, validation.\n"
          "static void prepare_insert(model_type& row) {\n");
  p.indent();
  for (const ir::Column* key : m.keyColumns())
    if (key->generatedUuid) p.print("ormc::detail::fill_uuid(row.$k$);\n", {{"k", key->member}});
  if (created || updated) {
    p.print("auto now = ormc::detail::now();\n");
    if (created)
      p.print("ormc::detail::set_time(row.$c$, $t$);\n",
              {{"c", created->member}, {"t", timeFor(*created, "now")}});
    if (updated)
      p.print("ormc::detail::set_time(row.$c$, $t$);\n",
              {{"c", updated->member}, {"t", timeFor(*updated, "now")}});
  }
  printHookCalls(p, m, ir::HookEvent::BeforeInsert);
  p.print("validate(row);\n");
  p.outdent();
  p.print("}\n"
          "static void finish_insert([[maybe_unused]] model_type& row) {\n");
  p.indent();
  printHookCalls(p, m, ir::HookEvent::AfterInsert);
  p.outdent();
  p.print("}\n"
          "static void prepare_update(model_type& row) {\n");
  p.indent();
  if (updated)
    p.print("ormc::detail::set_time(row.$c$, $t$);\n",
            {{"c", updated->member}, {"t", timeFor(*updated, "ormc::detail::now()")}});
  printHookCalls(p, m, ir::HookEvent::BeforeUpdate);
  p.print("validate(row);\n");
  p.outdent();
  p.print("}\n"
          "static void finish_update([[maybe_unused]] model_type& row) {\n");
  p.indent();
  printHookCalls(p, m, ir::HookEvent::AfterUpdate);
  p.outdent();
  p.print("}\n"
          "static void prepare_remove([[maybe_unused]] model_type& row) {\n");
  p.indent();
  printHookCalls(p, m, ir::HookEvent::BeforeRemove);
  p.outdent();
  p.print(
      "}\n"
      "static void set_deleted([[maybe_unused]] model_type& row,\n"
      "                        [[maybe_unused]] std::optional<ormc::detail::timestamp> at) {\n");
  if (deleted)
    p.print("  if (at)\n"
            "    ormc::detail::set_time(row.$c$, $t$);\n"
            "  else\n"
            "    row.$c$.reset();\n",
            {{"c", deleted->member}, {"t", timeFor(*deleted, "*at")}});
  p.print("}\n\n");
}

/// `static constexpr std::string_view <dialect>_<what>[] = {"a", "b"};` of quoted column names.
void printColumnNames(Printer& p, const std::string& dialect, const char* what,
                      const std::vector<const ir::Column*>& columns) {
  if (columns.empty()) return;
  p.print("static constexpr std::string_view $d$_$w$[] = {", {{"d", dialect}, {"w", what}});
  for (std::size_t i = 0; i < columns.size(); ++i)
    p.print("$sep$$c$",
            {{"sep", i ? ", " : ""}, {"c", rawLiteral(sql::identifier(columns[i]->name))}});
  p.print("};\n");
}

void printStatements(Printer& p, const ir::Model& m, const sql::Renderer& d,
                     const CppContext& context) {
  std::string name(d.name());
  std::vector<const ir::Column*> inserted = insertColumns(m);
  printColumnNames(p, name, "insert_columns", inserted);
  std::vector<const ir::Column*> changed = conflictUpdateColumns(m);
  printColumnNames(p, name, "conflict_update_columns", changed);
  printColumnNames(p, name, "key_columns", m.keyColumns());
  // What check_schema() compares with the catalog (emit/CatalogShape.h).
  sql::TableShape shape = catalogShape(context.schema, m, d);
  p.print("static constexpr ormc::ColumnShape $d$_shape[] = {\n", {{"d", name}});
  p.indent();
  for (const sql::CatalogColumn& c : shape.columns)
    p.print("{$n$, $t$, $nn$},\n", {{"n", rawLiteral(c.name)},
                                    {"t", rawLiteral(c.type)},
                                    {"nn", c.not_null ? "true" : "false"}});
  p.outdent();
  p.print("};\n");
  if (!shape.indexes.empty()) {
    p.print("static constexpr ormc::IndexShape $d$_indexes[] = {\n", {{"d", name}});
    for (const sql::CatalogIndex& i : shape.indexes)
      p.print("    {$c$, $u$},\n",
              {{"c", rawLiteral(i.columns)}, {"u", i.unique ? "true" : "false"}});
    p.print("};\n");
  }
  if (!shape.foreign_keys.empty()) {
    p.print("static constexpr ormc::ForeignKeyShape $d$_foreign_keys[] = {\n", {{"d", name}});
    for (const sql::CatalogForeignKey& k : shape.foreign_keys)
      p.print("    {$c$, $t$, $k$},\n", {{"c", rawLiteral(k.column)},
                                         {"t", rawLiteral(k.target_table)},
                                         {"k", rawLiteral(k.target_column)}});
    p.print("};\n");
  }
  p.print("static constexpr std::string_view $d$_create[] = {\n", {{"d", name}});
  p.indent();
  for (const std::string& statement :
       createTableStatements(context.schema, m, d, context.ddlFor(d))) {
    p.printVerbatim(rawLiteral(statement)); // the SQL exactly as in schema.<dialect>.sql
    p.print(",\n");
  }
  p.outdent();
  p.print("};\n");
  CrudStatements s = crudStatements(m, d);
  p.print("static constexpr ModelStatements $d$ = {\n", {{"d", name}});
  p.indent();
  p.print(".create = $d$_create,\n", {{"d", name}});
  p.print(".table = $t$,\n", {{"t", rawLiteral(d.table_name(tableName(m)))}});
  p.print(".columns = $c$,\n", {{"c", rawLiteral(s.columns)}});
  p.print(".key = $k$,\n", {{"k", rawLiteral(s.key)}});
  p.print(".key_columns = $d$_key_columns,\n", {{"d", name}});
  // Every member named, an empty one too: GCC's -Wmissing-field-initializers warns otherwise.
  if (inserted.empty())
    p.print(".insert_columns = {},\n");
  else
    p.print(".insert_columns = $d$_insert_columns,\n", {{"d", name}});
  p.print(".insert = $s$,\n", {{"s", rawLiteral(s.insert)}});
  p.print(".insert_returns_key = $b$,\n", {{"b", d.insert_returns_key() ? "true" : "false"}});
  p.print(".select_all = $s$,\n", {{"s", rawLiteral(s.selectAll)}});
  p.print(".select_by_key = $s$,\n", {{"s", rawLiteral(s.selectByKey)}});
  p.print(".update = $s$,\n", {{"s", rawLiteral(s.update)}});
  p.print(".remove = $s$,\n", {{"s", rawLiteral(s.remove)}});
  p.print(".count = $s$,\n", {{"s", rawLiteral(s.count)}});
  const ir::Column* softDelete = m.withRole(ir::ColumnRole::SoftDelete);
  const ir::Column* updatedAt = m.withRole(ir::ColumnRole::UpdatedAt);
  p.print(".soft_delete = $s$,\n",
          {{"s", rawLiteral(softDelete ? sql::identifier(softDelete->name) : "")}});
  p.print(".purge = $s$,\n", {{"s", rawLiteral(s.purge)}});
  p.print(".restore = $s$,\n", {{"s", rawLiteral(s.restore)}});
  p.print(".updated_at = $s$,\n",
          {{"s", rawLiteral(updatedAt ? sql::identifier(updatedAt->name) : "")}});
  const ir::Column* version = m.withRole(ir::ColumnRole::Version);
  p.print(".version = $s$,\n", {{"s", rawLiteral(version ? sql::identifier(version->name) : "")}});
  p.print(".schema_name = $s$,\n", {{"s", rawLiteral(d.has_schemas() ? m.schema : "")}});
  p.print(".table_name = $s$,\n", {{"s", rawLiteral(m.table)}});
  p.print(".shape = $d$_shape,\n", {{"d", name}});
  p.print(".indexes = $i$,\n", {{"i", shape.indexes.empty() ? "{}" : name + "_indexes"}});
  p.print(".foreign_keys = $k$,\n",
          {{"k", shape.foreign_keys.empty() ? "{}" : name + "_foreign_keys"}});
  p.print(".upsert_by_key = $s$,\n", {{"s", rawLiteral(s.upsertByKey)}});
  p.print(".conflict_update_columns = $c$,\n",
          {{"c", changed.empty() ? "{}" : name + "_conflict_update_columns"}});
  p.print(".sync_key = $s$,\n", {{"s", rawLiteral(s.syncKey)}});
  p.print(".key_sequence = $s$,\n", {{"s", rawLiteral(s.keySequence)}});
  p.print(".history_table = $t$,\n",
          {{"t", rawLiteral(m.versioned ? d.table_name(sql::history_table(tableName(m))) : "")}});
  if (softDelete && softDelete->storage != ir::Storage::Native)
    p.print(".soft_delete_storage = ormc::Storage::$t$,\n",
            {{"t", runtimeStorage(softDelete->storage)}});
  if (updatedAt && updatedAt->storage != ir::Storage::Native)
    p.print(".updated_at_storage = ormc::Storage::$t$,\n",
            {{"t", runtimeStorage(updatedAt->storage)}});
  if (const ir::Column* tenant = m.withRole(ir::ColumnRole::Tenant)) {
    p.print(".tenant = $s$,\n", {{"s", rawLiteral(sql::identifier(tenant->name))}});
    if (tenant->rowSecurity) p.print(".row_security = true,\n");
  }
  if (m.partitioning.method ==
      ir::Partitioning::Method::Range) // SQLite's create_partitions(): none
    p.print(".partition_interval = $i$,\n", {{"i", rawLiteral(m.partitioning.interval)}});
  p.outdent();
  p.print("};\n");
}

} // namespace

void printTraits(Printer& p, const ir::Model& m, const CppContext& context) {
  std::string type = "::" + m.qualifiedName;
  std::vector<const ir::Column*> keys = m.keyColumns();
  std::string columns = "::" + columnsStructName(m) + "columns";
  std::string keyTypes, keyColumns, keyMembers;
  for (const ir::Column* k : keys) {
    const char* sep = keyTypes.empty() ? "" : ", ";
    keyTypes += sep + std::string("decltype(") + type + "::" + k->member + ")";
    keyColumns += sep + columns + "::" + k->member + "_";
    keyMembers += sep + std::string("row.") + k->member;
  }
  p.print("// $name$ <-> table \"$table$\"\n"
          "template <>\n"
          "struct ModelTraits<$type$> {\n",
          {{"name", m.qualifiedName}, {"table", m.table}, {"type", type}});
  p.indent();
  p.print("using model_type = $type$;\n", {{"type", type}});
  if (keys.size() == 1)
    p.print("using key_type = $types$;\n"
            "using key_column = $columns$;\n",
            {{"types", keyTypes}, {"columns", keyColumns}});
  else // a composite key: get(), remove() ... take its members as a tuple, in this order
    p.print("using key_type = std::tuple<$types$>;\n", {{"types", keyTypes}});
  p.print("using key_columns = std::tuple<$columns$>;\n"
          "static constexpr std::string_view name = \"$name$\";\n"
          "static constexpr bool key_assigned_by_database = $auto$;\n\n",
          {{"columns", keyColumns},
           {"name", m.qualifiedName},
           {"auto", keys.front()->autoIncrement ? "true" : "false"}});
  // join<B>() counts the foreign keys between two models at compile time; the SQL text itself
  // is compiled once, in the source: a unit that includes the header never reads it.
  std::vector<sql::CatalogForeignKey> references =
      catalogShape(context.schema, m, sql::renderer(sql::all_dialects().front())).foreign_keys;
  p.print("static constexpr std::string_view table_name = $t$;\n"
          "static constexpr std::array<std::string_view, $n$> referenced_tables = {",
          {{"t", rawLiteral(m.table)}, {"n", std::to_string(references.size())}});
  for (std::size_t i = 0; i < references.size(); ++i)
    p.print("$sep$$t$", {{"sep", i ? ", " : ""}, {"t", rawLiteral(references[i].target_table)}});
  p.print(
      "};\n"
      "// The statements of each dialect: defined in the generated source, with the table's code.\n"
      "static const ModelStatements& statements(Dialect dialect);\n\n");

  if (keys.size() == 1)
    p.print("static key_type& key(model_type& row) { return $k$; }\n"
            "static const key_type& key(const model_type& row) { return $k$; }\n",
            {{"k", keyMembers}});
  else
    p.print("static key_type key(const model_type& row) { return {$k$}; }\n", {{"k", keyMembers}});
  p.print(
      "// Reads the key's columns from column `first` on (the key an insert or upsert returns).\n"
      "template <class Row> static void read_key(Row& r, int first, model_type& row) {\n");
  for (std::size_t i = 0; i < keys.size(); ++i)
    p.print("  r.read(first$plus$, row.$m$);\n",
            {{"plus", i ? " + " + std::to_string(i) : ""}, {"m", keys[i]->member}});
  p.print("}\n\n");

  printLifecycle(p, m);

  p.print("// Binds the parameters of `insert`.\n"
          "template <class Statement>\n"
          "static void bind_insert(Statement& s, const model_type& row) {\n");
  p.indent();
  unsigned n = 0;
  for (const ir::Column* c : insertColumns(m))
    p.print("s.bind($n$, $v$);\n", {{"n", std::to_string(++n)}, {"v", memberValue(*c)}});
  if (n == 0) p.print("(void)s;\n(void)row;\n");
  p.outdent();
  p.print("}\n\n");

  p.print("// Binds the parameters of `upsert_by_key`: every column, in declaration order.\n"
          "template <class Statement>\n"
          "static void bind_all(Statement& s, const model_type& row) {\n");
  p.indent();
  n = 0;
  for (const ir::Column& c : m.columns)
    p.print("s.bind($n$, $v$);\n", {{"n", std::to_string(++n)}, {"v", memberValue(c)}});
  p.outdent();
  p.print("}\n\n");

  p.print("// Binds the parameters of `update`: every column but the key (and version), then the\n"
          "// key (then the version).\n"
          "template <class Statement>\n"
          "static void bind_update(Statement& s, const model_type& row) {\n");
  p.indent();
  n = 0;
  for (const ir::Column* c : updateColumns(m))
    p.print("s.bind($n$, $v$);\n", {{"n", std::to_string(++n)}, {"v", memberValue(*c)}});
  for (const ir::Column* k : keys)
    p.print("s.bind($n$, row.$m$);\n", {{"n", std::to_string(++n)}, {"m", k->member}});
  if (const ir::Column* version = m.withRole(ir::ColumnRole::Version))
    p.print("s.bind($n$, row.$m$); // the version the row was read at\n",
            {{"n", std::to_string(++n)}, {"m", version->member}});
  p.outdent();
  p.print("}\n\n");

  p.print("// Reads one row of `select_all` or `select_by_key`. A value that does not fit its\n"
          "// member is a DataError naming the model and, once read, the key.\n"
          "template <class Row>\n"
          "static void read(Row& r, model_type& row) {\n");
  p.indent();
  p.print("bool key_read = false;\n"
          "try {\n");
  p.indent();
  auto position = [&](const ir::Column* c) { return std::to_string(c - m.columns.data()); };
  for (const ir::Column* k : keys)
    p.print(
        "r.read($n$, row.$m$);$why$\n",
        {{"n", position(k)},
         {"m", k->member},
         {"why", k == keys.front() ? " // the key first, so that errors can name the row" : ""}});
  p.print("key_read = true;\n");
  for (const ir::Column& c : m.columns)
    if (!c.primaryKey) p.print("r.read($n$, $v$);\n", {{"n", position(&c)}, {"v", memberValue(c)}});
  p.outdent();
  p.print("} catch (const ormc::DataError& e) {\n"
          "  ormc::detail::throw_read_error(name, key_read, key(row), e,\n"
          "                                 statements(Dialect::$d$).shape);\n"
          "}\n",
          {{"d", sql::renderer(sql::all_dialects().front()).name()}}); // same columns in each
  p.outdent();
  p.print("}\n");
  p.outdent();
  p.print("};\n");
}

void printStatementsDefinition(Printer& p, const ir::Model& m, const CppContext& context) {
  p.print(
      "// The statements of $name$, in each dialect.\n"
      "const ormc::ModelStatements& ormc::ModelTraits<::$name$>::statements(Dialect dialect) {\n",
      {{"name", m.qualifiedName}});
  p.indent();
  for (Dialect dialect : sql::all_dialects()) {
    printStatements(p, m, sql::renderer(dialect), context);
    p.print("\n");
  }
  p.print("switch (dialect) {\n");
  for (Dialect dialect : sql::all_dialects())
    p.print("case Dialect::$e$:\n  return $e$;\n", {{"e", sql::renderer(dialect).name()}});
  p.print("default:\n  throw_unsupported_dialect(name, dialect);\n");
  p.print("}\n");
  p.outdent();
  p.print("}\n\n");
}

void printEnumNames(Printer& p, const ir::Schema& schema, const std::string& input) {
  std::set<std::string> printed;
  for (const ir::Model& m : schema.models) {
    if (m.inputFile != input) continue;
    for (const ir::Column& c : m.columns) {
      if (c.type.enumerators.empty() || !printed.insert(c.type.enumType).second) continue;
      std::string guard = "ORMC_ENUM_NAMES";
      for (char ch : c.type.enumType)
        guard += ch == ':' ? '_' : ch;
      // Guarded: two generated headers may store one enum as text, and a unit may include both.
      p.print("#ifndef $g$\n"
              "#define $g$\n"
              "// The names $e$ is stored as in columns with storage=text.\n"
              "template <>\n"
              "struct EnumNames<$e$> {\n"
              "  static constexpr std::string_view type = \"$n$\";\n",
              {{"g", guard}, {"e", c.type.enumType}, {"n", c.type.enumType.substr(2)}});
      std::string values, names;
      for (const std::string& e : c.type.enumerators) {
        values += (values.empty() ? "" : ", ") + c.type.enumType + "::" + e;
        names += (names.empty() ? "\"" : ", \"") + e + "\"";
      }
      p.print("  static constexpr $e$ values[] = {$v$};\n"
              "  static constexpr std::string_view names[] = {$s$};\n"
              "};\n"
              "#endif\n\n",
              {{"e", c.type.enumType}, {"v", values}, {"s", names}});
    }
  }
}

void printColumns(Printer& p, const ir::Schema& schema, const ir::Model& m) {
  std::string type = "::" + m.qualifiedName;
  if (!m.cppNamespace.empty())
    p.print("namespace $ns$ {\n\n", {{"ns", namespaceOpening(schema, m.cppNamespace)}});
  // Column types are named <member>_ in a struct of their own, so that no member name (not even
  // `sql`, `member` or `columns`) can clash with the names the generated code uses.
  p.print("/// The column types of $name$; use them through $s$_.\n"
          "struct $s$_columns {\n",
          {{"name", m.qualifiedName}, {"s", m.name}});
  p.indent();
  for (const ir::Column& c : m.columns) {
    p.print("struct $m$_ : ormc::column<$m$_, $type$, decltype($type$::$m$)$storage$> {\n"
            "  static constexpr std::string_view sql = $sql$;\n"
            "  static constexpr auto member = &$type$::$m$;\n",
            {{"m", c.member},
             {"type", type},
             {"storage", columnStorage(c) == "native" ? std::string()
                                                      : ", ormc::Storage::" + columnStorage(c)},
             {"sql", rawLiteral(sql::identifier(c.name))}});
    if (c.type.kind == ir::TypeKind::Vector) // nearest() checks the vector it searches for
      p.print("  static constexpr std::size_t dimension = $n$;\n",
              {{"n", std::to_string(c.type.dimension)}});
    p.print("};\n");
  }
  p.outdent();
  p.print("};\n\n"
          "/// Typed columns of $name$, for conditions and ordering: $s$_::$first$ == ...\n"
          "struct $s$_ {\n",
          {{"name", m.qualifiedName}, {"s", m.name}, {"first", m.columns.front().member}});
  p.indent();
  for (const ir::Column& c : m.columns)
    p.print("static constexpr $s$_columns::$m$_ $m${};\n", {{"s", m.name}, {"m", c.member}});
  p.outdent();
  p.print("};\n");
  if (!m.cppNamespace.empty()) p.print("\n} // namespace $ns$\n", {{"ns", m.cppNamespace}});
  p.print("\n");
}

} // namespace ormc::emit
