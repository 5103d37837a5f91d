// --embed-migrations: a migrations directory compiled into the program, for
// ormc::migrate(db, <namespace>::migrations()). The files are embedded byte for byte, so their
// checksums in the embedded ormc.sum still hold.
#pragma once

#include <map>
#include <string>

namespace ormc::emit {

/// `<stem>.hpp` and `<stem>.cpp` (by file name) declaring and defining
/// `std::span<const ormc::MigrationFile> migrations()` over `files` (the directory's ormc.sum
/// and migration files, by name) in the namespace `opening` reopens ("" for the global one).
std::map<std::string, std::string>
embeddedMigrations(const std::map<std::string, std::string>& files, const std::string& stem,
                   const std::string& opening);

} // namespace ormc::emit
