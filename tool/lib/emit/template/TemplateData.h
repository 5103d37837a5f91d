// What a user template (--template file.mustache) sees: the IR as plain data for Mustache, with
// every field present in every element (empty, 0 or false when it does not apply), positions
// (first, last, number) for separators and field numbers, and one flag per type kind, since
// Mustache has no comparisons. Documented field by field in docs/templates.md.
#pragma once

#include "ir/Schema.h"

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace ormc::emit {

enum class TemplateField { Text, Number, Flag, List };

/// The data model's shape: each field by its path, "models[].columns[].name" for the field
/// `name` of each element of the list `columns` of each element of `models`; root fields have
/// no prefix ("schema_name"). The template check resolves names against it, so a template is
/// checked the same whatever models it is run on.
const std::map<std::string, TemplateField>& templateDataShape();

/// The data for `schema`, in that shape.
nlohmann::json templateData(const ir::Schema& schema, const std::string& schemaName);

} // namespace ormc::emit
