#include "frontend/ModelCollector.h"

#include "annotations/AnnotationSchema.h"
#include "frontend/Naming.h"
#include "frontend/SourceLocations.h"
#include "frontend/TypeMapper.h"

#include <algorithm>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <llvm/ADT/StringExtras.h>

namespace ormc::frontend {
namespace {
using namespace clang;
namespace an = ormc::annotations;

/// One well-formed `ormc:` annotation and where its text is.
struct ParsedAnnotation {
  an::Annotation annotation;
  an::Kind kind;
  const AnnotateAttr* attr;
};

class Collector : public RecursiveASTVisitor<Collector> {
public:
  Collector(ASTContext& ctx, const std::vector<std::string>& inputFiles)
      : ctx_(ctx), sm_(ctx.getSourceManager()), locations_(sm_), inputFiles_(inputFiles),
        mainFile_(locations_.absoluteFileName(sm_.getMainFileID())) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitDecl(Decl* decl) {
    if (!decl->hasAttrs() || isa<CXXRecordDecl>(decl) || isa<FieldDecl>(decl)) return true;
    auto parsed = parseAnnotations(*decl);
    if (!parsed.empty())
      warn("misplaced-annotation", decl->getLocation(),
           "'ormc:" + parsed.front().annotation.kind +
               "' has no effect here; ormc annotations apply to structs and their data members");
    return true;
  }

  bool VisitCXXRecordDecl(CXXRecordDecl* record) {
    if (!record->hasAttrs() || !record->isThisDeclarationADefinition()) return true;
    auto parsed = parseAnnotations(*record);
    const ParsedAnnotation* table = nullptr;
    for (const ParsedAnnotation& p : parsed) {
      if (p.kind == an::Kind::Table)
        table = &p;
      else
        error("misplaced-annotation", record->getLocation(),
              "'ormc:" + p.annotation.kind + "' applies to data members, not to a struct");
    }
    if (!table) return true;
    if (record->getDescribedClassTemplate() || record->isDependentContext() ||
        isa<ClassTemplateSpecializationDecl>(record)) {
      error("unsupported-table", record->getLocation(),
            "a class template cannot be a table; annotate a concrete struct");
      return true;
    }
    if (record->isUnion() || record->getName().empty()) {
      error("unsupported-table", record->getLocation(),
            "only named structs and classes can be tables");
      return true;
    }
    if (!isDefaultConstructible(*record)) {
      error("no-default-constructor", record->getLocation(),
            "table '" + record->getNameAsString() +
                "' needs a public default constructor: the generated code creates rows to read "
                "into");
      return true;
    }
    buildModel(*record, table->annotation);
    return true;
  }

  bool VisitFieldDecl(FieldDecl* field) {
    if (!field->hasAttrs()) return true;
    const auto* parent = dyn_cast<CXXRecordDecl>(field->getParent());
    if (parent && isTable(*parent)) return true; // handled with its table
    auto parsed = parseAnnotations(*field);
    if (!parsed.empty())
      warn("member-outside-table", field->getLocation(),
           "'ormc:" + parsed.front().annotation.kind + "' has no effect: '" +
               (parent ? parent->getNameAsString() : std::string("<record>")) +
               "' is not annotated with ormc:table");
    return true;
  }

  CollectedModels take() { return std::move(result_); }

private:
  static bool isDefaultConstructible(const CXXRecordDecl& record) {
    if (!record.hasDefaultConstructor()) return false;
    for (const CXXConstructorDecl* ctor : record.ctors())
      if (ctor->isDefaultConstructor() && (ctor->isDeleted() || ctor->getAccess() != AS_public))
        return false;
    return true;
  }

  static bool isTable(const Decl& decl) {
    for (const auto* attr : decl.specific_attrs<AnnotateAttr>()) {
      llvm::StringRef text = attr->getAnnotation();
      if (an::isOrmcAnnotation({text.data(), text.size()}) &&
          text.drop_front(an::kPrefix.size()).ltrim().take_while([](char c) {
            return llvm::isAlnum(c);
          }) == "table")
        return true;
    }
    return false;
  }

