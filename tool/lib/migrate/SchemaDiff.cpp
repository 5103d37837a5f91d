#include "migrate/SchemaDiff.h"

#include "emit/SqlSchema.h"
#include "emit/TableOrder.h"

#include <map>
#include <set>

namespace ormc::migrate {
namespace {
std::string tableKey(const std::string& schema, const std::string& table) {
  return schema.empty() ? table : schema + "." + table;
}
std::string quoted(const std::string& name) {
  return "\"" + name + "\"";
}

Finding error(std::string id, std::string message, const ir::SourceLoc& loc) {
  Finding f;
  f.severity = Severity::Error;
  f.id = std::move(id);
  f.message = std::move(message);
  f.loc = loc;
  return f;
}

/// The target table of a column's foreign key, "" without one.
std::string referencedTable(const ir::Schema& schema, const ir::Column& c) {
  if (!c.references) return "";
  const ir::Model* target = schema.find(c.references->targetModel);
  return target ? tableKey(target->schema, target->table) : c.references->target;
}

/// What differs between two versions of a column, in words; empty when nothing does.
std::vector<std::string> columnChanges(const ir::Schema& beforeSchema, const ir::Column& before,
                                       const ir::Schema& afterSchema, const ir::Column& after,
                                       const std::string& table) {
  std::vector<std::string> out;
  sql::ColumnDefinition b = emit::columnDefinition(before, table);
  sql::ColumnDefinition a = emit::columnDefinition(after, table);
  if (before.type.kind != after.type.kind)
    out.push_back(std::string("type ") + ir::typeKindName(before.type.kind) + " -> " +
                  ir::typeKindName(after.type.kind));
  if (b.max_length != a.max_length) out.push_back("max_length");
  if (b.not_null != a.not_null) out.push_back(a.not_null ? "NOT NULL" : "nullable");
  if (b.primary_key != a.primary_key || b.identity != a.identity) out.push_back("primary key");
  auto literal = [](const std::optional<sql::Literal>& l) {
    return l ? std::to_string(static_cast<int>(l->kind)) + ":" + l->value : std::string();
  };
  if (literal(b.default_value) != literal(a.default_value)) out.push_back("default");
  if (b.unique_constraint != a.unique_constraint) out.push_back("unique");
  bool checksDiffer = b.checks.size() != a.checks.size();
  for (std::size_t i = 0; !checksDiffer && i < b.checks.size(); ++i)
    checksDiffer = b.checks[i].kind != a.checks[i].kind || b.checks[i].value != a.checks[i].value;
  if (checksDiffer) out.push_back("checks (min, max, not_empty, check)");
  if (referencedTable(beforeSchema, before) != referencedTable(afterSchema, after) ||
      (before.references && after.references &&
       (before.references->onDelete != after.references->onDelete ||
        before.references->onUpdate != after.references->onUpdate)))
    out.push_back("foreign key");
  if (before.comment != after.comment) out.push_back("comment");
  return out;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words)
    out += (out.empty() ? "" : ", ") + w;
  return out;
}

const char* kNotYet = "; ormc migrate writes new tables, new columns and new indexes so far, and "
                      "refuses other changes rather than guess them (docs/migrations.md)";

/// Steps and findings for a table both schemas have.
void diffTable(const ir::Schema& beforeSchema, const ir::Model& before,
               const ir::Schema& afterSchema, const ir::Model& after, bool allowDataLoss,
               SchemaDiff& out) {
  std::string table = quoted(after.table);
  auto find = [](const ir::Model& m, const std::string& name) -> const ir::Column* {
    for (const ir::Column& c : m.columns)
      if (c.name == name) return &c;
    return nullptr;
  };
  // Renames the models declare: old name -> the column it is now.
  std::map<std::string, const ir::Column*> renamed;
  for (const ir::Column& c : after.columns) {
    if (c.renamedFrom.empty() || find(before, c.name)) continue; // new, or renamed already
    if (!find(before, c.renamedFrom) || find(after, c.renamedFrom))
      out.findings.push_back(error("migration-bad-rename",
                                   "renamed_from=" + c.renamedFrom + " on " + quoted(c.name) +
                                       " names no column of table " + table +
                                       " in the last migration that the model no longer has",
                                   c.loc));
    else
      renamed[c.renamedFrom] = &c;
  }
  for (const ir::Column& old : before.columns) {
    const ir::Column* now = find(after, old.name);
    if (auto it = renamed.find(old.name); it != renamed.end()) {
      // Compared under the old name, so that names derived from it do not count as changes.
      ir::Column same = *it->second;
      same.name = old.name;
      std::vector<std::string> changes =
          columnChanges(beforeSchema, old, afterSchema, same, after.table);
      if (old.unique || old.indexed || !old.check.empty() || old.min || old.max || old.notEmpty ||
          old.references)
        changes.push_back("its unique constraint, check, index or foreign key is named after "
                          "the column");
      if (!changes.empty())
        out.findings.push_back(error("migration-unsupported-change",
                                     "renaming " + quoted(old.name) + " to " +
                                         quoted(it->second->name) + " of table " + table +
                                         " with other changes (" + joined(changes) + ")" + kNotYet,
                                     it->second->loc));
      else
        out.steps.push_back({Step::Kind::RenameColumn, &after, it->second, nullptr, nullptr});
      continue;
    }
    if (!now && allowDataLoss) {
      bool indexed = old.primaryKey || old.unique || old.indexed || old.references;
      for (const ir::Index& index : before.indexes)
        for (const std::string& c : index.columns)
          indexed = indexed || c == old.name;
      if (indexed) {
        out.findings.push_back(error("migration-unsupported-change",
                                     "dropping column " + quoted(old.name) + " of table " + table +
                                         ", which is a key or in a unique constraint, index or "
                                         "foreign key (SQLite cannot drop those in place)" +
                                         kNotYet,
                                     after.loc));
      } else {
        Finding f = error("migration-drops-column",
                          "the migration drops column " + quoted(old.name) + " of table " + table +
                              " and the data in it (--allow-data-loss)",
                          after.loc);
        f.severity = Severity::Warning;
        out.findings.push_back(std::move(f));
        out.steps.push_back({Step::Kind::DropColumn, &after, &old, nullptr, nullptr});
      }
      continue;
    }
    if (!now) {
      Finding f = error("migration-drops-column",
                        "column " + quoted(old.name) + " of table " + table +
                            " is in the last "
                            "migration but not in the model; ormc does not drop a column and the "
                            "data in it unless asked to (--allow-data-loss)",
                        after.loc);
      for (const ir::Column& c : after.columns) {
        if (!find(before, c.name) && c.type.kind == old.type.kind && c.renamedFrom.empty())
          f.notes.push_back(error("",
                                  "if " + quoted(c.name) + " is " + quoted(old.name) +
                                      " renamed, say so (ormc never guesses a rename): "
                                      "ormc:column(renamed_from=" +
                                      old.name + ")",
                                  c.loc));
      }
      for (Finding& note : f.notes)
        note.severity = Severity::Note;
      out.findings.push_back(std::move(f));
      continue;
    }
    std::vector<std::string> changes =
        columnChanges(beforeSchema, old, afterSchema, *now, after.table);
    if (!changes.empty())
      out.findings.push_back(error("migration-unsupported-change",
                                   "column " + quoted(now->name) + " of table " + table +
                                       " changed (" + joined(changes) + ")" + kNotYet,
                                   now->loc));
  }
  for (const ir::Column& c : after.columns) {
    // Kept, renamed (a RenameColumn above), or a rename reported as bad above: not added.
    if (find(before, c.name) || !c.renamedFrom.empty()) continue;
    std::string what = "new column " + quoted(c.name) + " of table " + table;
    if (c.primaryKey || c.unique || c.references) {
      out.findings.push_back(
          error("migration-unsupported-change",
                what + " is " +
                    (c.primaryKey ? "the primary key"
                     : c.unique   ? "unique"
                                  : "a foreign key") +
                    ", which SQLite cannot add to a table without rebuilding it" + kNotYet,
                c.loc));
      continue;
    }
    if (!c.nullable && !c.defaultValue) {
      out.findings.push_back(error(
          "migration-not-null-without-default",
          what + " is NOT NULL without a default, so the rows already in the table would have "
                 "no value: give it a default (default=...) or make it std::optional",
          c.loc));
      continue;
    }
    out.steps.push_back({Step::Kind::AddColumn, &after, &c, nullptr, nullptr});
    if (c.indexed) out.steps.push_back({Step::Kind::CreateIndex, &after, &c, nullptr, nullptr});
  }
  for (const ir::Index& old : before.indexes) {
    const ir::Index* now = nullptr;
    for (const ir::Index& i : after.indexes)
      if (i.name == old.name) now = &i;
    if (!now)
      out.findings.push_back(
          error("migration-unsupported-change",
                "index " + quoted(old.name) + " of table " + table + " was removed" + kNotYet,
                after.loc));
    else if (now->columns != old.columns || now->unique != old.unique ||
             now->method != old.method || now->opclass != old.opclass)
      out.findings.push_back(
          error("migration-unsupported-change",
                "index " + quoted(old.name) + " of table " + table + " changed" + kNotYet,
                now->loc.valid() ? now->loc : after.loc));
  }
  for (const ir::Index& i : after.indexes) {
    bool added = true;
    for (const ir::Index& o : before.indexes)
      if (o.name == i.name) added = false;
    if (!added) continue;
    if (i.unique)
      out.findings.push_back(
          error("migration-unsupported-change",
                "new unique constraint " + quoted(i.name) + " of table " + table + kNotYet,
                i.loc.valid() ? i.loc : after.loc));
    else
      out.steps.push_back({Step::Kind::CreateIndex, &after, nullptr, &i, nullptr});
  }
  if (before.checks != after.checks || before.comment != after.comment)
    out.findings.push_back(error("migration-unsupported-change",
                                 "table " + table + "'s " +
                                     (before.checks != after.checks ? "checks" : "comment") +
                                     " changed" + kNotYet,
                                 after.loc));
}

/// Join tables by their key, with the model and relation that generate them.
std::map<std::string, std::pair<const ir::Model*, const ir::ManyToMany*>>
joinTables(const ir::Schema& schema) {
  std::map<std::string, std::pair<const ir::Model*, const ir::ManyToMany*>> out;
  for (const ir::Model& m : schema.models)
    for (const ir::ManyToMany& rel : m.manyToMany)
      if (!rel.table.empty()) out[tableKey(m.schema, rel.table)] = {&m, &rel};
  return out;
}
} // namespace

