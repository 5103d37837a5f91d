#include "migrate/SchemaDiff.h"

#include "emit/DdlEmitter.h"
#include "emit/SqlSchema.h"
#include "emit/TableOrder.h"

#include <map>
#include <set>

namespace ormc::migrate {
namespace {
using Kind = Step::Kind;

std::string tableKey(const std::string& schema, const std::string& table) {
  return schema.empty() ? table : schema + "." + table;
}
std::string quoted(const std::string& name) {
  return "\"" + name + "\"";
}

Finding finding(Severity severity, std::string id, std::string message, const ir::SourceLoc& loc) {
  Finding f;
  f.severity = severity;
  f.id = std::move(id);
  f.message = std::move(message);
  f.loc = loc;
  return f;
}
Finding error(std::string id, std::string message, const ir::SourceLoc& loc) {
  return finding(Severity::Error, std::move(id), std::move(message), loc);
}

const char* kRefused = "; ormc refuses this change rather than guess it (docs/migrations.md)";

bool sameLiteral(const std::optional<sql::Literal>& a, const std::optional<sql::Literal>& b) {
  return a.has_value() == b.has_value() && (!a || (a->kind == b->kind && a->value == b->value));
}

bool sameChecks(const std::vector<sql::ColumnCheck>& a, const std::vector<sql::ColumnCheck>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].kind != b[i].kind || a[i].value != b[i].value || a[i].values != b[i].values)
      return false;
  return true;
}

ColumnChanges columnChanges(const sql::ColumnDefinition& b, const sql::ColumnDefinition& a) {
  ColumnChanges out;
  out.type = b.type != a.type || b.max_length != a.max_length || b.precision != a.precision ||
             b.scale != a.scale || b.declared_types != a.declared_types;
  out.nullability = b.not_null != a.not_null;
  out.defaultValue = !sameLiteral(b.default_value, a.default_value);
  out.unique = b.unique_constraint != a.unique_constraint;
  out.checks = !sameChecks(b.checks, a.checks) || b.check_constraint != a.check_constraint;
  out.comment = b.comment != a.comment;
  return out;
}

std::string changeWords(const ir::Column& before, const ir::Column& after, const ColumnChanges& c) {
  std::vector<std::string> words;
  if (c.type)
    words.push_back(std::string("type ") + ir::typeKindName(before.type.kind) +
                    (before.maxLength ? "(" + std::to_string(*before.maxLength) + ")" : "") +
                    " -> " + ir::typeKindName(after.type.kind) +
                    (after.maxLength ? "(" + std::to_string(*after.maxLength) + ")" : ""));
  if (c.nullability) words.push_back(after.nullable ? "nullable" : "NOT NULL");
  if (c.defaultValue) words.push_back("default");
  if (c.unique) words.push_back("unique");
  if (c.checks) words.push_back("checks (min, max, not_empty, check)");
  if (c.comment) words.push_back("comment");
  std::string out;
  for (const std::string& w : words)
    out += (out.empty() ? "" : ", ") + w;
  return out;
}

bool widensText(const ir::Column& before, const ir::Column& after) {
  return before.type.kind == after.type.kind &&
         (!after.maxLength || (before.maxLength && *before.maxLength <= *after.maxLength));
}

const ir::Column* findColumn(const ir::Model& m, const std::string& name) {
  for (const ir::Column& c : m.columns)
    if (c.name == name) return &c;
  return nullptr;
}

/// Whether a foreign key holds the column: its own belongs_to, or one over several columns.
bool inAReference(const ir::Model& m, const ir::Column& c) {
  for (const ir::Reference& ref : m.references())
    for (const ir::Column* column : ref.columns)
      if (column->name == c.name) return true;
  return false;
}

bool inAnIndex(const ir::Model& m, const ir::Column& c) {
  if (c.primaryKey || c.unique || c.indexed || inAReference(m, c)) return true;
  for (const ir::Index& index : m.indexes)
    for (const std::string& name : index.columns)
      if (name == c.name) return true;
  return false;
}

