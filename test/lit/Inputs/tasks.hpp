// The model from the README: raw annotation strings, as a newcomer writes them.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace app {

struct [[clang::annotate("ormc:table")]] Task {
  [[clang::annotate("ormc:id")]] std::int64_t id = 0;
  [[clang::annotate("ormc:column(max_length=200, index)")]] std::string title;
  std::optional<std::string> note;
  bool done = false;
  std::chrono::system_clock::time_point due{};
};

} // namespace app
