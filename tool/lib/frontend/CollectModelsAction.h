// The clang FrontendAction that runs the model collector on each translation unit.
#pragma once

#include "frontend/ModelSet.h"

#include <clang/Tooling/Tooling.h>
#include <memory>
#include <string>
#include <vector>

namespace ormc::frontend {

/// Creates one action per translation unit; each adds what it finds to `models`, attributing
/// models to the innermost of `inputFiles` that includes them, and appends every file the parse
/// read (system headers included, as for -MD) to `dependencies`. clang's closing "N errors
/// generated." line goes to `diagnostics` when given, after the diagnostics it counts.
std::unique_ptr<clang::tooling::FrontendActionFactory>
collectModelsActionFactory(ModelSet& models, const std::vector<std::string>& inputFiles,
                           std::vector<std::string>& dependencies,
                           llvm::raw_ostream* diagnostics = nullptr);

} // namespace ormc::frontend
