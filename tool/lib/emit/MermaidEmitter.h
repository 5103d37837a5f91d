// The schema as a Mermaid ER diagram (`--emit=mermaid`), for docs and reviews.
#pragma once

#include "ir/Schema.h"

#include <string>

namespace ormc::emit {

std::string emitMermaid(const ir::Schema& schema);

} // namespace ormc::emit
