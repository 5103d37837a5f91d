// The generated C++: per-model traits (SQL text, parameter binding, row reading) and the Models
// container that binds every table to one connection.
#pragma once

#include "ir/Schema.h"

#include <map>
#include <string>

namespace ormc::emit {

struct CppOptions {
  std::string outputDir; // absolute; generated headers include the models relative to it
  std::string schemaName = "schema"; // Models go into <schemaName>.ormc.hpp
  std::string modelsNamespace;       // empty: the namespace all models share, if any
  /// How many sources each input's models are compiled in (--sources-per-input), so that a build
  /// compiles them in parallel: `<stem>.ormc.cpp`, `<stem>.ormc-2.cpp`, ...
  unsigned sourcesPerInput = 1;
};

/// File name → contents: `<input stem>.ormc.hpp` and `<input stem>.ormc.cpp` per input file, and
/// `<schemaName>.ormc.hpp`.
std::map<std::string, std::string> emitCpp(const ir::Schema& schema, const CppOptions& options);

/// The file name of an input's generated header: `models.hpp` → `models.ormc.hpp`.
std::string generatedHeaderName(const std::string& inputFile);
/// The file name of part `part` (1-based) of an input's generated source, which the build
/// compiles: `models.ormc.cpp` for part 1, `models.ormc-2.cpp` for part 2, ...
std::string generatedSourceName(const std::string& inputFile, unsigned part = 1);

} // namespace ormc::emit
