// What changed between the last migration's snapshot of the IR and the current models, as the
// steps a migration takes. Changes ormc cannot write safely yet, and every change that would
// lose data, are errors located at the model or column: a migration is never guessed.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

#include <string>
#include <vector>

namespace ormc::migrate {

struct Step {
  enum class Kind {
    CreateTable,
    CreateJoinTable,
    AddColumn,
    RenameColumn,
    CreateIndex,
    DropColumn, // column: the snapshot's; only with allowDataLoss
    DropTable,  // model: the snapshot's (relation: its join table); only with allowDataLoss
  };
  Kind kind = Kind::CreateTable;
  const ir::Model* model = nullptr;         // in the current schema
  const ir::Column* column = nullptr;       // AddColumn, RenameColumn (from its renamedFrom),
                                            // CreateIndex of an indexed column
  const ir::Index* index = nullptr;         // CreateIndex of a declared index
  const ir::ManyToMany* relation = nullptr; // CreateJoinTable
};

struct SchemaDiff {
  std::vector<Step> steps; // in the order the migration runs them
  Findings findings;       // errors: the migration cannot be written
};

/// The steps from `before` (the snapshot, without source locations) to `after` (the current,
/// validated models).
/// With `allowDataLoss` (`--allow-data-loss`), dropped columns and tables become DropColumn and
/// DropTable steps, each with a warning naming what is lost, instead of errors.
SchemaDiff diffSchemas(const ir::Schema& before, const ir::Schema& after,
                       bool allowDataLoss = false);

} // namespace ormc::migrate
