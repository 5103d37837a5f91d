#include "emit/CppEmitter.h"

#include "emit/CrudStatements.h"
#include "emit/DdlEmitter.h"
#include "emit/Printer.h"
#include "emit/Version.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Path.h>
#include <vector>

namespace ormc::emit {
namespace {

/// A raw string literal whose delimiter does not occur in `text`.
std::string rawLiteral(const std::string& text) {
  std::string delimiter = "sql";
  while (text.find(")" + delimiter + "\"") != std::string::npos)
    delimiter += "_";
  return "R\"" + delimiter + "(" + text + ")" + delimiter + "\"";
}

/// `to` relative to directory `from`, with '/' separators, for a quoted #include.
std::string relativePath(const std::string& from, const std::string& to) {
  using namespace llvm::sys;
  std::vector<std::string> fromParts(path::begin(from), path::end(from));
  std::vector<std::string> toParts(path::begin(to), path::end(to));
  std::size_t common = 0;
  while (common < fromParts.size() && common + 1 < toParts.size() &&
         fromParts[common] == toParts[common])
    ++common;
  if (common <= 1 && path::is_absolute(to)) return to; // only the root in common
  std::string out;
  for (std::size_t i = common; i < fromParts.size(); ++i)
    out += "../";
  for (std::size_t i = common; i < toParts.size(); ++i)
    out += toParts[i] + (i + 1 < toParts.size() ? "/" : "");
  return out;
}

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

/// `app::Task_`: the struct of typed columns, beside the model in its namespace; its column
/// types are in `app::Task_columns`.
std::string columnsStructName(const ir::Model& m) {
  return (m.cppNamespace.empty() ? "" : m.cppNamespace + "::") + m.name + "_";
}

void printStatements(Printer& p, const ir::Model& m, const SqlDialect& d) {
  std::string name(d.name());
  std::vector<const ir::Column*> inserted = insertColumns(m);
  if (!inserted.empty()) {
    p.print("static constexpr std::string_view $d$_insert_columns[] = {", {{"d", name}});
    for (std::size_t i = 0; i < inserted.size(); ++i)
      p.print("$sep$$c$",
              {{"sep", i ? ", " : ""}, {"c", rawLiteral(quoteIdentifier(inserted[i]->name))}});
    p.print("};\n");
  }
  p.print("static constexpr std::string_view $d$_create[] = {\n", {{"d", name}});
  p.indent();
  for (const std::string& statement : createTableStatements(m, d)) {
    p.printVerbatim(rawLiteral(statement)); // the SQL exactly as in schema.<dialect>.sql
    p.print(",\n");
  }
  p.outdent();
  p.print("};\n");
  CrudStatements s = crudStatements(m, d);
  p.print("static constexpr ModelStatements $d$ = {\n", {{"d", name}});
  p.indent();
  p.print(".create = $d$_create,\n", {{"d", name}});
  std::string columns;
  for (const ir::Column& c : m.columns)
    columns += (columns.empty() ? "" : ", ") + quoteIdentifier(c.name);
  p.print(".table = $t$,\n", {{"t", rawLiteral(d.tableName(m))}});
  p.print(".columns = $c$,\n", {{"c", rawLiteral(columns)}});
  p.print(".key = $k$,\n", {{"k", rawLiteral(quoteIdentifier(m.primaryKey()->name))}});
  if (!inserted.empty()) p.print(".insert_columns = $d$_insert_columns,\n", {{"d", name}});
  p.print(".insert = $s$,\n", {{"s", rawLiteral(s.insert)}});
  p.print(".insert_returns_key = $b$,\n", {{"b", d.insertReturnsKey() ? "true" : "false"}});
  p.print(".select_all = $s$,\n", {{"s", rawLiteral(s.selectAll)}});
  p.print(".select_by_key = $s$,\n", {{"s", rawLiteral(s.selectByKey)}});
  p.print(".update = $s$,\n", {{"s", rawLiteral(s.update)}});
  p.print(".remove = $s$,\n", {{"s", rawLiteral(s.remove)}});
  p.print(".count = $s$,\n", {{"s", rawLiteral(s.count)}});
  p.outdent();
  p.print("};\n");
}

void printTraits(Printer& p, const ir::Model& m) {
  std::string type = "::" + m.qualifiedName;
  const ir::Column& key = *m.primaryKey();
  p.print("// $name$ <-> table \"$table$\"\n"
          "template <>\n"
          "struct ModelTraits<$type$> {\n",
          {{"name", m.qualifiedName}, {"table", m.table}, {"type", type}});
  p.indent();
  p.print("using model_type = $type$;\n"
          "using key_type = decltype($type$::$key$);\n"
          "using key_column = $columns$::$key$_;\n"
          "static constexpr std::string_view name = \"$name$\";\n"
          "static constexpr bool key_assigned_by_database = $auto$;\n\n",
          {{"type", type},
           {"columns", "::" + columnsStructName(m) + "columns"},
           {"key", key.member},
           {"name", m.qualifiedName},
           {"auto", key.autoIncrement ? "true" : "false"}});
  for (const SqlDialect* d : allDialects()) {
    printStatements(p, m, *d);
    p.print("\n");
  }
  p.print("static const ModelStatements& statements(Dialect dialect) {\n");
  p.indent();
  p.print("switch (dialect) {\n");
  for (const SqlDialect* d : allDialects())
    p.print("case Dialect::$e$:\n  return $d$;\n",
            {{"e", d->runtimeEnumerator()}, {"d", d->name()}});
  p.print("default:\n  throw_unsupported_dialect(name, dialect);\n");
  p.print("}\n");
  p.outdent();
  p.print("}\n\n");

  p.print("static key_type& key(model_type& row) { return row.$k$; }\n"
          "static const key_type& key(const model_type& row) { return row.$k$; }\n\n",
          {{"k", key.member}});

  p.print("// Binds the parameters of `insert`.\n"
          "template <class Statement>\n"
          "static void bind_insert(Statement& s, const model_type& row) {\n");
  p.indent();
  unsigned n = 0;
  for (const ir::Column* c : insertColumns(m))
    p.print("s.bind($n$, row.$m$);\n", {{"n", std::to_string(++n)}, {"m", c->member}});
  if (n == 0) p.print("(void)s;\n(void)row;\n");
  p.outdent();
  p.print("}\n\n");

  p.print("// Binds the parameters of `update`: every column but the key, then the key.\n"
          "template <class Statement>\n"
          "static void bind_update(Statement& s, const model_type& row) {\n");
  p.indent();
  n = 0;
  for (const ir::Column* c : updateColumns(m))
    p.print("s.bind($n$, row.$m$);\n", {{"n", std::to_string(++n)}, {"m", c->member}});
  p.print("s.bind($n$, row.$m$);\n", {{"n", std::to_string(++n)}, {"m", key.member}});
  p.outdent();
  p.print("}\n\n");

  p.print("// Reads one row of `select_all` or `select_by_key`.\n"
          "template <class Row>\n"
          "static void read(Row& r, model_type& row) {\n");
  p.indent();
  n = 0;
  for (const ir::Column& c : m.columns)
    p.print("r.read($n$, row.$m$);\n", {{"n", std::to_string(n++)}, {"m", c.member}});
  p.outdent();
  p.print("}\n");
  p.outdent();
  p.print("};\n");
}

void printColumns(Printer& p, const ir::Model& m) {
  std::string type = "::" + m.qualifiedName;
  if (!m.cppNamespace.empty()) p.print("namespace $ns$ {\n\n", {{"ns", m.cppNamespace}});
  // Column types are named <member>_ in a struct of their own, so that no member name (not even
  // `sql`, `member` or `columns`) can clash with the names the generated code uses.
  p.print("/// The column types of $name$; use them through $s$_.\n"
          "struct $s$_columns {\n",
          {{"name", m.qualifiedName}, {"s", m.name}});
  p.indent();
  for (const ir::Column& c : m.columns)
    p.print("struct $m$_ : ormc::column<$m$_, $type$, decltype($type$::$m$)> {\n"
            "  static constexpr std::string_view sql = $sql$;\n"
            "  static constexpr auto member = &$type$::$m$;\n"
            "};\n",
            {{"m", c.member}, {"type", type}, {"sql", rawLiteral(quoteIdentifier(c.name))}});
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

std::string emitInputHeader(const ir::Schema& schema, const std::string& input,
                            const CppOptions& options) {
  Printer p;
  p.print("// Generated by ormc $version$ from $input$. Do not edit: rerun ormc instead.\n"
          "#pragma once\n\n",
          {{"version", kOrmcVersion}, {"input", llvm::sys::path::filename(input)}});
  std::vector<std::string> includes;
  for (const ir::Model& m : schema.models)
    if (m.inputFile == input) {
      std::string include = relativePath(options.outputDir, m.declaredIn);
      if (std::find(includes.begin(), includes.end(), include) == includes.end())
        includes.push_back(include);
    }
  if (includes.empty()) includes.push_back(relativePath(options.outputDir, input));
  for (const std::string& include : includes)
    p.print("#include \"$i$\"\n", {{"i", include}});
  p.print("\n#include <ormc/column.hpp>\n#include <ormc/model.hpp>\n\n#include <string_view>\n\n");
  for (const ir::Model& m : schema.models)
    if (m.inputFile == input) printColumns(p, m);
  p.print("namespace ormc {\n\n");
  for (const ir::Model& m : schema.models)
    if (m.inputFile == input) {
      printTraits(p, m);
      p.print("\n");
    }
  p.print("} // namespace ormc\n\n"
          "// The Models container for the whole schema.\n"
          "#include \"$schema$.ormc.hpp\"\n",
          {{"schema", options.schemaName}});
  return p.take();
}

std::string emitModelsHeader(const ir::Schema& schema, const CppOptions& options) {
  Printer p;
  p.print("// Generated by ormc $version$. Do not edit: rerun ormc instead.\n"
          "#pragma once\n\n",
          {{"version", kOrmcVersion}});
  for (const std::string& input : schema.inputFiles)
    p.print("#include \"$h$\"\n", {{"h", generatedHeaderName(input)}});
  p.print("\n#include <ormc/database.hpp>\n#include <ormc/table.hpp>\n"
          "#include <ormc/transaction.hpp>\n\n");
  std::string ns =
      options.modelsNamespace.empty() ? commonNamespace(schema) : options.modelsNamespace;
  if (!ns.empty()) p.print("namespace $ns$ {\n\n", {{"ns", ns}});
  p.print("/// Every table of the schema, bound to one database connection.\n"
          "class Models {\n"
          "public:\n");
  p.indent();
  p.print("explicit Models(ormc::Database& db)\n    : db_(db)");
  for (const ir::Model& m : schema.models)
    p.print(", $a$(db)", {{"a", m.accessor}});
  p.print(" {}\n\n"
          "ormc::Database& database() const { return db_; }\n\n"
          "/// Creates every table and index that does not exist yet, in one transaction.\n"
          "void create_schema() {\n");
  p.indent();
  p.print("ormc::Transaction transaction(db_);\n");
  for (const ir::Model& m : schema.models)
    p.print("$a$.create_table();\n", {{"a", m.accessor}});
  p.print("transaction.commit();\n");
  p.outdent();
  p.print("}\n\n");
  p.outdent();
  p.print("private:\n  ormc::Database& db_;\n\npublic:\n");
  p.indent();
  for (const ir::Model& m : schema.models)
    p.print("ormc::Table<::$t$> $a$;\n", {{"t", m.qualifiedName}, {"a", m.accessor}});
  p.outdent();
  p.print("};\n");
  if (!ns.empty()) p.print("\n} // namespace $ns$\n", {{"ns", ns}});
  return p.take();
}

} // namespace

std::string generatedHeaderName(const std::string& inputFile) {
  return llvm::sys::path::stem(inputFile).str() + ".ormc.hpp";
}

std::map<std::string, std::string> emitCpp(const ir::Schema& schema, const CppOptions& options) {
  std::map<std::string, std::string> files;
  for (const std::string& input : schema.inputFiles)
    files[generatedHeaderName(input)] = emitInputHeader(schema, input, options);
  files[options.schemaName + ".ormc.hpp"] = emitModelsHeader(schema, options);
  return files;
}

} // namespace ormc::emit
