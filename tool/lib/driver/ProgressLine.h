// "[3/12] parsed orders.hpp" while long runs parse. On a terminal one line is rewritten in place
// and erased at the end; elsewhere ormc stays quiet unless --progress asks for a line per parse.
#pragma once

#include "driver/Pipeline.h"
#include "frontend/ParseJobs.h"

#include <cstddef>

namespace ormc::driver {

class ProgressLine {
public:
  ProgressLine(Options::Progress mode, std::size_t totalJobs);
  void update(std::size_t finished, std::size_t total, const frontend::ParseJob& job);
  /// Erases the line on a terminal, before diagnostics are printed.
  void finish();

private:
  bool enabled_ = false;
  bool inPlace_ = false;
  bool shown_ = false;
};

} // namespace ormc::driver
