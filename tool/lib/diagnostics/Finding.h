// A problem found by a pipeline stage, located in the user's source. Stages collect findings;
// only the driver reports them (through clang's DiagnosticsEngine), so library code never prints.
#pragma once

#include "ir/Schema.h"

#include <string>
#include <vector>

namespace ormc {

enum class Severity { Note, Warning, Error };

struct FixIt {
  ir::SourceLoc loc;   // start of the text to replace
  unsigned length = 0; // bytes to replace (0 = insert)
  std::string replacement;
};

struct Finding {
  Severity severity = Severity::Error;
  std::string id; // stable identifier, listed in docs/diagnostics.md, e.g. "unknown-kind"
  std::string message;
  ir::SourceLoc loc;
  std::vector<FixIt> fixIts;
  std::vector<Finding> notes; // attached notes, e.g. "previous declaration is here"
};

using Findings = std::vector<Finding>;

inline bool hasErrors(const Findings& findings) {
  for (const Finding& f : findings)
    if (f.severity == Severity::Error) return true;
  return false;
}

} // namespace ormc
