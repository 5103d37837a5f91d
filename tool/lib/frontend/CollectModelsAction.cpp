#include "frontend/CollectModelsAction.h"

#include "frontend/ModelCollector.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/Utils.h>
#include <clang/Lex/Preprocessor.h>

namespace ormc::frontend {
namespace {
using namespace clang;

class CollectModelsConsumer : public ASTConsumer {
public:
  CollectModelsConsumer(ModelSet& models, const std::vector<std::string>& inputFiles,
                        HeaderSearch& headers)
      : models_(models), inputFiles_(inputFiles), headers_(headers) {}
  void HandleTranslationUnit(ASTContext& ctx) override {
    models_.add(collectModels(ctx, inputFiles_, &headers_));
  }

private:
  ModelSet& models_;
  const std::vector<std::string>& inputFiles_;
  HeaderSearch& headers_;
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
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, llvm::StringRef) override {
    return std::make_unique<CollectModelsConsumer>(models_, inputFiles_,
                                                   ci.getPreprocessor().getHeaderSearchInfo());
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
          std::vector<std::string>& dependencies, llvm::raw_ostream* diagnostics)
      : models_(models), inputFiles_(inputFiles), dependencies_(dependencies),
        diagnostics_(diagnostics) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CollectModelsAction>(models_, inputFiles_, dependencies_);
  }

  /// FrontendActionFactory's own, except that clang's "N errors generated." goes where the
  /// diagnostics go, so that it follows them (ExecuteAction picks its stream up front).
  bool runInvocation(std::shared_ptr<CompilerInvocation> invocation, FileManager* files,
                     std::shared_ptr<PCHContainerOperations> pchOperations,
                     DiagnosticConsumer* consumer) override {
    CompilerInstance compiler(std::move(pchOperations));
    compiler.setInvocation(std::move(invocation));
    compiler.setFileManager(files);
    compiler.createDiagnostics(consumer, /*ShouldOwnClient=*/false);
    if (!compiler.hasDiagnostics()) return false;
    compiler.createSourceManager(*files);
    if (diagnostics_) compiler.setVerboseOutputStream(*diagnostics_);
    std::unique_ptr<FrontendAction> action = create();
    bool ok = compiler.ExecuteAction(*action);
    files->clearStatCache();
    return ok;
  }

private:
  ModelSet& models_;
  const std::vector<std::string>& inputFiles_;
  std::vector<std::string>& dependencies_;
  llvm::raw_ostream* diagnostics_;
};
} // namespace

std::unique_ptr<tooling::FrontendActionFactory>
collectModelsActionFactory(ModelSet& models, const std::vector<std::string>& inputFiles,
                           std::vector<std::string>& dependencies, llvm::raw_ostream* diagnostics) {
  return std::make_unique<Factory>(models, inputFiles, dependencies, diagnostics);
}

} // namespace ormc::frontend
