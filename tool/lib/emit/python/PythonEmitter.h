// The Python target: one dataclass per model and its SQL per dialect, over the data-access
// module ormc_data.py (sqlite3 or psycopg 3). A pure function of the IR, like every emitter.
#pragma once

#include "ir/Schema.h"

#include <map>
#include <string>

namespace ormc::emit {

/// The models module's file name: <schema>_models.py.
std::string pythonModelsFileName(const std::string& schemaName);

/// <schema>_models.py and ormc_data.py, by file name.
std::map<std::string, std::string> emitPython(const ir::Schema& schema,
                                              const std::string& schemaName);

/// The name a C++ identifier takes in Python: itself, or with a `_` after a Python keyword.
std::string pythonIdentifier(const std::string& name);

} // namespace ormc::emit
