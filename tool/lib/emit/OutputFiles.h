// Writes generated files so that a build never sees a half-written set, and an unchanged file
// keeps its timestamp (so nothing that includes it is recompiled).
#pragma once

#include <map>
#include <string>

namespace ormc::emit {

struct WriteResult {
  bool ok = true;
  std::string error; // set when !ok: which file, and why
  unsigned written = 0;
  unsigned unchanged = 0;
};

/// Writes `files` (name → contents) into `directory`, creating it if needed. Each file is first
/// written to a temporary beside it and then renamed over the old one; files whose contents are
/// already right are not touched.
WriteResult writeFilesIfChanged(const std::string& directory,
                                const std::map<std::string, std::string>& files);

} // namespace ormc::emit
