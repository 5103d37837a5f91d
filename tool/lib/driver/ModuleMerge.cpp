#include "driver/ModuleMerge.h"

#include "ir/SchemaJson.h"
#include "validate/Linker.h"
#include "validate/Validator.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace ormc::driver {
namespace {

bool sameDefinition(const ir::Model& a, const ir::Model& b) {
  return ir::modelJson(a, ir::LocationPolicy::Omit) == ir::modelJson(b, ir::LocationPolicy::Omit);
}

Finding noteAt(const ir::SourceLoc& loc, std::string message) {
  Finding note;
  note.severity = Severity::Note;
  note.message = std::move(message);
  note.loc = loc;
  return note;
}

/// One attempt at merging the modules still in: the schema, its findings, and which module each
/// error is to be blamed on (none: it cannot be put down to one).
struct Round {
  ir::Schema schema;
  Findings findings;
  std::vector<std::set<std::size_t>> blame; // per finding: the modules it fails
  std::map<std::string, std::size_t> owner; // qualified name -> module that brought the model
  std::vector<std::vector<std::pair<std::string, std::string>>> shared, leftOut;
};

Round mergeRound(const std::vector<ModuleInput>& modules, const std::vector<bool>& in,
                 TableConflict onConflict) {
  Round r;
  r.shared.resize(modules.size());
  r.leftOut.resize(modules.size());
  std::map<std::string, const ir::Model*> byName;
  std::map<std::pair<std::string, std::string>, const ir::Model*> byTable;
  auto add = [&](Finding f, std::set<std::size_t> blamed) {
    r.findings.push_back(std::move(f));
    r.blame.push_back(std::move(blamed));
  };
  std::size_t total = 0;
  for (std::size_t i = 0; i < modules.size(); ++i)
    if (in[i]) total += modules[i].fragment->models.size();
  r.schema.models.reserve(total);
  for (std::size_t i = 0; i < modules.size(); ++i) {
    if (!in[i]) continue;
    const ir::Schema& fragment = *modules[i].fragment;
    for (const std::string& input : fragment.inputFiles)
      if (std::find(r.schema.inputFiles.begin(), r.schema.inputFiles.end(), input) ==
          r.schema.inputFiles.end())
        r.schema.inputFiles.push_back(input);
    for (const ir::Model& model : fragment.models) {
      if (auto same = byName.find(model.qualifiedName); same != byName.end()) {
        const std::string& first = modules[r.owner[model.qualifiedName]].name;
        if (sameDefinition(*same->second, model)) {
          r.shared[i].emplace_back(model.qualifiedName, first);
          continue;
        }
        Finding f;
        f.id = "conflicting-model";
        f.message = "'" + model.qualifiedName + "' of module '" + modules[i].name +
                    "' is defined differently in module '" + first +
                    "'; each table needs one definition";
        f.loc = model.loc;
        f.notes.push_back(
            noteAt(same->second->loc, "the definition of module '" + first + "' is here"));
        add(std::move(f), {i});
        continue;
      }
      if (auto clash = byTable.find({model.schema, model.table}); clash != byTable.end()) {
        const ir::Model& kept = *clash->second;
        const std::string& first = modules[r.owner[kept.qualifiedName]].name;
        Finding f;
        f.id = "table-conflict";
        f.loc = model.loc;
        if (onConflict == TableConflict::KeepFirst) {
          f.severity = Severity::Warning;
          f.message = "table '" + model.table + "' of '" + model.qualifiedName + "' (module '" +
                      modules[i].name + "') is left out: '" + kept.qualifiedName + "' of module '" +
                      first + "' defines it";
          r.leftOut[i].emplace_back(model.qualifiedName, first);
          add(std::move(f), {});
        } else {
          f.message = "table '" + model.table + "' is claimed by '" + kept.qualifiedName +
                      "' of module '" + first + "' and by '" + model.qualifiedName +
                      "' of module '" + modules[i].name +
                      "'; rename one, or keep the first with --on-table-conflict=keep-first";
          add(std::move(f), {i});
        }
        r.findings.back().notes.push_back(
            noteAt(kept.loc, "'" + kept.qualifiedName + "' of module '" + first + "' is here"));
        continue;
      }
      r.owner[model.qualifiedName] = i;
      r.schema.models.push_back(model); // reserved: the maps' pointers stay valid
      byName[model.qualifiedName] = &r.schema.models.back();
      byTable[{model.schema, model.table}] = &r.schema.models.back();
    }
  }
  if (hasErrors(r.findings)) return r;
  // The checks of one schema; an error is the failure of every module with a model in its file.
  std::map<std::string, std::set<std::size_t>> modulesOfFile;
  for (std::size_t i = 0; i < modules.size(); ++i)
    if (in[i])
      for (const ir::Model& m : modules[i].fragment->models)
        modulesOfFile[m.loc.file].insert(i);
  Findings checks = validate::linkSchema(r.schema);
  Findings more = validate::validateSchema(r.schema);
  checks.insert(checks.end(), more.begin(), more.end());
  for (Finding& f : checks) {
    std::set<std::size_t> blamed;
    if (f.severity == Severity::Error)
      if (auto it = modulesOfFile.find(f.loc.file); it != modulesOfFile.end()) blamed = it->second;
    add(std::move(f), std::move(blamed));
  }
  return r;
}

ContributedTable contributed(const ir::Model& m) {
  ContributedTable t{m.qualifiedName, m.schema, m.table, {}};
  for (const ir::Column& c : m.columns)
    t.columns.push_back(c.name);
  return t;
}
} // namespace

