// --merge: the IR fragments of many modules (one per service or library, from --fragment) made
// into one schema. What each module contributed is recorded for a machine-readable summary;
// a struct both define alike is merged silently; a table two modules claim differently is an
// error naming both (or, by choice, a warning that keeps the first); and with keepGoing a
// module that fails, as read or as checked with the rest, is left out while the others go on.
// A pure function of its inputs, so its rules have unit tests of their own.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

#include <optional>
#include <string>
#include <vector>

namespace ormc::driver {

enum class TableConflict {
  Error,     // a table two modules define differently stops the merge
  KeepFirst, // a warning: the first module's definition stays, the later one is left out
};

/// One module as --merge reads it: its fragment file, and the fragment or why there is none.
struct ModuleInput {
  std::string name;
  std::optional<ir::Schema> fragment;
  std::string readError; // when there is no fragment
};

struct ContributedTable {
  std::string model; // qualified C++ name
  std::string schema;
  std::string table;
  std::vector<std::string> columns;
};

struct ModuleSummary {
  std::string name;
  bool failed = false;
  std::vector<std::string> errors;                          // why it failed
  std::vector<ContributedTable> tables;                     // what the schema has from it
  std::vector<std::pair<std::string, std::string>> shared;  // model, module that brought it first
  std::vector<std::pair<std::string, std::string>> leftOut; // model, module whose table stayed
};

struct MergeResult {
  ir::Schema schema; // linked, of the modules that did not fail
  Findings leftOut;  // keepGoing: the errors that failed modules (the schema is without them)
  Findings findings; // of the schema merged: an error here means there is none to write
  std::vector<ModuleSummary> modules; // in the order given
  bool failed() const;
};

MergeResult mergeModules(const std::vector<ModuleInput>& modules, TableConflict onConflict,
                         bool keepGoing);

/// The summary as JSON: {"modules": [{"module", "status": "merged"|"failed", "errors",
/// "tables": [{"model", "schema", "table", "columns"}], "shared": [{"model", "from"}],
/// "left_out": [{"model", "kept_from"}]}], "tables": N, "failed": [names]}.
std::string mergeSummaryJson(const MergeResult& result);

} // namespace ormc::driver
