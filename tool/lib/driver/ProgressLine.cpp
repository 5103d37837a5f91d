#include "driver/ProgressLine.h"

#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/raw_ostream.h>

namespace ormc::driver {

ProgressLine::ProgressLine(Options::Progress mode, std::size_t totalJobs) {
  bool terminal = llvm::sys::Process::StandardErrIsDisplayed();
  // One parse is over before a line would help; a build log would only fill with \r.
  enabled_ = mode == Options::Progress::Always ||
             (mode == Options::Progress::Auto && terminal && totalJobs > 1);
  inPlace_ = enabled_ && terminal;
}

void ProgressLine::update(std::size_t finished, std::size_t total, const frontend::ParseJob& job) {
  if (!enabled_) return;
  std::string what = llvm::sys::path::filename(job.inputs.front()).str();
  if (job.inputs.size() > 1) what += " and " + std::to_string(job.inputs.size() - 1) + " more";
  llvm::raw_ostream& err = llvm::errs();
  if (inPlace_) err << "\r\x1b[K";
  err << "ormc: [" << finished << "/" << total << "] parsed " << what;
  if (!inPlace_) err << "\n";
  err.flush();
  shown_ = true;
}

void ProgressLine::finish() {
  if (inPlace_ && shown_) llvm::errs() << "\r\x1b[K";
}

} // namespace ormc::driver
