#include "frontend/CollectModelsAction.h"

#include "frontend/ModelCollector.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/Utils.h>

namespace ormc::frontend {
namespace {
using namespace clang;

class CollectModelsConsumer : public ASTConsumer {
public:
  CollectModelsConsumer(ModelSet& models, const std::vector<std::string>& inputFiles)
      : models_(models), inputFiles_(inputFiles) {}
  void HandleTranslationUnit(ASTContext& ctx) override {
    models_.add(collectModels(ctx, inputFiles_));
  }

private:
  ModelSet& models_;
  const std::vector<std::string>& inputFiles_;
};

/// Records system headers too: a model's column types may come from them.
class AllDependencies : public DependencyCollector {
  bool needSystemDependencies() override { return true; }
};

class CollectModelsAction : public ASTFrontendAction {
public:
  CollectModelsAction(ModelSet& models, const std::vector<std::string>& inputFiles,
                      std::vector<std::string>& dependencies)
      : models_(models), inputFiles_(inputFiles), dependencies_(dependencies) {}

protected:
  bool BeginInvocation(CompilerInstance& ci) override {
    // Models are declarations; function bodies only cost parse time.
    ci.getFrontendOpts().SkipFunctionBodies = true;
    // Attached before the preprocessor exists, which BeginSourceFile creates after this.
    collector_ = std::make_shared<AllDependencies>();
    ci.addDependencyCollector(collector_);
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance&, llvm::StringRef) override {
    return std::make_unique<CollectModelsConsumer>(models_, inputFiles_);
  }
  void EndSourceFileAction() override {
    for (const std::string& file : collector_->getDependencies())
      dependencies_.push_back(file);
  }

private:
  ModelSet& models_;
  const std::vector<std::string>& inputFiles_;
  std::vector<std::string>& dependencies_;
  std::shared_ptr<AllDependencies> collector_;
};

class Factory : public tooling::FrontendActionFactory {
public:
  Factory(ModelSet& models, const std::vector<std::string>& inputFiles,
          std::vector<std::string>& dependencies)
      : models_(models), inputFiles_(inputFiles), dependencies_(dependencies) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CollectModelsAction>(models_, inputFiles_, dependencies_);
  }

private:
  ModelSet& models_;
  const std::vector<std::string>& inputFiles_;
  std::vector<std::string>& dependencies_;
};
} // namespace

std::unique_ptr<tooling::FrontendActionFactory>
collectModelsActionFactory(ModelSet& models, const std::vector<std::string>& inputFiles,
                           std::vector<std::string>& dependencies) {
  return std::make_unique<Factory>(models, inputFiles, dependencies);
}

} // namespace ormc::frontend
