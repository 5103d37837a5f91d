#include "driver/DepFile.h"

namespace ormc::driver {
namespace {
std::string escape(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}
} // namespace

std::string makeDepFile(const std::string& target, const std::set<std::string>& dependencies) {
  std::string out = escape(target) + ":";
  for (const std::string& dependency : dependencies)
    out += " \\\n  " + escape(dependency);
  return out + "\n";
}

} // namespace ormc::driver
