// Reports findings through clang's own DiagnosticsEngine, so ormc's errors look exactly like the
// compiler's: file:line:col, the source line, a caret, fix-it hints and notes.
#pragma once

#include "diagnostics/Finding.h"

#include <llvm/Support/raw_ostream.h>
#include <memory>

namespace ormc {

class DiagnosticReporter {
public:
  DiagnosticReporter(llvm::raw_ostream& out, bool showColors);
  ~DiagnosticReporter();

  void report(const Finding& finding);
  /// Reports a problem that has no place in the source (bad option, unwritable file).
  void reportError(const std::string& message);

  unsigned errors() const { return errors_; }
  unsigned warnings() const { return warnings_; }

private:
  class Impl;
  std::unique_ptr<Impl> impl_;
  unsigned errors_ = 0;
  unsigned warnings_ = 0;
};

} // namespace ormc
