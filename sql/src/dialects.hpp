// The dialects' renderers, for renderers.cpp. Adding a dialect: a file beside sqlite.cpp that
// defines one here, an enumerator in dialect.hpp, and a line in renderers.cpp.
#pragma once

#include <ormc/sql/renderer.hpp>

namespace ormc::sql {

const Renderer& sqlite_renderer();
const Renderer& postgres_renderer();

} // namespace ormc::sql
