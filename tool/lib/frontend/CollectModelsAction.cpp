#include "frontend/CollectModelsAction.h"

#include "frontend/ModelCollector.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>

namespace ormc::frontend {
namespace {
using namespace clang;

class CollectModelsConsumer : public ASTConsumer {
public:
  explicit CollectModelsConsumer(ModelSet& models) : models_(models) {}
  void HandleTranslationUnit(ASTContext& ctx) override { models_.add(collectModels(ctx)); }

private:
  ModelSet& models_;
};

class CollectModelsAction : public ASTFrontendAction {
public:
  explicit CollectModelsAction(ModelSet& models) : models_(models) {}

protected:
  bool BeginInvocation(CompilerInstance& ci) override {
    // Models are declarations; function bodies only cost parse time.
    ci.getFrontendOpts().SkipFunctionBodies = true;
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance&, llvm::StringRef) override {
    return std::make_unique<CollectModelsConsumer>(models_);
  }

private:
  ModelSet& models_;
};

class Factory : public tooling::FrontendActionFactory {
public:
  explicit Factory(ModelSet& models) : models_(models) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CollectModelsAction>(models_);
  }

private:
  ModelSet& models_;
};
} // namespace

std::unique_ptr<tooling::FrontendActionFactory> collectModelsActionFactory(ModelSet& models) {
  return std::make_unique<Factory>(models);
}

} // namespace ormc::frontend