  /// Parses and checks every ormc annotation on `decl`, reporting the malformed ones.
  std::vector<ParsedAnnotation> parseAnnotations(const Decl& decl) {
    std::vector<ParsedAnnotation> out;
    for (const auto* attr : decl.specific_attrs<AnnotateAttr>()) {
      llvm::StringRef text = attr->getAnnotation();
      std::string_view view(text.data(), text.size());
      if (!an::isOrmcAnnotation(view)) continue;
      AnnotationText source(*attr, sm_, ctx_.getLangOpts());
      auto result = an::parseAnnotation(view);
      if (auto* syntax = std::get_if<an::SyntaxError>(&result)) {
        error("annotation-syntax", source.locate(syntax->offset), syntax->message);
        continue;
      }
      auto& annotation = std::get<an::Annotation>(result);
      auto problems = an::checkAnnotation(annotation);
      for (const an::Problem& p : problems) {
        Finding f = makeFinding(Severity::Error, p.id, source.locate(p.offset), p.message);
        unsigned length = source.sourceLength(p.offset, p.length);
        if (p.replacement && length != 0) f.fixIts.push_back({f.loc, length, *p.replacement});
        result_.findings.push_back(std::move(f));
      }
      if (!problems.empty()) continue;
      an::Kind kind = *an::kindOf(annotation);
      out.push_back({std::move(annotation), kind, attr});
    }
    return out;
  }

  void buildModel(const CXXRecordDecl& record, const an::Annotation& table) {
    ir::Model model;
    model.name = record.getNameAsString();
    model.qualifiedName = record.getQualifiedNameAsString();
    if (const auto* ns = dyn_cast<NamespaceDecl>(record.getEnclosingNamespaceContext()))
      model.cppNamespace = ns->getQualifiedNameAsString();
    model.table = textOr(table.find("name"), snakeCase(model.name));
    model.schema = textOr(table.find("schema"), "");
    model.comment = textOr(table.find("comment"), "");
    model.accessor = pluralize(snakeCase(model.name));
    model.loc = locations_.convert(record.getLocation());
    model.declaredIn = model.loc.file;
    model.inputFile = owningInput(record.getLocation());
    for (const CXXBaseSpecifier& base : record.bases()) {
      const CXXRecordDecl* baseDecl = base.getType()->getAsCXXRecordDecl();
      if (baseDecl && !baseDecl->field_empty())
        warn("base-fields-ignored", base.getBeginLoc(),
             "data members of base '" + baseDecl->getNameAsString() + "' are not columns of '" +
                 model.name + "'");
    }
    for (const FieldDecl* field : record.fields())
      if (auto column = buildColumn(*field)) model.columns.push_back(std::move(*column));
    result_.models.push_back(std::move(model));
  }

  std::optional<ir::Column> buildColumn(const FieldDecl& field) {
    if (field.isInvalidDecl()) return std::nullopt;
    auto parsed = parseAnnotations(field);
    const an::Annotation* column = nullptr;
    bool isId = false, ignored = false;
    for (const ParsedAnnotation& p : parsed) {
      switch (p.kind) {
      case an::Kind::Column:
        column = &p.annotation;
        break;
      case an::Kind::Id:
        isId = true;
        break;
      case an::Kind::Ignore:
        ignored = true;
        break;
      case an::Kind::Table:
        error("misplaced-annotation", field.getLocation(),
              "'ormc:table' applies to structs, not to data members");
        break;
      }
    }
    if (ignored) {
      if (isId || column)
        error("conflicting-annotations", field.getLocation(),
              "member '" + field.getNameAsString() + "' is both ignored and a column");
      return std::nullopt;
    }
    if (field.getName().empty()) {
      error("unsupported-member", field.getLocation(),
            "anonymous members cannot be columns; mark them ormc:ignore");
      return std::nullopt;
    }
    if (field.isBitField()) {
      error("unsupported-member", field.getLocation(),
            "bit-field '" + field.getNameAsString() + "' cannot be a column", ignoreFixIt(field));
      return std::nullopt;
    }
    if (field.getAccess() != AS_public) {
      error("unsupported-member", field.getLocation(),
            "column '" + field.getNameAsString() +
                "' must be public: the generated code reads and writes it");
      return std::nullopt;
    }
    auto mapped = mapType(field.getType(), ctx_);
    if (!mapped) {
      PrintingPolicy policy(ctx_.getLangOpts());
      error("unsupported-type", field.getLocation(),
            "unsupported type '" + field.getType().getAsString(policy) + "' for column '" +
                field.getNameAsString() + "'; supported: " + supportedTypesDescription() +
                " (or mark the member ormc:ignore)",
            ignoreFixIt(field));
      return std::nullopt;
    }
    ir::Column c;
    c.member = field.getNameAsString();
    c.name = textOr(column ? column->find("name") : nullptr, c.member);
    c.type = mapped->type;
    c.nullable = mapped->nullable;
    c.primaryKey = isId;
    c.autoIncrement = isId && ir::isInteger(c.type.kind) && c.type.enumType.empty();
    c.loc = locations_.convert(field.getLocation());
    if (column) {
      c.unique = an::flagValue(column->find("unique"));
      c.indexed = an::flagValue(column->find("index"));
      if (const an::Argument* max = column->find("max_length"))
        c.maxLength = std::stoll(max->value.text);
      if (const an::Argument* def = column->find("default")) c.defaultValue = defaultValue(*def);
      c.comment = textOr(column->find("comment"), "");
    }
    return c;
  }