SchemaDiff diffSchemas(const ir::Schema& before, const ir::Schema& after, bool allowDataLoss) {
  SchemaDiff out;
  std::map<std::string, const ir::Model*> old;
  for (const ir::Model& m : before.models)
    old[tableKey(m.schema, m.table)] = &m;
  std::set<std::string> kept;
  for (const ir::Model* m : emit::creationOrder(after).models) {
    auto it = old.find(tableKey(m->schema, m->table));
    if (it == old.end()) {
      out.steps.push_back({Step::Kind::CreateTable, m, nullptr, nullptr, nullptr});
      continue;
    }
    kept.insert(it->first);
    diffTable(before, *it->second, after, *m, allowDataLoss, out);
  }
  auto dropped = [&](const std::string& what) {
    Finding f = error("migration-drops-table",
                      allowDataLoss ? "the migration drops " + what +
                                          " and the rows in it (--allow-data-loss)"
                                    : what + " is in the last migration but nothing in the "
                                             "models makes it; ormc does not drop a table and "
                                             "the rows in it unless asked to (--allow-data-loss)",
                      {});
    if (allowDataLoss) f.severity = Severity::Warning;
    out.findings.push_back(std::move(f));
  };
  std::vector<Step> drops; // join tables, then models in reverse creation order
  std::vector<const ir::Model*> beforeOrder = emit::creationOrder(before).models;
  for (auto it = beforeOrder.rbegin(); it != beforeOrder.rend(); ++it)
    if (!kept.count(tableKey((*it)->schema, (*it)->table))) {
      dropped("table " + quoted((*it)->table) + " (" + (*it)->qualifiedName + ")");
      drops.push_back({Step::Kind::DropTable, *it, nullptr, nullptr, nullptr});
    }
  auto oldJoins = joinTables(before);
  for (const auto& [key, entry] : joinTables(after))
    if (!oldJoins.count(key))
      out.steps.push_back(
          {Step::Kind::CreateJoinTable, entry.first, nullptr, nullptr, entry.second});
  auto newJoins = joinTables(after);
  for (const auto& [key, entry] : oldJoins)
    if (!newJoins.count(key)) {
      dropped("join table " + quoted(entry.second->table));
      drops.insert(drops.begin(),
                   {Step::Kind::DropTable, entry.first, nullptr, nullptr, entry.second});
    }
  if (allowDataLoss) out.steps.insert(out.steps.end(), drops.begin(), drops.end());
  return out;
}

} // namespace ormc::migrate
