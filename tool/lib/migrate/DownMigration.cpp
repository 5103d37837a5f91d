#include "migrate/DownMigration.h"

#include "emit/SqlSchema.h"

namespace ormc::migrate {
namespace {
std::string quoted(const std::string& name) {
  return "\"" + name + "\"";
}

std::string inexactAlter(const Step& step) {
  const std::string& table = step.model->table;
  sql::ColumnDefinition from = emit::columnDefinition(*step.previous, table);
  sql::ColumnDefinition to = emit::columnDefinition(*step.column, table);
  std::string column = "column " + quoted(to.name) + " of " + quoted(table);
  if (step.changes.type) return "changing the type of " + column + " cannot be undone exactly";
  if (step.changes.nullability && !to.not_null)
    return "dropping NOT NULL from " + column + " cannot be undone over NULLs written since";
  if (step.changes.unique && !from.unique_constraint.empty())
    return "dropping the UNIQUE constraint of " + column +
           " cannot be undone over duplicates written since";
  if (step.changes.checks && (!from.checks.empty() || !from.check_constraint.empty()))
    return "changing the checks of " + column +
           " cannot be undone over rows written since that break them";
  return "";
}
} // namespace

std::string inexactReason(const SchemaDiff& diff) {
  for (const Step& step : diff.steps) {
    const std::string table = quoted(step.model->table);
    switch (step.kind) {
    case Step::Kind::DropColumn:
      return "it drops column " + quoted(step.column->name) + " of " + table;
    case Step::Kind::DropTable:
      return "it drops table " + (step.relation ? quoted(step.relation->table) : table);
    case Step::Kind::DropConstraint:
    case Step::Kind::DropForeignKey:
      return "dropping constraint " + quoted(step.name) + " of " + table +
             " cannot be undone over rows written since that break it";
    case Step::Kind::AlterColumn:
      if (std::string reason = inexactAlter(step); !reason.empty()) return reason;
      break;
    default:
      break;
    }
  }
  return "";
}

ir::Schema withRenamesReversed(const ir::Schema& before, const SchemaDiff& diff) {
  ir::Schema out = before;
  for (ir::Model& m : out.models) {
    m.renamedFrom.clear();
    for (ir::Column& c : m.columns)
      c.renamedFrom.clear();
  }
  for (const Step& step : diff.steps) {
    if (step.kind != Step::Kind::RenameTable && step.kind != Step::Kind::RenameColumn) continue;
    // The copy's model at the index of the snapshot's.
    const ir::Model* previous = diff.previous.at(step.model);
    ir::Model& m = out.models[static_cast<std::size_t>(previous - before.models.data())];
    if (step.kind == Step::Kind::RenameTable) m.renamedFrom = step.model->table;
    for (ir::Column& c : m.columns)
      if (step.kind == Step::Kind::RenameColumn && c.name == step.column->renamedFrom)
        c.renamedFrom = step.column->name;
  }
  return out;
}

} // namespace ormc::migrate