/// One table both schemas have: the diff's steps for it, in the order they run.
class TableDiff {
public:
  TableDiff(const ir::Schema& beforeSchema, const ir::Model& before, const ir::Schema& afterSchema,
            const ir::Model& after, const std::map<std::string, std::string>& tableRenames,
            bool allowDataLoss, SchemaDiff& out)
      : beforeSchema_(beforeSchema), before_(before), afterSchema_(afterSchema), after_(after),
        tableRenames_(tableRenames), allowDataLoss_(allowDataLoss), out_(out),
        table_(quoted(after.table)) {}

  void run() {
    changes();
    // Its history starts or stops once the table is as the models describe it.
    if (before_.versioned != after_.versioned)
      out_.steps.push_back(step(after_.versioned ? Kind::StartHistory : Kind::StopHistory));
    partitions();
    if (before_.distribution != after_.distribution)
      out_.steps.push_back(step(Kind::ChangeDistribution));
  }

private:
  void changes() {
    if (before_.table != after_.table) {
      renameTable(); // alone: a rename with other changes is refused
      return;
    }
    columns();
    constraints();
    // A table whose options change in a dialect (a SQLite table that can no longer be STRICT,
    // for a column of a type STRICT refuses) is rebuilt there, whatever changed in it.
    if (optionsChange())
      for (Step& step : steps_)
        step.rebuilds = true;
    // Removals first, so that a constraint or index replaced under its name is free again.
    for (Kind kind :
         {Kind::DropConstraint, Kind::DropForeignKey, Kind::DropIndex, Kind::RenameColumn,
          Kind::DropColumn, Kind::AddColumn, Kind::AlterColumn, Kind::AddConstraint,
          Kind::AddForeignKey, Kind::CreateIndex, Kind::AlterComment, Kind::AlterRowSecurity})
      for (Step& step : steps_)
        if (step.kind == kind) out_.steps.push_back(std::move(step));
  }

  bool optionsChange() const {
    sql::CreateTable b = emit::describeTable(beforeSchema_, before_);
    sql::CreateTable a = emit::describeTable(afterSchema_, after_);
    for (Dialect dialect : sql::all_dialects())
      if (sql::renderer(dialect).table_options(b) != sql::renderer(dialect).table_options(a))
        return true;
    return false;
  }

  Step step(Kind kind) const {
    Step s;
    s.kind = kind;
    s.model = &after_;
    return s;
  }

  /// A table partitioned as before, but for list partitions added or removed (a changed one is
  /// both). Anything else would move every row into new tables: refused.
  void partitions() {
    const ir::Partitioning& b = before_.partitioning;
    const ir::Partitioning& a = after_.partitioning;
    if (b.method != a.method || b.member != a.member || b.partitions != a.partitions ||
        b.interval != a.interval) {
      out_.findings.push_back(
          error("migration-unsupported-change",
                "table " + table_ + " is partitioned otherwise (" + describe(b) + " before, " +
                    describe(a) +
                    " now): that moves every row into new tables; create the table anew "
                    "under another name and copy the rows" +
                    kRefused,
                a.loc.valid() ? a.loc : after_.loc));
      return;
    }
    auto find = [](const ir::Partitioning& p, const ir::Partitioning::ListPartition& list) {
      for (const ir::Partitioning::ListPartition& other : p.lists)
        if (other.name == list.name && other.values == list.values) return true;
      return false;
    };
    for (const ir::Partitioning::ListPartition& list : b.lists)
      if (!find(a, list)) {
        Step s = step(Kind::DropPartition);
        s.name = before_.table + "_" + list.name;
        out_.steps.push_back(s);
      }
    for (const ir::Partitioning::ListPartition& list : a.lists)
      if (!find(b, list)) {
        Step s = step(Kind::AddPartition);
        s.name = list.name;
        out_.steps.push_back(s);
      }
  }

