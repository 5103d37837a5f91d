// Merges the models of many translation units (or IR fragments) into one schema: each struct
// once, however many translation units include its header, in an order that does not depend on
// the parse order. A struct defined differently in two places is reported, not silently picked.
#pragma once

#include "diagnostics/Finding.h"
#include "frontend/ModelCollector.h"
#include "ir/Schema.h"

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace ormc::frontend {

class ModelSet {
public:
  /// `inputFiles` are absolute paths, in the order the user gave them.
  explicit ModelSet(std::vector<std::string> inputFiles);

  /// Thread-safe: parse jobs running in parallel add their results as they finish.
  void add(CollectedModels collected);

  /// The merged schema; findings from all translation units, each once, in source order.
  ir::Schema schema() const;
  Findings findings() const;

private:
  std::size_t inputIndex(const std::string& file) const;
  void addFinding(Finding finding);

  mutable std::mutex mutex_;
  std::vector<std::string> inputFiles_;
  std::map<std::string, ir::Model> models_; // by qualified name
  std::vector<Finding> findings_;
  std::set<std::string> findingKeys_;
};

} // namespace ormc::frontend
