// The clang FrontendAction that runs the model collector on each translation unit.
#pragma once

#include "frontend/ModelSet.h"

#include <clang/Tooling/Tooling.h>
#include <memory>

namespace ormc::frontend {

/// Creates one action per translation unit; each adds what it finds to `models`.
std::unique_ptr<clang::tooling::FrontendActionFactory> collectModelsActionFactory(ModelSet& models);

} // namespace ormc::frontend
