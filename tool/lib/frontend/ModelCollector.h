// Finds the `ormc:`-annotated structs of one translation unit and describes them in the IR.
#pragma once

#include "diagnostics/Finding.h"
#include "ir/Schema.h"

#include <clang/AST/ASTContext.h>
#include <string>
#include <vector>

namespace clang {
class HeaderSearch;
}

namespace ormc::frontend {

struct CollectedModels {
  std::vector<ir::Model> models;
  Findings findings;
};

/// Walks the whole translation unit (namespaces, nested classes, included headers). Each model's
/// inputFile is the innermost of `inputFiles` (absolute paths) that includes it, else the main
/// file.
/// `headers`, when given, spells each model header's #include relative to the include paths.
CollectedModels collectModels(clang::ASTContext& ctx, const std::vector<std::string>& inputFiles,
                              clang::HeaderSearch* headers = nullptr);

} // namespace ormc::frontend
