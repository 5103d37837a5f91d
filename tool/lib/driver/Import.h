// `ormc import --db URL`: an existing database's tables as one header of annotated structs.
#pragma once

#include <string>

namespace ormc::driver {

struct ImportOptions {
  std::string databaseUrl; // sqlite:<file> (opened read-only) or postgresql://...
  std::string schema;      // PostgreSQL schema; "" for the connection's current one
  std::string cppNamespace;
  std::string output;     // the header to write; "" for stdout
  bool overwrite = false; // replace an existing header that differs
};

/// Exit status: 0 written (what was left out is warned about on stderr), 1 on an error.
int runImport(const ImportOptions& options);

} // namespace ormc::driver
