// C++ qualified names as the IR holds them (`shop::Order`, `::shop::Priority` for enums).
#pragma once

#include <string>

namespace ormc::ir {

/// `app::Tag` → `Tag`.
inline std::string unqualifiedName(const std::string& qualified) {
  std::size_t colon = qualified.rfind("::");
  return colon == std::string::npos ? qualified : qualified.substr(colon + 2);
}

/// `::app::Priority` → `app::Priority`: the spelling for people and other languages.
inline std::string withoutGlobalScope(const std::string& qualified) {
  return qualified.rfind("::", 0) == 0 ? qualified.substr(2) : qualified;
}

} // namespace ormc::ir
