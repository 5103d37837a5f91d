// Checks a Mustache template before it is rendered: every tag closed, every section closed by
// its own name, every name one the data model has where it is used (templateDataShape()), no
// partials. Mustache itself renders a misspelt name as nothing and an unclosed section as an
// empty document; here each is a located error, so a template never writes a wrong file.
#pragma once

#include "diagnostics/Finding.h"

#include <string>
#include <string_view>

namespace ormc::emit {

/// The findings for the template `text`, read from `file` (used in their locations).
Findings checkTemplate(std::string_view text, const std::string& file);

} // namespace ormc::emit
