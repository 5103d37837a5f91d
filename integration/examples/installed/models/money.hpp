// Not a model header itself, but included by one: editing it reruns ormc.
#pragma once
#include <cstdint>

namespace library {
using Cents = std::int64_t;
} // namespace library
