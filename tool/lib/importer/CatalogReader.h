// Reads an existing database's catalog for `ormc import`, with the renderer's catalog queries
// (Renderer::catalog_tables() ...), through the tool's read-only live connection.
#pragma once

#include "importer/ImportedSchema.h"
#include "live/LiveDatabase.h"

#include <optional>

namespace ormc::importer {

/// Every table of `schema` ("" for the connection's current one; SQLite ignores it) with its
/// columns, indexes and foreign keys; nullopt with `error` set when the catalog cannot be read.
std::optional<ImportedSchema> readCatalog(live::LiveDatabase& database, const std::string& schema,
                                          std::string& error);

} // namespace ormc::importer
