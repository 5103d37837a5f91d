#include "frontend/ModelSet.h"

#include "ir/SchemaJson.h"

#include <algorithm>
#include <tuple>

namespace ormc::frontend {
namespace {
bool sameDefinition(const ir::Model& a, const ir::Model& b) {
  return std::tie(a.loc.file, a.loc.line, a.loc.column) ==
             std::tie(b.loc.file, b.loc.line, b.loc.column) &&
         ir::modelJson(a, ir::LocationPolicy::Omit) == ir::modelJson(b, ir::LocationPolicy::Omit);
}

Finding conflict(const ir::Model& kept, const ir::Model& other) {
  Finding f;
  f.severity = Severity::Error;
  f.id = "conflicting-model";
  f.message = "'" + kept.qualifiedName +
              "' is defined differently in two translation units; each table needs one definition";
  f.loc = kept.loc;
  Finding note;
  note.severity = Severity::Note;
  note.message = "other definition of '" + other.qualifiedName + "' is here";
  note.loc = other.loc;
  f.notes.push_back(std::move(note));
  return f;
}
} // namespace

ModelSet::ModelSet(std::vector<std::string> inputFiles) : inputFiles_(std::move(inputFiles)) {}

std::size_t ModelSet::inputIndex(const std::string& file) const {
  return static_cast<std::size_t>(std::find(inputFiles_.begin(), inputFiles_.end(), file) -
                                  inputFiles_.begin());
}

void ModelSet::addFinding(Finding f) {
  std::string key = f.id + ':' + f.loc.file + ':' + std::to_string(f.loc.line) + ':' +
                    std::to_string(f.loc.column) + ':' + f.message;
  if (findingKeys_.insert(key).second) findings_.push_back(std::move(f));
}

void ModelSet::add(CollectedModels collected) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (ir::Model& model : collected.models) {
    auto [it, inserted] = models_.try_emplace(model.qualifiedName, model);
    if (inserted) continue;
    ir::Model& kept = it->second;
    if (!sameDefinition(kept, model)) {
      // Report from the earlier location, so the message does not depend on the parse order.
      bool modelFirst = std::tie(model.loc.file, model.loc.line, model.loc.column) <
                        std::tie(kept.loc.file, kept.loc.line, kept.loc.column);
      addFinding(modelFirst ? conflict(model, kept) : conflict(kept, model));
      continue;
    }
    // The same struct seen from several inputs goes with the first input the user named.
    if (inputIndex(model.inputFile) < inputIndex(kept.inputFile)) kept.inputFile = model.inputFile;
  }
  for (Finding& f : collected.findings)
    addFinding(std::move(f));
}

ir::Schema ModelSet::schema() const {
  std::lock_guard<std::mutex> lock(mutex_);
  ir::Schema schema;
  schema.inputFiles = inputFiles_;
  for (const auto& entry : models_)
    schema.models.push_back(entry.second);
  std::stable_sort(
      schema.models.begin(), schema.models.end(), [&](const ir::Model& a, const ir::Model& b) {
        return std::make_tuple(inputIndex(a.inputFile), a.loc.file, a.loc.line, a.loc.column) <
               std::make_tuple(inputIndex(b.inputFile), b.loc.file, b.loc.line, b.loc.column);
      });
  return schema;
}

Findings ModelSet::findings() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Findings sorted = findings_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.column, a.message) <
           std::tie(b.loc.file, b.loc.line, b.loc.column, b.message);
  });
  return sorted;
}

} // namespace ormc::frontend
