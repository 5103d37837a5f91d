// A Makefile-syntax depfile, as `clang -MD` writes and Ninja and Make read, so that a build
// reruns ormc when anything its inputs include changes, and for nothing else.
#pragma once

#include <set>
#include <string>

namespace ormc::driver {

/// `target: dep dep ...`, one dependency per line, with spaces, '#' and '$' escaped.
std::string makeDepFile(const std::string& target, const std::set<std::string>& dependencies);

} // namespace ormc::driver