  static ir::DefaultValue defaultValue(const an::Argument& arg) {
    using K = an::Value::Kind;
    ir::DefaultValue d;
    d.text = arg.value.text;
    switch (arg.value.kind) {
    case K::Integer:
      d.kind = ir::DefaultValue::Kind::Integer;
      break;
    case K::Real:
      d.kind = ir::DefaultValue::Kind::Real;
      break;
    case K::String:
      d.kind = ir::DefaultValue::Kind::String;
      break;
    default:
      d.kind =
          arg.value.text == "null" ? ir::DefaultValue::Kind::Null : ir::DefaultValue::Kind::Bool;
      break;
    }
    return d;
  }

  static std::string textOr(const an::Argument* arg, std::string fallback) {
    return arg ? arg->value.text : std::move(fallback);
  }

  std::optional<FixIt> ignoreFixIt(const FieldDecl& field) const {
    SourceLocation begin = field.getBeginLoc();
    if (begin.isMacroID()) return std::nullopt;
    return FixIt{locations_.convert(begin), 0, "[[clang::annotate(\"ormc:ignore\")]] "};
  }

  /// The input whose generated header holds a model declared at `loc`: the innermost input on
  /// its include chain, so that a model in a helper header goes with the input that includes it.
  std::string owningInput(SourceLocation loc) const {
    FileID fid = sm_.getFileID(sm_.getExpansionLoc(loc));
    while (fid.isValid()) {
      std::string name = locations_.absoluteFileName(fid);
      if (std::find(inputFiles_.begin(), inputFiles_.end(), name) != inputFiles_.end()) return name;
      SourceLocation includedFrom = sm_.getIncludeLoc(fid);
      if (includedFrom.isInvalid()) break;
      fid = sm_.getFileID(includedFrom);
    }
    return mainFile_;
  }

  Finding makeFinding(Severity severity, std::string id, SourceLocation loc, std::string message) {
    Finding f;
    f.severity = severity;
    f.id = std::move(id);
    f.message = std::move(message);
    f.loc = locations_.convert(loc);
    return f;
  }

  void error(std::string id, SourceLocation loc, std::string message,
             std::optional<FixIt> fixIt = std::nullopt) {
    Finding f = makeFinding(Severity::Error, std::move(id), loc, std::move(message));
    if (fixIt) f.fixIts.push_back(std::move(*fixIt));
    result_.findings.push_back(std::move(f));
  }

  void warn(std::string id, SourceLocation loc, std::string message) {
    result_.findings.push_back(
        makeFinding(Severity::Warning, std::move(id), loc, std::move(message)));
  }

  ASTContext& ctx_;
  const SourceManager& sm_;
  LocationConverter locations_;
  const std::vector<std::string>& inputFiles_;
  std::string mainFile_;
  CollectedModels result_;
};
} // namespace

CollectedModels collectModels(ASTContext& ctx, const std::vector<std::string>& inputFiles) {
  Collector collector(ctx, inputFiles);
  collector.TraverseDecl(ctx.getTranslationUnitDecl());
  return collector.take();
}

} // namespace ormc::frontend
