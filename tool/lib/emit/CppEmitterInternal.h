// Pieces the C++ emitters share. Internal to emit/.
#pragma once

#include "emit/CppEmitter.h"
#include "emit/DdlEmitter.h"
#include "emit/Printer.h"

#include <string>
#include <utility>
#include <vector>

namespace ormc::emit {

/// What every part of the generated C++ needs: the schema, the options, the DDL per dialect.
struct CppContext {
  const ir::Schema& schema;
  const CppOptions& options;
  std::vector<std::pair<const sql::Renderer*, SchemaDdl>> ddl;

  const SchemaDdl& ddlFor(const sql::Renderer& dialect) const {
    for (const auto& entry : ddl)
      if (entry.first == &dialect) return entry.second;
    return ddl.front().second;
  }
};

/// A raw string literal whose delimiter does not occur in `text`.
std::string rawLiteral(const std::string& text);
/// The namespace the Models container is generated in: `option` (--namespace), else the
/// innermost one that holds every model ("" for the global namespace).
std::string containerNamespace(const ir::Schema& schema, const std::string& option);

/// `app::Task_`: the struct of typed columns, beside the model in its namespace; its column
/// types are in `app::Task_columns`.
std::string columnsStructName(const ir::Model& m);
/// `ns` as written after `namespace` to reopen it: `shop::inline v2` where v2 is inline.
std::string namespaceOpening(const ir::Schema& schema, const std::string& ns);

/// `struct Task_columns { ... }; struct Task_ { ... };` in the model's namespace.
void printColumns(Printer& p, const ir::Schema& schema, const ir::Model& m);

/// `template <> struct ormc::ModelTraits<Task> { ... };`
void printTraits(Printer& p, const ir::Model& m, const CppContext& context);
/// `ormc::ModelTraits<Task>::statements()`, with each dialect's SQL: in the generated source.
void printStatementsDefinition(Printer& p, const ir::Model& m, const CppContext& context);
/// ormc::EnumNames<E> for each enum the models of `input` store as text (storage=text).
void printEnumNames(Printer& p, const ir::Schema& schema, const std::string& input);

/// ormc:table(variants): `struct Task_Create`, `Task_Update`, `Task_Search` in the model's
/// namespace; the ormc::ModelVariants<Task> declarations; their definitions, for the source.
void printVariantStructs(Printer& p, const ir::Schema& schema, const ir::Model& m);
void printVariantTraits(Printer& p, const ir::Model& m);
void printVariantDefinitions(Printer& p, const ir::Model& m);

/// `<schema>.ormc.hpp`: the tables with their relation helpers, and the Models container.
std::string emitModelsHeader(const CppContext& context);

} // namespace ormc::emit
