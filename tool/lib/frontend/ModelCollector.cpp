#include "frontend/ModelCollector.h"

#include "frontend/AnnotationReader.h"
#include "frontend/ModelBuilder.h"

#include <algorithm>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Lex/HeaderSearch.h>
#include <llvm/Support/Path.h>
#include <set>

namespace ormc::frontend {
namespace {
using namespace clang;
namespace an = ormc::annotations;

class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(ASTContext& ctx, const std::vector<std::string>& inputFiles, HeaderSearch* headers)
      : sm_(ctx.getSourceManager()), reader_(ctx), builder_(reader_), headers_(headers),
        inputFiles_(inputFiles),
        mainFile_(reader_.locations().absoluteFileName(sm_.getMainFileID())) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitDecl(Decl* decl) {
    if (!decl->hasAttrs() || isa<CXXRecordDecl>(decl) || isa<FieldDecl>(decl)) return true;
    const auto* method = dyn_cast<CXXMethodDecl>(decl);
    if (!method)
      if (const auto* tmpl = dyn_cast<FunctionTemplateDecl>(decl))
        method = dyn_cast<CXXMethodDecl>(tmpl->getTemplatedDecl());
    if (method && isTableOrMixin(*method->getParent())) return true; // read with its struct
    auto parsed = reader_.parse(*decl);
    if (parsed.empty()) return true;
    // Read again, without reporting, by each table declared in this opening of the namespace.
    if (isa<NamespaceDecl>(decl) && parsed.front().kind == an::Kind::Schema) return true;
    if (method && parsed.front().kind == an::Kind::Hook)
      reader_.warn("member-outside-table", decl->getLocation(),
                   "'ormc:hook' has no effect: '" + method->getParent()->getNameAsString() +
                       "' is not annotated with ormc:table or ormc:mixin");
    else
      reader_.warn("misplaced-annotation", decl->getLocation(),
                   "'ormc:" + parsed.front().annotation.kind +
                       "' has no effect here; ormc annotations apply to structs, their data "
                       "members and member functions, and ormc:schema to namespaces");
    return true;
  }

  bool VisitCXXRecordDecl(CXXRecordDecl* record) {
    if (!record->hasAttrs() || !record->isThisDeclarationADefinition()) return true;
    auto parsed = reader_.parse(*record);
    const ParsedAnnotation* table = nullptr;
    bool mixin = false;
    for (const ParsedAnnotation& p : parsed) {
      if (p.kind == an::Kind::Table)
        table = &p;
      else if (p.kind == an::Kind::Mixin)
        mixin = true;
      else if (an::targetOf(p.kind) != an::Target::Struct)
        reader_.error("misplaced-annotation", record->getLocation(),
                      "'ormc:" + p.annotation.kind + "' applies to " +
                          (an::targetOf(p.kind) == an::Target::Member     ? "data members"
                           : an::targetOf(p.kind) == an::Target::Function ? "member functions"
                                                                          : "namespaces") +
                          ", not to a struct");
    }
    if (!table && !mixin) {
      for (const ParsedAnnotation& p : parsed)
        if (an::targetOf(p.kind) == an::Target::Struct)
          reader_.error("misplaced-annotation", record->getLocation(),
                        "'ormc:" + p.annotation.kind +
                            "' applies to a struct annotated with ormc:table");
      return true;
    }
    if (!supported(*record, table ? "tables" : "mixins")) return true;
    if (!table) {
      builder_.checkMixin(*record);
      return true;
    }
    if (record->hasAttr<PackedAttr>() || record->hasAttr<MaxFieldAlignmentAttr>()) {
      reader_.error("unsupported-table", record->getLocation(),
                    "a packed struct cannot be a table: the generated code binds its members by "
                    "reference, which a packed member cannot be");
      return true;
    }
    if (!isDefaultConstructible(*record)) {
      reader_.error("no-default-constructor", record->getLocation(),
                    "table '" + record->getNameAsString() +
                        "' needs a public default constructor: the generated code creates rows to "
                        "read into");
      return true;
    }
    ir::Model model = builder_.build(*record, *table);
    model.inputFile = owningInput(record->getLocation());
    reportModelsClash(*record);
    model.includeAs = includeSpelling(model.declaredIn);
    models_.push_back(std::move(model));
    return true;
  }

