// What changed between the last migration's snapshot of the IR and the current models, as the
// steps a migration takes. Changes ormc cannot write safely, and every change that would lose
// data, are errors located at the model or column: a migration is never guessed.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

#include <map>
#include <optional>
#include <ormc/sql/schema_statements.hpp>
#include <string>
#include <vector>

namespace ormc::migrate {

/// What differs in a column both versions have.
struct ColumnChanges {
  bool type = false; // kind or max_length
  bool nullability = false;
  bool defaultValue = false;
  bool unique = false;
  bool checks = false; // min, max, not_empty, check
  bool comment = false;

  bool any() const { return type || nullability || defaultValue || unique || checks || comment; }
};

struct Step {
  enum class Kind {
    CreateTable,
    CreateJoinTable,
    RenameTable,      // name: the table's name before
    RenameConstraint, // name: before; constraint (or index, with index set): after
    DropConstraint,   // name: a UNIQUE or CHECK constraint of the table
    DropForeignKey,   // name
    DropIndex,        // name
    RenameColumn,
    DropColumn, // column: the snapshot's; only with allowDataLoss
    AddColumn,
    AlterColumn,      // column: now; previous: the snapshot's; changes
    AddConstraint,    // unique or check
    AddForeignKey,    // foreignKey
    CreateIndex,      // index
    AlterComment,     // of the table: text
    AlterRowSecurity, // the table's tenant policy (ormc:tenant(row_security)) put on or off
    DropTable,        // model: the snapshot's (relation: its join table); only with allowDataLoss
    StartHistory,     // ormc:table(versioned) added: the history table, its triggers, the rows
    StopHistory,      // ormc:table(versioned) removed: the triggers dropped, the history kept
    /// ormc:table(distribute_by / reference) changed: the table undistributed if it was
    /// distributed, then handed to the engine as it is now, once every table is migrated.
    ChangeDistribution,
    /// A list partition (ormc:partition) added, name: its name; its rows move from the default
    /// partition into it.
    AddPartition,
    /// A list partition removed, name: its name; its rows move to the default partition.
    DropPartition,
  };
  Kind kind = Kind::CreateTable;
  const ir::Model* model = nullptr;         // in the current schema
  const ir::Column* column = nullptr;       // AddColumn, RenameColumn (from its renamedFrom)
  const ir::Column* previous = nullptr;     // AlterColumn
  const ir::ManyToMany* relation = nullptr; // CreateJoinTable
  ColumnChanges changes;                    // AlterColumn
  /// Whether a dialect that cannot alter tables in place (sql::Renderer::alters_tables()) must
  /// rebuild the table for this step: SQLite adds, renames and drops only plain columns.
  bool rebuilds = false;
  std::string name;
  std::string constraint; // RenameConstraint
  std::string text;       // AlterComment
  std::optional<sql::NamedColumns> unique;
  std::optional<sql::NamedCheck> check;
  std::optional<sql::ForeignKey> foreignKey;
  std::optional<sql::Index> index; // CreateIndex; RenameConstraint of an index
};

/// Data a finding says would be lost: a table's rows, or a column's values.
struct RowsAtStake {
  std::size_t finding; // index into SchemaDiff::findings
  sql::TableName table;
  std::string column; // "" for the whole table
};

struct SchemaDiff {
  std::vector<Step> steps; // in the order the migration runs them
  Findings findings;       // errors: the migration cannot be written
  std::vector<RowsAtStake> atStake;
  /// Each table both versions have (current model -> the snapshot's), renamed ones too.
  std::map<const ir::Model*, const ir::Model*> previous;
};

/// The steps from `before` (the snapshot, without source locations) to `after` (the current,
/// validated models).
/// With `allowDataLoss` (`--allow-data-loss`), dropped columns and tables become DropColumn and
/// DropTable steps, and narrowing type changes AlterColumn steps, each with a warning naming
/// what is lost, instead of errors.
SchemaDiff diffSchemas(const ir::Schema& before, const ir::Schema& after,
                       bool allowDataLoss = false);

/// Whether every value of `from` fits `to` unchanged (int32 -> int64, float -> double).
bool widens(ir::TypeKind from, ir::TypeKind to);

} // namespace ormc::migrate
