#include "ir/Identifiers.h"

#include <cstdint>
#include <cstdio>

namespace ormc::ir {

std::string generatedIdentifier(const std::string& name) {
  if (name.size() <= kMaxIdentifierBytes) return name;
  std::uint32_t hash = 2166136261u; // FNV-1a: simple, stable across platforms and versions
  for (unsigned char c : name) {
    hash ^= c;
    hash *= 16777619u;
  }
  char suffix[10];
  std::snprintf(suffix, sizeof suffix, "_%08x", static_cast<unsigned>(hash));
  std::size_t keep = kMaxIdentifierBytes - 9;
  // Do not cut a UTF-8 sequence in half.
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80)
    --keep;
  return name.substr(0, keep) + suffix;
}

} // namespace ormc::ir
