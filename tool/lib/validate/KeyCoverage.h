// A rule two engines share: PostgreSQL enforces a key or a unique constraint within each
// partition only, and Citus within each shard only, so each must include the column that
// places the rows.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

#include <string>

namespace ormc::validate {

struct KeyCoverage {
  std::string id;     // the diagnostic id: partition-key, distribution-key
  std::string table;  // as messages name it: "partitioned table 'event'"
  std::string column; // as messages name it: "partition key 'at'"
  std::string why;    // "PostgreSQL enforces a key within each partition only"
  ir::SourceLoc loc;  // of the annotation that placed the rows
};

/// Reports the primary key, each unique member and each unique constraint of `m` that does not
/// include `column`.
void requireInUniqueKeys(const ir::Model& m, const ir::Column& column, const KeyCoverage& rule,
                         Findings& out);

} // namespace ormc::validate
