// The dialects' renderers, for renderers.cpp. Adding a dialect: a file beside sqlite.cpp that
// defines one here, an enumerator in dialect.hpp, and a line in renderers.cpp.
#pragma once

#include <ormc/sql/renderer.hpp>

namespace ormc::sql {

/// `NUMERIC(p, s)` or `decimal(p)` (any case) with p <= 18, what ormc::decimal holds: p and s.
bool decimal_digits(const std::string& type, int& precision, int& scale);

const Renderer& sqlite_renderer();
const Renderer& postgres_renderer();

} // namespace ormc::sql