  static std::string describe(const ir::Partitioning& p) {
    if (p.method == ir::Partitioning::Method::None) return "not partitioned";
    std::string out = std::string(ir::partitionMethodName(p.method)) + "(" + p.member + ")";
    if (p.partitions) out += ", " + std::to_string(p.partitions) + " partitions";
    if (!p.interval.empty()) out += " by " + p.interval;
    return out;
  }

  /// A renamed table with nothing else changed: renamed, and its constraints and indexes named
  /// after it renamed with it.
  void renameTable() {
    sql::CreateTable b = emit::describeTable(beforeSchema_, before_);
    sql::CreateTable a = emit::describeTable(afterSchema_, after_);
    bool changed = before_.columns.size() != after_.columns.size() ||
                   b.unique.size() != a.unique.size() || b.checks.size() != a.checks.size() ||
                   b.foreign_keys.size() != a.foreign_keys.size() ||
                   b.indexes.size() != a.indexes.size() || b.comment != a.comment;
    for (std::size_t i = 0; !changed && i < before_.columns.size(); ++i)
      changed = before_.columns[i].name != after_.columns[i].name ||
                columnChanges(emit::columnDefinition(before_.columns[i], after_.table),
                              emit::columnDefinition(after_.columns[i], after_.table))
                    .any();
    for (std::size_t i = 0; !changed && i < b.indexes.size(); ++i)
      changed = b.indexes[i].columns != a.indexes[i].columns;
    if (changed) {
      out_.findings.push_back(error("migration-unsupported-change",
                                    "renaming table " + quoted(before_.table) + " to " + table_ +
                                        " with other changes in the same migration; rename it "
                                        "in one migration and change it in the next" +
                                        kRefused,
                                    after_.loc));
      return;
    }
    Step rename = step(Kind::RenameTable);
    rename.name = before_.table;
    out_.steps.push_back(rename);
    auto renamed = [&](const std::string& from, const std::string& to,
                       const sql::Index* index = nullptr) {
      if (from == to || from.empty()) return;
      Step s = step(Kind::RenameConstraint);
      s.name = from;
      s.constraint = to;
      if (index) s.index = *index;
      out_.steps.push_back(s);
    };
    for (std::size_t i = 0; i < b.columns.size(); ++i) {
      renamed(b.columns[i].unique_constraint, a.columns[i].unique_constraint);
      renamed(b.columns[i].check_constraint, a.columns[i].check_constraint);
    }
    for (std::size_t i = 0; i < b.unique.size(); ++i)
      renamed(b.unique[i].name, a.unique[i].name);
    for (std::size_t i = 0; i < b.checks.size(); ++i)
      renamed(b.checks[i].name, a.checks[i].name);
    for (std::size_t i = 0; i < b.foreign_keys.size(); ++i)
      renamed(b.foreign_keys[i].name, a.foreign_keys[i].name);
    for (std::size_t i = 0; i < b.indexes.size(); ++i)
      renamed(b.indexes[i].name, a.indexes[i].name, &a.indexes[i]);
  }

  void columns() {
    // Renames the models declare: old name -> the column it is now.
    std::map<std::string, const ir::Column*> renamed;
    for (const ir::Column& c : after_.columns) {
      if (c.renamedFrom.empty() || findColumn(before_, c.name)) continue; // new, or done
      if (!findColumn(before_, c.renamedFrom) || findColumn(after_, c.renamedFrom))
        out_.findings.push_back(error("migration-bad-rename",
                                      "renamed_from=" + c.renamedFrom + " on " + quoted(c.name) +
                                          " names no column of table " + table_ +
                                          " in the last migration that the model no longer has",
                                      c.loc));
      else
        renamed[c.renamedFrom] = &c;
    }
    for (const ir::Column& old : before_.columns) {
      if (auto it = renamed.find(old.name); it != renamed.end()) {
        renameColumn(old, *it->second);
        continue;
      }
      if (const ir::Column* now = findColumn(after_, old.name))
        alterColumn(old, *now);
      else
        dropColumn(old);
    }
    for (const ir::Column& c : after_.columns)
      // Kept, renamed, or a rename reported as bad above: not added.
      if (!findColumn(before_, c.name) && c.renamedFrom.empty()) addColumn(c);
  }

