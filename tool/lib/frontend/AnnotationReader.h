// Reads the `ormc:` annotations of declarations and reports problems with them through the
// findings of one translation unit. Shared by the visitor that finds tables and the builder
// that describes them.
#pragma once

#include "annotations/AnnotationSchema.h"
#include "diagnostics/Finding.h"
#include "frontend/SourceLocations.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <optional>
#include <string>
#include <vector>

namespace ormc::frontend {

/// One well-formed `ormc:` annotation and where its text is.
struct ParsedAnnotation {
  annotations::Annotation annotation;
  annotations::Kind kind;
  const clang::AnnotateAttr* attr;
};

class AnnotationReader {
public:
  explicit AnnotationReader(clang::ASTContext& ctx)
      : ctx_(ctx), sm_(ctx.getSourceManager()), locations_(sm_) {}

  /// Parses and checks every ormc annotation on `decl`, reporting the malformed ones.
  std::vector<ParsedAnnotation> parse(const clang::Decl& decl);

  /// The source location of `offset` in the annotation's text.
  clang::SourceLocation locate(const ParsedAnnotation& p, std::size_t offset) const;

  /// Whether `decl` carries an `ormc:<kind>` annotation (without reporting anything).
  static bool has(const clang::Decl& decl, annotations::Kind kind);
  /// `decl`'s well-formed `ormc:<kind>` annotation, without reporting anything (the visitor
  /// reported the malformed ones where they are).
  static std::optional<annotations::Annotation> find(const clang::Decl& decl,
                                                     annotations::Kind kind);

  void error(std::string id, clang::SourceLocation loc, std::string message,
             std::optional<FixIt> fixIt = std::nullopt);
  void warn(std::string id, clang::SourceLocation loc, std::string message);

  ir::SourceLoc convert(clang::SourceLocation loc) const { return locations_.convert(loc); }
  const LocationConverter& locations() const { return locations_; }
  clang::ASTContext& context() const { return ctx_; }
  Findings takeFindings() { return std::move(findings_); }

private:
  Finding makeFinding(Severity severity, std::string id, clang::SourceLocation loc,
                      std::string message);

  clang::ASTContext& ctx_;
  const clang::SourceManager& sm_;
  LocationConverter locations_;
  Findings findings_;
};

} // namespace ormc::frontend
