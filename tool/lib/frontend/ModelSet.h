// Merges the models of many translation units into one schema: each struct once, however many
// translation units include its header, in an order that does not depend on the parse order.
#pragma once

#include "diagnostics/Finding.h"
#include "frontend/ModelCollector.h"
#include "ir/Schema.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ormc::frontend {

class ModelSet {
public:
  /// `inputFiles` are absolute paths, in the order the user gave them.
  explicit ModelSet(std::vector<std::string> inputFiles);

  void add(CollectedModels collected);

  /// The merged schema; findings from all translation units, each once, in source order.
  ir::Schema schema() const;
  Findings findings() const;

private:
  std::vector<std::string> inputFiles_;
  std::map<std::string, ir::Model> models_; // by qualified name
  std::vector<Finding> findings_;
  std::set<std::string> findingKeys_;
};

} // namespace ormc::frontend
