// Turns clang source locations into IR locations, and offsets inside an annotation's string
// literal into the exact source column, so diagnostics can point at a misspelled key.
#pragma once

#include "ir/Schema.h"

#include <clang/AST/Attr.h>
#include <clang/Basic/SourceManager.h>
#include <map>
#include <vector>

namespace ormc::frontend {

/// Converts locations of one translation unit; file names become absolute, normalized paths.
class LocationConverter {
public:
  explicit LocationConverter(const clang::SourceManager& sm) : sm_(sm) {}

  ir::SourceLoc convert(clang::SourceLocation loc) const;
  std::string absoluteFileName(clang::FileID fid) const;

private:
  const clang::SourceManager& sm_;
  mutable std::map<clang::FileID, std::string> names_;
};

/// The source text of one annotate attribute's string literal.
class AnnotationText {
public:
  AnnotationText(const clang::AnnotateAttr& attr, const clang::SourceManager& sm,
                 const clang::LangOptions& langOpts);

  /// Source location of the byte at `offset` of the annotation text. Inside a macro expansion,
  /// where the text is not written in the file, this is the macro's expansion point.
  clang::SourceLocation locate(std::size_t offset) const;

  /// Number of source bytes spelling annotation bytes [offset, offset + length), or 0 if unknown.
  unsigned sourceLength(std::size_t offset, std::size_t length) const;

private:
  clang::SourceLocation contentStart_; // first byte after the opening quote
  clang::SourceLocation fallback_;
  std::vector<unsigned> rawOffsets_; // annotation byte → offset from contentStart_
};

} // namespace ormc::frontend
