#include "diagnostics/DiagnosticReporter.h"

#include "compat/ClangCompat.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/LangOptions.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace ormc {
using namespace clang;

class DiagnosticReporter::Impl {
public:
  Impl(llvm::raw_ostream& out, bool showColors)
      : options_(new DiagnosticOptions()), printer_(new TextDiagnosticPrinter(out, options_.get())),
        engine_(new DiagnosticIDs(), options_, printer_, /*ShouldOwnClient=*/true),
        files_(FileSystemOptions()), sources_(engine_, files_) {
    options_->ShowColors = showColors;
    engine_.setSourceManager(&sources_);
    printer_->BeginSourceFile(langOptions_, nullptr);
    llvm::SmallString<256> cwd;
    if (!llvm::sys::fs::current_path(cwd)) cwd_ = cwd.str().str();
  }
  ~Impl() { printer_->EndSourceFile(); }

  void report(const Finding& f) {
    SourceLocation loc = locate(f.loc);
    DiagnosticBuilder builder =
        loc.isValid() ? engine_.Report(loc, idFor(f.severity)) : engine_.Report(idFor(f.severity));
    builder << (f.id.empty() ? f.message : f.message + " [" + f.id + "]");
    for (const FixIt& fix : f.fixIts) {
      SourceLocation at = locate(fix.loc);
      if (at.isInvalid()) continue;
      builder << (fix.length == 0 ? FixItHint::CreateInsertion(at, fix.replacement)
                                  : FixItHint::CreateReplacement(
                                        CharSourceRange::getCharRange(
                                            at, at.getLocWithOffset(static_cast<int>(fix.length))),
                                        fix.replacement));
    }
  }

private:
  unsigned idFor(Severity severity) {
    switch (severity) {
    case Severity::Error:
      return engine_.getCustomDiagID(DiagnosticsEngine::Error, "%0");
    case Severity::Warning:
      return engine_.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
    case Severity::Note:
      return engine_.getCustomDiagID(DiagnosticsEngine::Note, "%0");
    }
    return 0;
  }

  /// Files under the working directory are shown relative to it, as the compiler would.
  std::string displayName(const std::string& file) const {
    llvm::StringRef path(file);
    if (!cwd_.empty() && path.size() > cwd_.size() + 1 && path.substr(0, cwd_.size()) == cwd_ &&
        llvm::sys::path::is_separator(path[cwd_.size()]))
      return path.substr(cwd_.size() + 1).str();
    return file;
  }

  SourceLocation locate(const ir::SourceLoc& loc) {
    if (!loc.valid() || loc.file.empty()) return {};
    FileID fid = compat::fileIdFor(files_, sources_, displayName(loc.file));
    if (fid.isInvalid()) return {};
    return sources_.translateLineCol(fid, loc.line, loc.column);
  }

  IntrusiveRefCntPtr<DiagnosticOptions> options_;
  TextDiagnosticPrinter* printer_; // owned by engine_
  DiagnosticsEngine engine_;
  FileManager files_;
  SourceManager sources_;
  LangOptions langOptions_;
  std::string cwd_;
};

DiagnosticReporter::DiagnosticReporter(llvm::raw_ostream& out, bool showColors)
    : impl_(std::make_unique<Impl>(out, showColors)) {}
DiagnosticReporter::~DiagnosticReporter() = default;

void DiagnosticReporter::report(const Finding& finding) {
  if (finding.severity == Severity::Error) ++errors_;
  if (finding.severity == Severity::Warning) ++warnings_;
  impl_->report(finding);
  for (const Finding& note : finding.notes)
    impl_->report(note);
}

void DiagnosticReporter::reportError(const std::string& message) {
  Finding f;
  f.message = message;
  report(f);
}

} // namespace ormc
