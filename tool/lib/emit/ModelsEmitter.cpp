#include "emit/CppEmitterInternal.h"
#include "emit/Relations.h"
#include "emit/SqlSchema.h"
#include "emit/Version.h"

#include <algorithm>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Path.h>

namespace ormc::emit {
namespace {

/// The innermost namespace that holds every model ("" for the global namespace).
std::string commonNamespace(const ir::Schema& schema) {
  std::vector<std::string> common;
  for (std::size_t i = 0; i < schema.models.size(); ++i) {
    std::vector<std::string> parts;
    llvm::SmallVector<llvm::StringRef, 4> pieces;
    llvm::StringRef(schema.models[i].cppNamespace).split(pieces, "::", -1, false);
    for (llvm::StringRef piece : pieces)
      parts.push_back(piece.str());
    if (i == 0) {
      common = parts;
      continue;
    }
    std::size_t n = 0;
    while (n < common.size() && n < parts.size() && common[n] == parts[n])
      ++n;
    common.resize(n);
  }
  std::string out;
  for (const std::string& part : common)
    out += (out.empty() ? "" : "::") + part;
  return out;
}

} // namespace

std::string containerNamespace(const ir::Schema& schema, const std::string& option) {
  return option.empty() ? commonNamespace(schema) : option;
}

namespace {
std::string tableClassName(const ir::Model& m) {
  return m.accessor + "_table";
}

/// The join table's names in each dialect, seen from this side.
std::string joinTableLiteral(const ir::Schema& schema, const ir::Model& owner,
                             const ir::ManyToMany& rel, bool reversed) {
  auto name = [&](Dialect dialect) {
    const sql::Renderer& d = sql::renderer(dialect);
    return rel.through.empty() ? joinTableName(owner, rel, d)
                               : d.table_name(tableName(*schema.find(rel.throughModel)));
  };
  std::string source = reversed ? rel.targetColumn : rel.sourceColumn;
  std::string target = reversed ? rel.sourceColumn : rel.targetColumn;
  std::string names;
  for (Dialect dialect : sql::all_dialects()) // in the enumerators' order, as JoinTable wants
    names += (names.empty() ? "" : ", ") + rawLiteral(name(dialect));
  return "{{" + names + "}, " + rawLiteral(sql::identifier(source)) + ", " +
         rawLiteral(sql::identifier(target)) + "}";
}

/// `row.a, row.b`: the members of a foreign key over several columns, as arguments.
std::string referenceArguments(const ir::Reference& ref, const std::string& row) {
  std::string out;
  for (const ir::Column* c : ref.columns)
    out += (out.empty() ? "" : ", ") + row + "." + c->member;
  return out;
}

/// "(a, b)", as the docs of a helper over a composite foreign key name it.
std::string memberTuple(const ir::Reference& ref) {
  return "(" + referenceArguments(ref, "row") + ")";
}

/// Belongs-to over a foreign key to a composite key: the key is built from the members.
void printBelongsToComposite(Printer& p, const ir::Model& m, const Relation& r) {
  Printer::VarMap vars{{"name", r.name},
                       {"type", "::" + m.qualifiedName},
                       {"other", "::" + r.other->qualifiedName},
                       {"otherName", r.other->name},
                       {"members", memberTuple(r.reference)},
                       {"args", referenceArguments(r.reference, "row")}};
  p.print("/// The $otherName$ that `$members$` references, if any (none when one of them is\n"
          "/// empty; a removed row is not found).\n"
          "std::optional<$other$> $name$(const $type$& row) const {\n"
          "  auto key = ormc::reference_key<$other$>($args$);\n"
          "  if (!key) return std::nullopt;\n"
          "  return ormc::Table<$other$>(database()).get(*key);\n"
          "}\n"
          "/// The $otherName$ rows that `rows` reference through $members$, by key, in one\n"
          "/// statement.\n"
          "template <class Rows> auto load_$name$(const Rows& rows) const {\n"
          "  return ormc::load_referenced<$other$>(database(), rows, [](const $type$& row) {\n"
          "    return ormc::reference_key<$other$>($args$);\n"
          "  });\n"
          "}\n\n",
          vars);
}

/// Has-many over a foreign key to this model's composite key.
void printHasComposite(Printer& p, const ir::Model& m, const Relation& r) {
  std::string condition;
  std::string columns;
  std::vector<const ir::Column*> keys = m.keyColumns();
  std::string otherColumns = "::" + columnsStructName(*r.other);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const std::string& fk = r.reference.columns[i]->member;
    condition += (i ? " && " : "") + otherColumns + "::" + fk + " == row." + keys[i]->member;
    columns += ", " + otherColumns + "columns::" + fk + "_";
  }
  Printer::VarMap vars{{"name", r.name},
                       {"type", "::" + m.qualifiedName},
                       {"other", "::" + r.other->qualifiedName},
                       {"otherName", r.other->name},
                       {"members", memberTuple(r.reference)},
                       {"condition", condition},
                       {"fkColumns", columns}};
  p.print("/// The $otherName$ rows whose $members$ reference `row`: a query to refine further.\n"
          "ormc::Query<$other$> $name$(const $type$& row) const {\n"
          "  return ormc::Query<$other$>(database()).where($condition$);\n"
          "}\n"
          "/// The $otherName$ rows of each of `rows`, grouped by key, in one statement.\n"
          "template <class Rows> auto load_$name$(const Rows& rows) const {\n"
          "  return ormc::load_referencing<$other$$fkColumns$>(database(), rows);\n"
          "}\n\n",
          vars);
}

void printBelongsTo(Printer& p, const ir::Model& m, const Relation& r) {
  if (r.reference.onStruct) return printBelongsToComposite(p, m, r);
  const ir::Column& column = *r.reference.columns.front();
  Printer::VarMap vars{{"name", r.name},
                       {"type", "::" + m.qualifiedName},
                       {"other", "::" + r.other->qualifiedName},
                       {"otherName", r.other->name},
                       {"fk", column.member}};
  p.print("/// The $otherName$ that `row.$fk$` references, if any (a removed row is not found).\n"
          "std::optional<$other$> $name$(const $type$& row) const {\n",
          vars);
  if (column.nullable)
    p.print("  if (!row.$fk$) return std::nullopt;\n"
            "  return ormc::Table<$other$>(database()).get(*row.$fk$);\n",
            vars);
  else
    p.print("  return ormc::Table<$other$>(database()).get(row.$fk$);\n", vars);
  p.print("}\n"
          "/// The $otherName$ rows that `rows` reference through $fk$, by key, in one statement.\n"
          "template <class Rows> auto load_$name$(const Rows& rows) const {\n"
          "  return ormc::load_referenced<$other$>(database(), rows, &$type$::$fk$);\n"
          "}\n\n",
          vars);
}

void printHas(Printer& p, const ir::Model& m, const Relation& r) {
  if (r.reference.onStruct) return printHasComposite(p, m, r);
  const std::string& fk = r.reference.columns.front()->member;
  Printer::VarMap vars{{"name", r.name},
                       {"type", "::" + m.qualifiedName},
                       {"other", "::" + r.other->qualifiedName},
                       {"otherName", r.other->name},
                       {"fk", fk},
                       {"fkColumn", "::" + columnsStructName(*r.other) + "columns::" + fk + "_"},
                       {"columns", "::" + columnsStructName(*r.other)},
                       {"key", m.primaryKey()->member}};
  if (r.kind == Relation::Kind::HasMany)
    p.print("/// The $otherName$ rows whose $fk$ references `row`: a query to refine further.\n"
            "ormc::Query<$other$> $name$(const $type$& row) const {\n"
            "  return ormc::Query<$other$>(database()).where($columns$::$fk$ == row.$key$);\n"
            "}\n"
            "/// The $otherName$ rows of each of `rows`, grouped by key, in one statement.\n"
            "template <class Rows> auto load_$name$(const Rows& rows) const {\n"
            "  return ormc::load_referencing<$other$, $fkColumn$>(database(), rows);\n"
            "}\n\n",
            vars);
  else
    p.print(
        "/// The $otherName$ whose $fk$ references `row` (a unique key: at most one).\n"
        "std::optional<$other$> $name$(const $type$& row) const {\n"
        "  return ormc::Query<$other$>(database()).where($columns$::$fk$ == row.$key$).first();\n"
        "}\n"
        "/// The $otherName$ of each of `rows`, by key, in one statement.\n"
        "template <class Rows> auto load_$name$(const Rows& rows) const {\n"
        "  return ormc::load_referencing_one<$other$, $fkColumn$>(database(), rows);\n"
        "}\n\n",
        vars);
}

void printManyToMany(Printer& p, const ir::Schema& schema, const ir::Model& m, const Relation& r) {
  const ir::ManyToMany& rel = *r.link;
  const ir::Model& owner = r.reversed ? *r.other : m;
  Printer::VarMap vars{{"name", r.name},
                       {"type", "::" + m.qualifiedName},
                       {"other", "::" + r.other->qualifiedName},
                       {"otherName", r.other->name},
                       {"key", m.primaryKey()->member},
                       {"otherKey", r.other->primaryKey()->member},
                       {"join", joinTableLiteral(schema, owner, rel, r.reversed)}};
  p.print("static constexpr ormc::JoinTable $name$_join = $join$;\n"
          "/// The $otherName$ rows linked to `row`: a query to refine further.\n"
          "ormc::Query<$other$> $name$(const $type$& row) const {\n"
          "  return ormc::linked<$other$>(database(), $name$_join, row.$key$);\n"
          "}\n"
          "/// The $otherName$ rows linked to each of `rows`, grouped by key, in two statements.\n"
          "template <class Rows> auto load_$name$(const Rows& rows) const {\n"
          "  return ormc::load_linked<$other$>(database(), $name$_join, rows);\n"
          "}\n",
          vars);
  if (rel.through.empty()) {
    p.print("/// Links `row` and `other`; linking them again changes nothing.\n"
            "void link_$name$(const $type$& row, const $other$& other) const {\n"
            "  ormc::link(database(), $name$_join, row.$key$, other.$otherKey$);\n"
            "}\n"
            "/// Removes the link between `row` and `other`; false if there was none.\n"
            "bool unlink_$name$(const $type$& row, const $other$& other) const {\n"
            "  return ormc::unlink(database(), $name$_join, row.$key$, other.$otherKey$);\n"
            "}\n\n",
            vars);
    return;
  }
  const ir::Model& through = *schema.find(rel.throughModel);
  vars["through"] = "::" + through.qualifiedName;
  vars["throughColumns"] = "::" + columnsStructName(through);
  vars["mine"] = r.reversed ? rel.targetMember : rel.sourceMember;
  vars["theirs"] = r.reversed ? rel.sourceMember : rel.targetMember;
  vars["throughName"] = through.name;
  p.print(
      "/// Links `row` and `other` by inserting a $throughName$ row (its hooks and rules apply).\n"
      "void link_$name$(const $type$& row, const $other$& other) const {\n"
      "  $through$ link{};\n"
      "  link.$mine$ = row.$key$;\n"
      "  link.$theirs$ = other.$otherKey$;\n"
      "  ormc::Table<$through$>(database()).insert(link);\n"
      "}\n"
      "/// Removes the $throughName$ rows that link `row` and `other`; false if there were none.\n"
      "bool unlink_$name$(const $type$& row, const $other$& other) const {\n"
      "  return ormc::Query<$through$>(database())\n"
      "             .where($throughColumns$::$mine$ == row.$key$ &&\n"
      "                    $throughColumns$::$theirs$ == other.$otherKey$)\n"
      "             .remove() != 0;\n"
      "}\n\n",
      vars);
}

/// A table with relations gets a class of its own: ormc::Table plus one helper per relation.
void printTableClass(Printer& p, const ir::Schema& schema, const ir::Model& m,
                     const std::vector<Relation>& relations) {
  p.print("/// The \"$table$\" table and its relations.\n"
          "class $class$ : public ormc::Table<::$type$> {\n"
          "public:\n",
          {{"table", m.table}, {"class", tableClassName(m)}, {"type", m.qualifiedName}});
  p.indent();
  p.print("using ormc::Table<::$type$>::Table;\n\n", {{"type", m.qualifiedName}});
  for (const Relation& r : relations) {
    switch (r.kind) {
    case Relation::Kind::BelongsTo:
      printBelongsTo(p, m, r);
      break;
    case Relation::Kind::HasMany:
    case Relation::Kind::HasOne:
      printHas(p, m, r);
      break;
    case Relation::Kind::ManyToMany:
      printManyToMany(p, schema, m, r);
      break;
    }
  }
  p.outdent();
  p.print("};\n\n");
}

/// `static std::span<const std::string_view> <name>(ormc::Dialect)` over per-dialect lists.
void printDialectStatements(Printer& p, const std::string& function, const CppContext& context,
                            std::vector<std::string> SchemaDdl::*list) {
  p.print("static std::span<const std::string_view> $f$(ormc::Dialect dialect) {\n"
          "  switch (dialect) {\n",
          {{"f", function}});
  for (Dialect dialect : sql::all_dialects()) {
    const sql::Renderer& d = sql::renderer(dialect);
    const std::vector<std::string>& statements = context.ddlFor(d).*list;
    p.print("  case ormc::Dialect::$e$: {\n", {{"e", d.name()}});
    if (statements.empty()) {
      p.print("    return {};\n  }\n");
      continue;
    }
    p.print("    static constexpr std::string_view statements[] = {\n");
    for (const std::string& s : statements) {
      p.print("        ");
      p.printVerbatim(rawLiteral(s));
      p.print(",\n");
    }
    p.print("    };\n    return statements;\n  }\n");
  }
  p.print("  }\n  return {};\n}\n");
}

/// `text` as a C++ string literal: names and paths, quotes and backslashes escaped.
std::string cppString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// The module a model comes from, as code includes its header: `shop/models.hpp`, or the
/// header's file name (never a path of the machine that generated the code).
std::string moduleOf(const ir::Model& m) {
  return m.includeAs.empty() ? llvm::sys::path::filename(m.declaredIn).str() : m.includeAs;
}

} // namespace