  void renameColumn(const ir::Column& old, const ir::Column& now) {
    // Compared under the old name, so that names derived from it do not count as changes.
    ir::Column same = now;
    same.name = old.name;
    ColumnChanges changes = columnChanges(emit::columnDefinition(old, after_.table),
                                          emit::columnDefinition(same, after_.table));
    std::string words = changeWords(old, now, changes);
    if (old.unique || old.indexed || !old.check.empty() || old.min || old.max || old.notEmpty ||
        inAReference(before_, old))
      words += std::string(words.empty() ? "" : ", ") +
               "its unique constraint, check, index or foreign key is named after the column";
    if (!words.empty()) {
      out_.findings.push_back(error("migration-unsupported-change",
                                    "renaming " + quoted(old.name) + " to " + quoted(now.name) +
                                        " of table " + table_ + " with other changes (" + words +
                                        "); rename it in one migration and change it in the next" +
                                        kRefused,
                                    now.loc));
      return;
    }
    Step s = step(Kind::RenameColumn);
    s.column = &now;
    steps_.push_back(s);
  }

  void alterColumn(const ir::Column& old, const ir::Column& now) {
    sql::ColumnDefinition b = emit::columnDefinition(old, after_.table);
    sql::ColumnDefinition a = emit::columnDefinition(now, after_.table);
    ColumnChanges changes = columnChanges(b, a);
    if (b.primary_key != a.primary_key || b.identity != a.identity ||
        (old.primaryKey && (changes.type || changes.defaultValue || changes.checks))) {
      out_.findings.push_back(error("migration-unsupported-change",
                                    "the primary key of table " + table_ + " changed (" +
                                        quoted(now.name) + ")" + kRefused,
                                    now.loc));
      return;
    }
    if (!changes.any()) return;
    std::string what = "column " + quoted(now.name) + " of table " + table_;
    if (old.type.kind == ir::TypeKind::Decimal && now.type.kind == ir::TypeKind::Decimal &&
        old.type.scale != now.type.scale && now.convertUsing.empty()) {
      // SQLite holds a decimal as a count of 10^-scale units: another scale is another count.
      out_.findings.push_back(
          error("migration-changes-storage",
                what + " changes its scale (" + std::to_string(old.type.scale) + " -> " +
                    std::to_string(now.type.scale) +
                    "): the stored counts of units would mean other amounts; say how to convert "
                    "them, ormc:column(convert_using=\"<SQL over the old row>\")",
                now.loc));
      return;
    }
    if (old.type.kind == now.type.kind && old.storage != now.storage && now.convertUsing.empty()) {
      // Both may be the same SQL type (seconds and milliseconds are integers): the stored values
      // would silently mean other times.
      out_.findings.push_back(
          error("migration-changes-storage",
                what + " changes its storage (" + ir::storageName(old.storage) + " -> " +
                    ir::storageName(now.storage) +
                    "): the stored values would be read in the new form; say how to convert them, "
                    "ormc:column(convert_using=\"<SQL over the old row>\")",
                now.loc));
      return;
    }
    if (changes.type && now.convertUsing.empty() &&
        !(widens(old.type.kind, now.type.kind) && (!now.maxLength || widensText(old, now)) &&
          old.type.precision <= now.type.precision) &&
        !(old.type.kind == now.type.kind && old.type.kind != ir::TypeKind::Decimal &&
          widensText(old, now))) {
      std::string message = what + " changes " + changeWords(old, now, {true}) +
                            ", which can lose or fail on values the old type holds";
      out_.atStake.push_back({out_.findings.size(), emit::tableName(after_), now.name});
      if (!allowDataLoss_) {
        out_.findings.push_back(error("migration-narrows-type",
                                      message + ": say how to convert them, "
                                                "ormc:column(convert_using=\"<SQL over the old "
                                                "row>\"), or allow the loss (--allow-data-loss)",
                                      now.loc));
        return;
      }
      out_.findings.push_back(finding(Severity::Warning, "migration-narrows-type",
                                      message + " (--allow-data-loss)", now.loc));
    }
    if (changes.nullability && !now.nullable && !now.defaultValue && now.convertUsing.empty()) {
      out_.findings.push_back(error(
          "migration-not-null-without-default",
          what + " becomes NOT NULL, and rows that hold NULL in it would have no value: give it "
                 "a default (default=...) or a conversion (convert_using=\"...\")",
          now.loc));
      return;
    }
    Step s = step(Kind::AlterColumn);
    s.column = &now;
    s.previous = &old;
    s.changes = changes;
    s.rebuilds = (changes.type || changes.nullability || changes.defaultValue || changes.unique ||
                  changes.checks);
    steps_.push_back(s);
  }

