// IR built by hand for the tests of the migration diff and what is computed from it.
#pragma once

#include "ir/Schema.h"
#include "migrate/SchemaDiff.h"

#include <string>
#include <vector>

namespace ormc::migrate::fixtures {

inline ir::Column column(const std::string& name, ir::TypeKind kind, bool nullable = false) {
  ir::Column c;
  c.member = c.name = name;
  c.type.kind = kind;
  c.nullable = nullable;
  return c;
}

inline std::vector<Step::Kind> kinds(const SchemaDiff& d) {
  std::vector<Step::Kind> out;
  for (const Step& s : d.steps)
    out.push_back(s.kind);
  return out;
}

} // namespace ormc::migrate::fixtures
