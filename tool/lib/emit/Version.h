#pragma once

namespace ormc::emit {
/// Written into every generated file's first line.
inline constexpr const char* kOrmcVersion = "0.1.0";
} // namespace ormc::emit