  void dropColumn(const ir::Column& old) {
    if (!allowDataLoss_) {
      Finding f = error("migration-drops-column",
                        "column " + quoted(old.name) + " of table " + table_ +
                            " is in the last migration but not in the model; ormc does not drop "
                            "a column and the data in it unless asked to (--allow-data-loss)",
                        after_.loc);
      for (const ir::Column& c : after_.columns)
        if (!findColumn(before_, c.name) && c.type.kind == old.type.kind && c.renamedFrom.empty())
          f.notes.push_back(finding(Severity::Note, "",
                                    "if " + quoted(c.name) + " is " + quoted(old.name) +
                                        " renamed, say so (ormc never guesses a rename): "
                                        "ormc:column(renamed_from=" +
                                        old.name + ")",
                                    c.loc));
      out_.atStake.push_back({out_.findings.size(), emit::tableName(after_), old.name});
      out_.findings.push_back(std::move(f));
      return;
    }
    if (old.primaryKey) {
      out_.findings.push_back(error("migration-unsupported-change",
                                    "the primary key " + quoted(old.name) + " of table " + table_ +
                                        " is dropped" + kRefused,
                                    after_.loc));
      return;
    }
    out_.atStake.push_back({out_.findings.size(), emit::tableName(after_), old.name});
    out_.findings.push_back(finding(Severity::Warning, "migration-drops-column",
                                    "the migration drops column " + quoted(old.name) +
                                        " of table " + table_ +
                                        " and the data in it (--allow-data-loss)",
                                    after_.loc));
    Step s = step(Kind::DropColumn);
    s.column = &old;
    s.rebuilds = inAnIndex(before_, old);
    steps_.push_back(s);
  }

  void addColumn(const ir::Column& c) {
    std::string what = "new column " + quoted(c.name) + " of table " + table_;
    if (c.primaryKey) {
      out_.findings.push_back(
          error("migration-unsupported-change", what + " is the primary key" + kRefused, c.loc));
      return;
    }
    if (!c.nullable && !c.defaultValue) {
      out_.findings.push_back(error(
          "migration-not-null-without-default",
          what + " is NOT NULL without a default, so the rows already in the table would have "
                 "no value: give it a default (default=...) or make it std::optional",
          c.loc));
      return;
    }
    Step s = step(Kind::AddColumn);
    s.column = &c;
    s.rebuilds = c.unique || inAReference(after_, c);
    steps_.push_back(s);
  }