  bool VisitFieldDecl(FieldDecl* field) {
    if (!field->hasAttrs()) return true;
    const auto* parent = dyn_cast<CXXRecordDecl>(field->getParent());
    if (parent && isTableOrMixin(*parent)) return true; // handled with its struct
    auto parsed = reader_.parse(*field);
    if (!parsed.empty())
      reader_.warn("member-outside-table", field->getLocation(),
                   "'ormc:" + parsed.front().annotation.kind + "' has no effect: '" +
                       (parent ? parent->getNameAsString() : std::string("<record>")) +
                       "' is not annotated with ormc:table or ormc:mixin");
    return true;
  }

  CollectedModels take() { return {std::move(models_), reader_.takeFindings()}; }

private:
  bool supported(const CXXRecordDecl& record, const char* what) {
    if (record.getDescribedClassTemplate() || record.isDependentContext() ||
        isa<ClassTemplateSpecializationDecl>(record)) {
      reader_.error("unsupported-table", record.getLocation(),
                    std::string("a class template cannot be ") +
                        (what == std::string("tables") ? "a table" : "a mixin") +
                        "; annotate a concrete struct");
      return false;
    }
    if (record.isUnion() || record.getName().empty()) {
      reader_.error("unsupported-table", record.getLocation(),
                    std::string("only named structs and classes can be ") + what);
      return false;
    }
    return true;
  }

  /// `file` as an #include relative to the include paths (`app/models.hpp` for -I src), or ""
  /// when no include path holds it; never an absolute path, which would differ between machines.
  std::string includeSpelling(const std::string& file) const {
    if (!headers_) return "";
    std::string spelled = headers_->suggestPathToFileForDiagnostics(file, "", "");
    return llvm::sys::path::is_absolute(spelled) ? "" : spelled;
  }

  /// A declaration named `Models` beside a model would clash with the generated container.
  void reportModelsClash(const CXXRecordDecl& record) {
    const DeclContext* ns = record.getEnclosingNamespaceContext();
    for (const NamedDecl* found : ns->lookup(&record.getASTContext().Idents.get("Models"))) {
      if (!reportedClashes_.insert(found).second) continue;
      reader_.error("generated-name", found->getLocation(),
                    "'" + found->getQualifiedNameAsString() +
                        "' has the name of the generated Models container of the tables in this "
                        "namespace; rename it, or put the container elsewhere with --namespace");
    }
  }

  static bool isDefaultConstructible(const CXXRecordDecl& record) {
    if (!record.hasDefaultConstructor()) return false;
    for (const CXXConstructorDecl* ctor : record.ctors())
      if (ctor->isDefaultConstructor() && (ctor->isDeleted() || ctor->getAccess() != AS_public))
        return false;
    return true;
  }

  static bool isTableOrMixin(const Decl& decl) {
    return AnnotationReader::has(decl, an::Kind::Table) ||
           AnnotationReader::has(decl, an::Kind::Mixin);
  }

  /// The input whose generated header holds a model declared at `loc`: the innermost input on
  /// its include chain, so that a model in a helper header goes with the input that includes it.
  std::string owningInput(SourceLocation loc) const {
    FileID fid = sm_.getFileID(sm_.getExpansionLoc(loc));
    while (fid.isValid()) {
      std::string name = reader_.locations().absoluteFileName(fid);
      if (std::find(inputFiles_.begin(), inputFiles_.end(), name) != inputFiles_.end()) return name;
      SourceLocation includedFrom = sm_.getIncludeLoc(fid);
      if (includedFrom.isInvalid()) break;
      fid = sm_.getFileID(includedFrom);
    }
    return mainFile_;
  }

  const SourceManager& sm_;
  AnnotationReader reader_;
  ModelBuilder builder_;
  HeaderSearch* headers_;
  const std::vector<std::string>& inputFiles_;
  std::string mainFile_;
  std::vector<ir::Model> models_;
  std::set<const NamedDecl*> reportedClashes_;
};
} // namespace

CollectedModels collectModels(ASTContext& ctx, const std::vector<std::string>& inputFiles,
                              HeaderSearch* headers) {
  Collector collector(ctx, inputFiles, headers);
  collector.TraverseDecl(ctx.getTranslationUnitDecl());
  return collector.take();
}

} // namespace ormc::frontend
