// Finds the `ormc:`-annotated structs of one translation unit and describes them in the IR.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

#include <clang/AST/ASTContext.h>
#include <vector>

namespace ormc::frontend {

struct CollectedModels {
  std::vector<ir::Model> models; // inputFile is set to the translation unit's main file
  Findings findings;
};

/// Walks the whole translation unit (namespaces, nested classes, included headers).
CollectedModels collectModels(clang::ASTContext& ctx);

} // namespace ormc::frontend