  /// The table's UNIQUE and CHECK constraints, foreign keys, indexes and comment, compared by
  /// name as the SQL layer describes them.
  void constraints() {
    sql::CreateTable b = emit::describeTable(beforeSchema_, before_);
    sql::CreateTable a = emit::describeTable(afterSchema_, after_);
    auto differ = [&](auto& before, auto& after, auto same, Kind drop, auto add) {
      for (const auto& old : before) {
        const auto* now = byName(after, old.name);
        if (!now || !same(old, *now)) {
          Step s = step(drop);
          s.name = old.name;
          s.rebuilds = drop != Kind::DropIndex;
          steps_.push_back(s);
        }
      }
      for (const auto& now : after) {
        const auto* old = byName(before, now.name);
        if (!old || !same(*old, now)) {
          Step s = step(Kind::CreateIndex);
          add(s, now);
          s.rebuilds = s.kind != Kind::CreateIndex;
          steps_.push_back(s);
        }
      }
    };
    differ(
        b.unique, a.unique,
        [](const sql::NamedColumns& x, const sql::NamedColumns& y) {
          return x.columns == y.columns;
        },
        Kind::DropConstraint,
        [](Step& s, const sql::NamedColumns& u) {
          s.kind = Kind::AddConstraint;
          s.unique = u;
        });
    differ(
        b.checks, a.checks,
        [](const sql::NamedCheck& x, const sql::NamedCheck& y) {
          return x.expression == y.expression;
        },
        Kind::DropConstraint,
        [](Step& s, const sql::NamedCheck& c) {
          s.kind = Kind::AddConstraint;
          s.check = c;
        });
    differ(
        b.foreign_keys, a.foreign_keys,
        [&](const sql::ForeignKey& x, const sql::ForeignKey& y) {
          std::string target = tableKey(x.target.schema, x.target.name);
          if (auto it = tableRenames_.find(target); it != tableRenames_.end()) target = it->second;
          return x.columns == y.columns && target == tableKey(y.target.schema, y.target.name) &&
                 x.target_columns == y.target_columns && x.on_delete == y.on_delete &&
                 x.on_update == y.on_update;
        },
        Kind::DropForeignKey,
        [](Step& s, const sql::ForeignKey& fk) {
          s.kind = Kind::AddForeignKey;
          s.foreignKey = fk;
        });
    differ(
        b.indexes, a.indexes,
        [](const sql::Index& x, const sql::Index& y) {
          return x.columns == y.columns && x.method == y.method && x.opclass == y.opclass;
        },
        Kind::DropIndex, [](Step& s, const sql::Index& i) { s.index = i; });
    if (b.comment != a.comment) {
      Step s = step(Kind::AlterComment);
      s.text = a.comment;
      steps_.push_back(s);
    }
    // The policy names the tenant column and reads the setting as its type: written anew when
    // either changes (the migration drops it before retyping the column, which PostgreSQL
    // refuses under a policy).
    auto policy = [](const ir::Model& m) {
      const ir::Column* tenant = m.withRole(ir::ColumnRole::Tenant);
      return tenant && tenant->rowSecurity
                 ? tenant->name + " " + std::to_string(static_cast<int>(tenant->type.kind))
                 : "";
    };
    if (policy(before_) != policy(after_)) steps_.push_back(step(Kind::AlterRowSecurity));
  }

  template <class T> static const T* byName(const std::vector<T>& items, const std::string& name) {
    for (const T& item : items)
      if (item.name == name) return &item;
    return nullptr;
  }

  const ir::Schema& beforeSchema_;
  const ir::Model& before_;
  const ir::Schema& afterSchema_;
  const ir::Model& after_;
  const std::map<std::string, std::string>& tableRenames_;
  bool allowDataLoss_;
  SchemaDiff& out_;
  std::string table_;
  std::vector<Step> steps_;
};

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

bool widens(ir::TypeKind from, ir::TypeKind to) {
  using T = ir::TypeKind;
  auto rank = [](T kind, bool& isSigned) {
    isSigned = kind == T::Int8 || kind == T::Int16 || kind == T::Int32 || kind == T::Int64;
    switch (kind) {
    case T::Int8:
    case T::UInt8:
      return 1;
    case T::Int16:
    case T::UInt16:
      return 2;
    case T::Int32:
    case T::UInt32:
      return 3;
    case T::Int64:
    case T::UInt64:
      return 4;
    default:
      return 0;
    }
  };
  if (from == to) return true;
  if (from == T::Float && to == T::Double) return true;
  bool fromSigned = false, toSigned = false;
  int f = rank(from, fromSigned), t = rank(to, toSigned);
  if (!f || !t) return false;
  if (fromSigned == toSigned) return f < t;
  return !fromSigned && toSigned && f < t; // uint16 fits int32; no signed type fits unsigned
}

