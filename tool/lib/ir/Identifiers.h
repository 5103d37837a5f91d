// Limits on SQL identifiers that hold for every dialect ormc writes, and the deterministic
// shortening of the names ormc makes up (fk_<table>_<column>, idx_..., uq_..., ck_...).
#pragma once

#include <cstddef>
#include <string>

namespace ormc::ir {

/// PostgreSQL keeps the first 63 bytes of a name and silently drops the rest, so two names that
/// differ later would be one; SQLite has no limit. ormc holds every name to 63 bytes.
inline constexpr std::size_t kMaxIdentifierBytes = 63;

/// `name` if it fits kMaxIdentifierBytes; else its first bytes, `_` and 8 hex digits of a hash
/// of the whole name, so that long made-up names stay distinct and the same on every run.
std::string generatedIdentifier(const std::string& name);

} // namespace ormc::ir