std::string emitModelsHeader(const CppContext& context) {
  const ir::Schema& schema = context.schema;
  const CppOptions& options = context.options;
  Printer p;
  p.print("// Generated by ormc $version$. Do not edit: rerun ormc instead.\n"
          "#pragma once\n\n",
          {{"version", kOrmcVersion}});
  for (const std::string& input : schema.inputFiles)
    p.print("#include \"$h$\"\n", {{"h", generatedHeaderName(input)}});
  p.print(
      "\n#include <optional>\n#include <ormc/database.hpp>\n$distribution$"
      "#include <ormc/related.hpp>\n"
      "#include <ormc/metadata.hpp>\n#include <ormc/table.hpp>\n#include <ormc/transaction.hpp>\n"
      "#include <span>\n"
      "#include <string_view>\n\n",
      {{"distribution", std::any_of(schema.models.begin(), schema.models.end(),
                                    [](const ir::Model& m) {
                                      return m.distribution.kind != ir::Distribution::Kind::Local;
                                    })
                            ? "#include <ormc/distribution.hpp>\n"
                            : ""}});
  std::string ns =
      options.modelsNamespace.empty() ? commonNamespace(schema) : options.modelsNamespace;
  if (!ns.empty()) p.print("namespace $ns$ {\n\n", {{"ns", namespaceOpening(schema, ns)}});
  std::vector<std::string> memberTypes;
  for (const ir::Model& m : schema.models) {
    std::vector<Relation> relations = relationsOf(schema, m);
    if (relations.empty()) {
      memberTypes.push_back("ormc::Table<::" + m.qualifiedName + ">");
    } else {
      printTableClass(p, schema, m, relations);
      memberTypes.push_back(tableClassName(m));
    }
  }
  // A model whose tenant PostgreSQL enforces too: a row tenant sets the policies' setting.
  bool rowSecurity = false;
  for (const ir::Model& m : schema.models)
    if (const ir::Column* tenant = m.withRole(ir::ColumnRole::Tenant))
      rowSecurity = rowSecurity || tenant->rowSecurity;
  // The tables a distributed engine shards or copies, as create_schema()'s error names them.
  std::string distributed;
  for (const ir::Model& m : schema.models)
    if (m.distribution.kind != ir::Distribution::Kind::Local)
      distributed += (distributed.empty() ? "" : ", ") + m.table;
  p.print("/// Every table of the schema, bound to one database connection.\n"
          "class Models {\n"
          "public:\n");
  p.indent();
  p.print("explicit Models(ormc::Database& db)\n    : db_(db)");
  for (const ir::Model& m : schema.models)
    p.print(", $a$(db)", {{"a", m.accessor}});
  p.print(
      " {}\n\n"
      "ormc::Database& database() const { return db_; }\n\n"
      "/// The same models for tenant `name` (ormc::Database::tenant()): every table, relation,\n"
      "/// query and transaction of the result reads and writes that tenant's tables only.\n"
      "Models tenant(std::string_view name) const { return Models(db_.tenant(name)); }\n\n"
      "/// The same models for branch `name` of this tenant (ormc::Database::branch()).\n"
      "Models branch(std::string_view name) const { return Models(db_.branch(name)); }\n\n"
      "/// The same models for the rows of tenant `id` (ormc::Database::row_tenant()): the\n"
      "/// tables of models with an ormc:tenant column are shared, and every statement on\n"
      "/// them reads and writes this tenant's rows only.\n"
      "Models row_tenant(std::string_view id) const {\n"
      "  return Models(db_.row_tenant(id$security$));\n"
      "}\n"
      "Models row_tenant(std::int64_t id) const { return Models(db_.row_tenant(id$security$)); "
      "}\n\n"
      "/// Copies this tenant's tables and rows into its new branch `name`, and gives the\n"
      "/// models for it (ormc::Database::create_branch()).\n"
      "Models create_branch(std::string_view name) const {\n"
      "  return Models(db_.create_branch(name));\n"
      "}\n\n"
      "/// Creates every table and index that does not exist yet, in one transaction: each\n"
      "/// table after the tables it references, then join tables and the foreign keys that\n"
      "/// close cycles. Tables that existed already must match the models (check_schema()),\n"
      "/// else nothing is created and ormc::SchemaMismatch lists the differences.\n"
      "$distributionDoc$"
      "void create_schema($distributionParameter$) {\n",
      {{"security", rowSecurity ? ", ormc::RowSecurity::on" : ""},
       {"distributionDoc",
        distributed.empty()
            ? ""
            : "/// On PostgreSQL, `engine` then hands the distributed and reference tables to\n"
              "/// Citus, and throws ormc::UsageError before creating anything where the\n"
              "/// database lacks its functions; `none` creates them as ordinary tables (plain\n"
              "/// PostgreSQL: development, tests). SQLite keeps every table whole either way.\n"},
       {"distributionParameter",
        distributed.empty() ? ""
                            : "ormc::Distribution distribution = ormc::Distribution::engine"}});
  p.indent();
  p.print("ormc::Transaction transaction(db_);\n");
  if (!distributed.empty())
    p.print("if (distribution == ormc::Distribution::engine)\n"
            "  ormc::require_distribution_engine(db_, $tables$);\n",
            {{"tables", cppString(distributed)}});
  if (std::any_of(context.ddl.begin(), context.ddl.end(),
                  [](const auto& d) { return !d.second.start.empty(); }))
    p.print("for (std::string_view statement : start_statements(db_.dialect()))\n"
            "  db_.execute(statement);\n");
  for (const ir::Model* m : context.ddl.front().second.order.models)
    p.print("$a$.create_table();\n", {{"a", m->accessor}});
  if (!distributed.empty())
    p.print("if (distribution == ormc::Distribution::engine)\n"
            "  for (std::string_view statement : distribute_statements(db_.dialect()))\n"
            "    db_.execute(statement);\n");
  p.print("for (std::string_view statement : finish_statements(db_.dialect()))\n"
          "  db_.execute(statement);\n"
          "check_schema();\n"
          "transaction.commit();\n");
  p.outdent();
  p.print("}\n\n"
          "/// Compares every table with the database's catalog; throws ormc::SchemaMismatch\n"
          "/// listing each missing table or column and each column of another type or\n"
          "/// nullability. Columns the models do not have are allowed.\n"
          "void check_schema() {\n");
  p.indent();
  p.print("ormc::Dialect dialect = db_.dialect();\n"
          "const ormc::ModelStatements* tables[] = {\n");
  for (const ir::Model& m : schema.models)
    p.print("    &ormc::ModelTraits<::$t$>::statements(dialect),\n", {{"t", m.qualifiedName}});
  p.print("};\n"
          "ormc::check_schema(db_, tables);\n");
  p.outdent();
  p.print("}\n\n"
          "/// The schema's tables as the generator wrote them down, in this connection's\n"
          "/// dialect: model, module, name, columns (type, nullability, key), foreign keys.\n"
          "std::vector<ormc::TableInfo> tables() const {\n");
  p.indent();
  p.print("ormc::Dialect dialect = db_.dialect();\n"
          "return {\n");
  for (const ir::Model& m : schema.models)
    p.print("    {$n$, $mod$, $a$, &ormc::ModelTraits<::$t$>::statements(dialect)},\n",
            {{"n", cppString(m.qualifiedName)},
             {"mod", cppString(moduleOf(m))},
             {"a", cppString(m.accessor)},
             {"t", m.qualifiedName}});
  p.print("};\n");
  p.outdent();
  p.print("}\n\n"
          "/// The modules (headers) the models come from, each once, in the models' order.\n"
          "static std::span<const std::string_view> modules() {\n");
  p.indent();
  std::vector<std::string> modules;
  for (const ir::Model& m : schema.models)
    if (std::find(modules.begin(), modules.end(), moduleOf(m)) == modules.end())
      modules.push_back(moduleOf(m));
  p.print("static constexpr std::string_view list[] = {\n");
  for (const std::string& module : modules)
    p.print("    $m$,\n", {{"m", cppString(module)}});
  p.print("};\n"
          "return list;\n");
  p.outdent();
  p.print("}\n\n"
          "/// Drops every table of the schema (and the rows in them), in one transaction: join\n"
          "/// tables, then each table before the tables it references.\n"
          "void drop_schema() {\n");
  p.indent();
  p.print("ormc::Transaction transaction(db_);\n"
          "for (std::string_view statement : drop_statements(db_.dialect()))\n"
          "  db_.execute(statement);\n"
          "transaction.commit();\n");
  p.outdent();
  p.print("}\n\n");
  p.outdent();
  p.print("private:\n");
  p.indent();
  if (std::any_of(context.ddl.begin(), context.ddl.end(),
                  [](const auto& d) { return !d.second.start.empty(); }))
    printDialectStatements(p, "start_statements", context, &SchemaDdl::start);
  if (!distributed.empty())
    printDialectStatements(p, "distribute_statements", context, &SchemaDdl::distribute);
  printDialectStatements(p, "finish_statements", context, &SchemaDdl::finish);
  printDialectStatements(p, "drop_statements", context, &SchemaDdl::drop);
  p.print("\normc::Database& db_;\n");
  p.outdent();
  p.print("\npublic:\n");
  p.indent();
  for (std::size_t i = 0; i < schema.models.size(); ++i)
    p.print("$t$ $a$;\n", {{"t", memberTypes[i]}, {"a", schema.models[i].accessor}});
  p.outdent();
  p.print("};\n");
  if (!ns.empty()) p.print("\n} // namespace $ns$\n", {{"ns", ns}});
  return p.take();
}

} // namespace ormc::emit