SchemaDiff diffSchemas(const ir::Schema& before, const ir::Schema& after, bool allowDataLoss) {
  SchemaDiff out;
  std::map<std::string, const ir::Model*> old;
  for (const ir::Model& m : before.models)
    old[tableKey(m.schema, m.table)] = &m;
  // Tables the models say were renamed: the snapshot's key -> the new one.
  std::map<std::string, std::string> tableRenames;
  for (const ir::Model& m : after.models) {
    std::string key = tableKey(m.schema, m.table);
    if (m.renamedFrom.empty() || old.count(key)) continue; // new, or renamed already
    std::string from = tableKey(m.schema, m.renamedFrom);
    bool stillThere = false;
    for (const ir::Model& other : after.models)
      stillThere = stillThere || tableKey(other.schema, other.table) == from;
    if (!old.count(from) || stillThere)
      out.findings.push_back(error("migration-bad-rename",
                                   "renamed_from=" + m.renamedFrom + " on table " +
                                       quoted(m.table) +
                                       " names no table in the last migration that the models "
                                       "no longer have",
                                   m.loc));
    else
      tableRenames[from] = key;
  }
  std::map<std::string, std::string> renamedTo; // new key -> old key
  for (const auto& [from, to] : tableRenames)
    renamedTo[to] = from;

  std::set<std::string> kept;
  for (const ir::Model* m : emit::creationOrder(after).models) {
    std::string key = tableKey(m->schema, m->table);
    if (auto r = renamedTo.find(key); r != renamedTo.end()) key = r->second;
    auto it = old.find(key);
    if (it == old.end()) {
      Step s;
      s.kind = Kind::CreateTable;
      s.model = m;
      out.steps.push_back(s);
      continue;
    }
    kept.insert(it->first);
    out.previous[m] = it->second;
    TableDiff(before, *it->second, after, *m, tableRenames, allowDataLoss, out).run();
  }
  auto dropped = [&](const std::string& what, sql::TableName table) {
    out.atStake.push_back({out.findings.size(), std::move(table), ""});
    out.findings.push_back(finding(
        allowDataLoss ? Severity::Warning : Severity::Error, "migration-drops-table",
        allowDataLoss ? "the migration drops " + what + " and the rows in it (--allow-data-loss)"
                      : what + " is in the last migration but nothing in the models makes it; "
                               "ormc does not drop a table and the rows in it unless asked to "
                               "(--allow-data-loss)",
        {}));
  };
  std::vector<Step> drops; // join tables, then models in reverse creation order
  std::vector<const ir::Model*> beforeOrder = emit::creationOrder(before).models;
  for (auto it = beforeOrder.rbegin(); it != beforeOrder.rend(); ++it)
    if (!kept.count(tableKey((*it)->schema, (*it)->table))) {
      dropped("table " + quoted((*it)->table) + " (" + (*it)->qualifiedName + ")",
              emit::tableName(**it));
      Step s;
      s.kind = Kind::DropTable;
      s.model = *it;
      drops.push_back(s);
    }
  auto oldJoins = joinTables(before);
  auto newJoins = joinTables(after);
  for (const auto& [key, entry] : newJoins)
    if (!oldJoins.count(key)) {
      Step s;
      s.kind = Kind::CreateJoinTable;
      s.model = entry.first;
      s.relation = entry.second;
      out.steps.push_back(s);
    }
  for (const auto& [key, entry] : oldJoins)
    if (!newJoins.count(key)) {
      dropped("join table " + quoted(entry.second->table),
              {entry.first->schema, entry.second->table});
      Step s;
      s.kind = Kind::DropTable;
      s.model = entry.first;
      s.relation = entry.second;
      drops.insert(drops.begin(), s);
    }
  if (allowDataLoss) out.steps.insert(out.steps.end(), drops.begin(), drops.end());
  return out;
}

} // namespace ormc::migrate
