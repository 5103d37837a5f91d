// Small constructors for the findings validation reports. Internal to validate/.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

#include <llvm/ADT/StringRef.h>

namespace ormc::validate {

inline Finding error(std::string id, const ir::SourceLoc& loc, std::string message) {
  Finding f;
  f.id = std::move(id);
  f.loc = loc;
  f.message = std::move(message);
  return f;
}

inline Finding note(const ir::SourceLoc& loc, std::string message) {
  Finding f = error("", loc, std::move(message));
  f.severity = Severity::Note;
  return f;
}

/// The model whose unqualified name is closest to `name`, if close enough to be a typo.
inline const ir::Model* nearestModel(const ir::Schema& schema, const std::string& name) {
  const ir::Model* best = nullptr;
  unsigned bestDistance = static_cast<unsigned>(name.size() / 2 + 1);
  for (const ir::Model& m : schema.models) {
    unsigned d = llvm::StringRef(name).edit_distance(m.name);
    if (d < bestDistance) bestDistance = d, best = &m;
  }
  return best;
}

} // namespace ormc::validate
