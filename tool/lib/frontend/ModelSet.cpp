#include "frontend/ModelSet.h"

#include <algorithm>
#include <tuple>

namespace ormc::frontend {

ModelSet::ModelSet(std::vector<std::string> inputFiles) : inputFiles_(std::move(inputFiles)) {}

void ModelSet::add(CollectedModels collected) {
  for (ir::Model& model : collected.models) {
    // A model belongs to the input that declares it, else to the first input that includes it.
    bool declaredInInput =
        std::find(inputFiles_.begin(), inputFiles_.end(), model.declaredIn) != inputFiles_.end();
    if (declaredInInput) model.inputFile = model.declaredIn;
    models_.try_emplace(model.qualifiedName, std::move(model));
  }
  for (Finding& f : collected.findings) {
    std::string key = f.loc.file + ':' + std::to_string(f.loc.line) + ':' +
                      std::to_string(f.loc.column) + ':' + f.message;
    if (findingKeys_.insert(key).second) findings_.push_back(std::move(f));
  }
}

ir::Schema ModelSet::schema() const {
  ir::Schema schema;
  schema.inputFiles = inputFiles_;
  for (const auto& entry : models_)
    schema.models.push_back(entry.second);
  auto inputIndex = [&](const std::string& file) {
    return std::find(inputFiles_.begin(), inputFiles_.end(), file) - inputFiles_.begin();
  };
  std::stable_sort(
      schema.models.begin(), schema.models.end(), [&](const ir::Model& a, const ir::Model& b) {
        return std::make_tuple(inputIndex(a.inputFile), a.loc.file, a.loc.line, a.loc.column) <
               std::make_tuple(inputIndex(b.inputFile), b.loc.file, b.loc.line, b.loc.column);
      });
  return schema;
}

Findings ModelSet::findings() const {
  Findings sorted = findings_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.column) <
           std::tie(b.loc.file, b.loc.line, b.loc.column);
  });
  return sorted;
}

} // namespace ormc::frontend
