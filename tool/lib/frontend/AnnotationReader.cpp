#include "frontend/AnnotationReader.h"

#include "compat/ClangCompat.h"

#include <clang/Lex/Lexer.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/ConvertUTF.h>

namespace ormc::frontend {
namespace an = ormc::annotations;
using namespace clang;

namespace {
/// The offset of the first NUL byte or invalid UTF-8 sequence in `text`, or npos.
std::size_t invalidTextOffset(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0) return i;
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return i;
    const auto* start = reinterpret_cast<const llvm::UTF8*>(text.data() + i);
    if (!llvm::isLegalUTF8Sequence(start, start + length)) return i;
    i += length;
  }
  return std::string_view::npos;
}
} // namespace

std::vector<ParsedAnnotation> AnnotationReader::parse(const Decl& decl) {
  std::vector<ParsedAnnotation> out;
  for (const auto* attr : decl.specific_attrs<AnnotateAttr>()) {
    llvm::StringRef text = attr->getAnnotation();
    std::string_view view(text.data(), text.size());
    if (!an::isOrmcAnnotation(view)) continue;
    AnnotationText source(*attr, sm_, ctx_.getLangOpts());
    // The text reaches SQL, C++ and schema.json: it must be valid UTF-8 without NUL bytes.
    if (std::size_t bad = invalidTextOffset(view); bad != std::string_view::npos) {
      error("annotation-syntax", source.locate(bad),
            view[bad] == '\0' ? "annotation text holds a NUL byte"
                              : "annotation text is not valid UTF-8");
      continue;
    }
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
      findings_.push_back(std::move(f));
    }
    if (!problems.empty()) continue;
    an::Kind kind = *an::kindOf(annotation);
    out.push_back({std::move(annotation), kind, attr});
  }
  return out;
}

SourceLocation AnnotationReader::locate(const ParsedAnnotation& p, std::size_t offset) const {
  return AnnotationText(*p.attr, sm_, ctx_.getLangOpts()).locate(offset);
}

std::optional<an::Annotation> AnnotationReader::find(const Decl& decl, an::Kind kind) {
  for (const auto* attr : decl.specific_attrs<AnnotateAttr>()) {
    llvm::StringRef text = attr->getAnnotation();
    std::string_view view(text.data(), text.size());
    if (!an::isOrmcAnnotation(view) || invalidTextOffset(view) != std::string_view::npos) continue;
    auto result = an::parseAnnotation(view);
    if (auto* a = std::get_if<an::Annotation>(&result))
      if (an::kindOf(*a) == kind && an::checkAnnotation(*a).empty()) return std::move(*a);
  }
  return std::nullopt;
}

bool AnnotationReader::has(const Decl& decl, an::Kind kind) {
  for (const auto* attr : decl.specific_attrs<AnnotateAttr>()) {
    llvm::StringRef text = attr->getAnnotation();
    if (!an::isOrmcAnnotation({text.data(), text.size()})) continue;
    auto result = an::parseAnnotation({text.data(), text.size()});
    if (const auto* a = std::get_if<an::Annotation>(&result))
      if (an::kindOf(*a) == kind) return true;
  }
  return false;
}

Finding AnnotationReader::makeFinding(Severity severity, std::string id, SourceLocation loc,
                                      std::string message) {
  Finding f;
  f.severity = severity;
  f.id = std::move(id);
  f.message = std::move(message);
  f.loc = locations_.convert(loc);
  // Declared by a macro's own text: the error points at the macro call, and a note at the line
  // of the macro's definition that declares it.
  if (loc.isMacroID() && !sm_.isMacroArgExpansion(loc)) {
    SourceLocation spelled = sm_.getSpellingLoc(loc);
    llvm::StringRef macro = clang::Lexer::getImmediateMacroName(loc, sm_, ctx_.getLangOpts());
    Finding note;
    note.severity = Severity::Note;
    note.message = "declared in the expansion of macro '" + macro.str() + "'";
    note.loc = locations_.convert(spelled);
    // ormc's own ORMC_* macros only spell annotations: a note inside them would be noise.
    if (note.loc.valid() && !compat::startsWith(macro, "ORMC_") &&
        !(note.loc.file == f.loc.file && note.loc.line == f.loc.line))
      f.notes.push_back(std::move(note));
  }
  return f;
}

void AnnotationReader::error(std::string id, SourceLocation loc, std::string message,
                             std::optional<FixIt> fixIt) {
  Finding f = makeFinding(Severity::Error, std::move(id), loc, std::move(message));
  if (fixIt) f.fixIts.push_back(std::move(*fixIt));
  findings_.push_back(std::move(f));
}

void AnnotationReader::warn(std::string id, SourceLocation loc, std::string message) {
  findings_.push_back(makeFinding(Severity::Warning, std::move(id), loc, std::move(message)));
}

} // namespace ormc::frontend