bool MergeResult::failed() const {
  return std::any_of(modules.begin(), modules.end(), [](const auto& m) { return m.failed; });
}

MergeResult mergeModules(const std::vector<ModuleInput>& modules, TableConflict onConflict,
                         bool keepGoing) {
  MergeResult result;
  std::vector<bool> in(modules.size());
  for (std::size_t i = 0; i < modules.size(); ++i) {
    result.modules.push_back({modules[i].name, false, {}, {}, {}, {}});
    in[i] = modules[i].fragment.has_value();
    if (in[i]) continue;
    result.modules[i].failed = true;
    result.modules[i].errors.push_back(modules[i].readError);
    Finding f;
    f.id = "unreadable-fragment";
    f.message = modules[i].readError;
    (keepGoing ? result.leftOut : result.findings).push_back(std::move(f));
  }
  if (!keepGoing && result.failed()) return result;
  while (true) {
    Round round = mergeRound(modules, in, onConflict);
    std::set<std::size_t> failing;
    bool unblamed = false;
    for (std::size_t k = 0; k < round.findings.size(); ++k) {
      if (round.findings[k].severity != Severity::Error) continue;
      if (round.blame[k].empty()) unblamed = true;
      failing.insert(round.blame[k].begin(), round.blame[k].end());
    }
    // Done: no errors; or errors that leaving modules out would not (or may not) cure.
    if (failing.empty() || unblamed || !keepGoing) {
      result.findings.insert(result.findings.end(), round.findings.begin(), round.findings.end());
      result.schema = std::move(round.schema);
      for (const ir::Model& m : result.schema.models)
        result.modules[round.owner.at(m.qualifiedName)].tables.push_back(contributed(m));
      for (std::size_t i = 0; i < modules.size(); ++i) {
        result.modules[i].shared = round.shared[i];
        result.modules[i].leftOut = round.leftOut[i];
      }
      return result;
    }
    // Those modules are left out, with the errors that did it; the rest are merged again.
    for (std::size_t k = 0; k < round.findings.size(); ++k) {
      const Finding& f = round.findings[k];
      if (f.severity != Severity::Error) continue;
      for (std::size_t i : round.blame[k])
        result.modules[i].errors.push_back(f.message);
      result.leftOut.push_back(f);
    }
    for (std::size_t i : failing) {
      in[i] = false;
      result.modules[i].failed = true;
    }
  }
}

std::string mergeSummaryJson(const MergeResult& result) {
  nlohmann::ordered_json modules = nlohmann::ordered_json::array();
  nlohmann::ordered_json failed = nlohmann::ordered_json::array();
  std::size_t tables = 0;
  for (const ModuleSummary& m : result.modules) {
    nlohmann::ordered_json entry;
    entry["module"] = m.name;
    entry["status"] = m.failed ? "failed" : "merged";
    entry["errors"] = m.errors;
    entry["tables"] = nlohmann::ordered_json::array();
    for (const ContributedTable& t : m.tables)
      entry["tables"].push_back(
          {{"model", t.model}, {"schema", t.schema}, {"table", t.table}, {"columns", t.columns}});
    entry["shared"] = nlohmann::ordered_json::array();
    for (const auto& [model, from] : m.shared)
      entry["shared"].push_back({{"model", model}, {"from", from}});
    entry["left_out"] = nlohmann::ordered_json::array();
    for (const auto& [model, kept] : m.leftOut)
      entry["left_out"].push_back({{"model", model}, {"kept_from", kept}});
    tables += m.tables.size();
    if (m.failed) failed.push_back(m.name);
    modules.push_back(std::move(entry));
  }
  nlohmann::ordered_json out;
  out["modules"] = std::move(modules);
  out["tables"] = tables;
  out["failed"] = std::move(failed);
  return out.dump(2) + "\n";
}

} // namespace ormc::driver
