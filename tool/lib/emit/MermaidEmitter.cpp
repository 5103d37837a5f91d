#include "emit/MermaidEmitter.h"

#include "emit/Printer.h"

#include <cctype>

namespace ormc::emit {
namespace {
/// Mermaid entity and attribute names are words; SQL allows anything, so map the rest to '_'.
std::string mermaidName(const std::string& name) {
  std::string out;
  for (char c : name)
    out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '_';
  return out.empty() ? "_" : out;
}
} // namespace

std::string emitMermaid(const ir::Schema& schema) {
  Printer p;
  p.print("erDiagram\n");
  p.indent();
  for (const ir::Model& m : schema.models) {
    std::string table = m.schema.empty() ? m.table : m.schema + "." + m.table;
    p.print("$name$[\"$table$\"] {\n", {{"name", mermaidName(table)}, {"table", table}});
    p.indent();
    for (const ir::Column& c : m.columns) {
      std::string type = c.type.enumType.empty() ? typeKindName(c.type.kind) : "enum";
      const char* key = c.primaryKey ? " PK" : c.unique ? " UK" : "";
      p.print("$type$ $name$$key$$null$\n", {{"type", type},
                                             {"name", mermaidName(c.name)},
                                             {"key", key},
                                             {"null", c.nullable ? " \"nullable\"" : ""}});
    }
    p.outdent();
    p.print("}\n");
  }
  p.outdent();
  return p.take();
}

} // namespace ormc::emit
