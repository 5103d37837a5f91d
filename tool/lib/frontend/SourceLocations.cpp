#include "frontend/SourceLocations.h"

#include "compat/ClangCompat.h"

#include <clang/Basic/FileManager.h>
#include <clang/Lex/Lexer.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/Path.h>

namespace ormc::frontend {
using namespace clang;

std::string LocationConverter::absoluteFileName(FileID fid) const {
  auto it = names_.find(fid);
  if (it != names_.end()) return it->second;
  llvm::SmallString<256> path(compat::fileName(sm_, fid));
  if (!path.empty()) {
    sm_.getFileManager().makeAbsolutePath(path);
    llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
  }
  return names_[fid] = path.str().str();
}

ir::SourceLoc LocationConverter::convert(SourceLocation loc) const {
  ir::SourceLoc out;
  if (loc.isInvalid()) return out;
  // A declaration written in a macro's argument is shown where it was written, not at the
  // macro call; one the macro's own text declares, at the call.
  SourceLocation fileLoc = sm_.getFileLoc(loc);
  out.file = absoluteFileName(sm_.getFileID(fileLoc));
  out.line = sm_.getExpansionLineNumber(fileLoc);
  out.column = sm_.getExpansionColumnNumber(fileLoc);
  return out;
}

namespace {
/// Maps each byte of a string literal's value to its offset in the literal's spelling, which
/// differs wherever an escape sequence stands for one byte.
std::vector<unsigned> decodeOffsets(llvm::StringRef spelling, unsigned& contentOffset) {
  std::vector<unsigned> offsets;
  std::size_t quote = spelling.find('"');
  if (quote == llvm::StringRef::npos) return offsets;
  bool raw = quote > 0 && spelling[quote - 1] == 'R';
  if (raw) {
    std::size_t paren = spelling.find('(', quote);
    if (paren == llvm::StringRef::npos) return offsets;
    contentOffset = static_cast<unsigned>(paren + 1);
    std::size_t end = spelling.rfind(')');
    for (std::size_t i = paren + 1; i < end; ++i)
      offsets.push_back(static_cast<unsigned>(i - contentOffset));
    return offsets;
  }
  contentOffset = static_cast<unsigned>(quote + 1);
  for (std::size_t i = quote + 1; i + 1 < spelling.size();) {
    offsets.push_back(static_cast<unsigned>(i - contentOffset));
    if (spelling[i] != '\\') {
      ++i;
      continue;
    }
    ++i; // backslash
    if (i < spelling.size() && (spelling[i] == 'x' || (spelling[i] >= '0' && spelling[i] <= '7'))) {
      bool hex = spelling[i] == 'x';
      i += hex ? 1 : 0;
      while (i + 1 < spelling.size() &&
             (hex ? llvm::isHexDigit(spelling[i]) : (spelling[i] >= '0' && spelling[i] <= '7')))
        ++i;
    } else {
      ++i;
    }
  }
  return offsets;
}
} // namespace

AnnotationText::AnnotationText(const AnnotateAttr& attr, const SourceManager& sm,
                               const LangOptions& langOpts) {
  SourceLocation loc = attr.getLocation();
  fallback_ = sm.getExpansionLoc(loc);
  if (loc.isMacroID()) return;
  // The attribute's location is its name (`annotate`); the literal follows the '('.
  auto token = Lexer::findNextToken(loc, sm, langOpts);
  for (int i = 0; token && i < 3 && !token->is(tok::string_literal); ++i)
    token = Lexer::findNextToken(token->getLocation(), sm, langOpts);
  if (!token || !token->is(tok::string_literal) || token->getLocation().isMacroID()) return;
  bool invalid = false;
  const char* data = sm.getCharacterData(token->getLocation(), &invalid);
  if (invalid) return;
  unsigned contentOffset = 0;
  rawOffsets_ = decodeOffsets(llvm::StringRef(data, token->getLength()), contentOffset);
  contentStart_ = token->getLocation().getLocWithOffset(static_cast<int>(contentOffset));
}

SourceLocation AnnotationText::locate(std::size_t offset) const {
  if (contentStart_.isInvalid()) return fallback_;
  if (offset >= rawOffsets_.size())
    return rawOffsets_.empty() ? contentStart_
                               : contentStart_.getLocWithOffset(rawOffsets_.back() + 1);
  return contentStart_.getLocWithOffset(static_cast<int>(rawOffsets_[offset]));
}

unsigned AnnotationText::sourceLength(std::size_t offset, std::size_t length) const {
  if (contentStart_.isInvalid() || offset + length > rawOffsets_.size() || length == 0) return 0;
  std::size_t last = offset + length - 1;
  unsigned end = last + 1 < rawOffsets_.size() ? rawOffsets_[last + 1] : rawOffsets_[last] + 1;
  return end - rawOffsets_[offset];
}

} // namespace ormc::frontend
