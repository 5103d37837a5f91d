#pragma once

#include <ormc/sql/dialect.hpp>

namespace ormc {

const char* to_string(Dialect dialect) noexcept;

} // namespace ormc
