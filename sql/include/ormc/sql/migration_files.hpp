// The migration directory's format, which the tool writes and the runtime reads:
// `<version>_<name>.<dialect>.sql` files (version zero-padded to four digits) and `ormc.sum`,
// one checksum per file, so that a migration edited after it was written is detected.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ormc::sql {

struct MigrationFileName {
  std::int64_t version = 0;
  std::string name;
  std::string dialect; // a Renderer::name()
};

/// `0002_add_pages.sqlite.sql` → {2, "add_pages", "sqlite"}; nullopt for any other file name.
std::optional<MigrationFileName> parse_migration_file_name(std::string_view file);
std::string migration_file_name(std::int64_t version, std::string_view name,
                                std::string_view dialect);

/// `fnv1a64:<16 hex digits>` of the bytes: integrity against accidental edits, not tampering.
std::string migration_checksum(std::string_view contents);

/// ormc.sum's text: a header line, then `<file> <checksum>` per file, in file-name order.
std::string write_migration_sum(const std::map<std::string, std::string>& checksums);
/// The checksums in ormc.sum's text; nullopt (with `error` saying which line) if it is not one.
std::optional<std::map<std::string, std::string>> read_migration_sum(std::string_view text,
                                                                     std::string& error);

} // namespace ormc::sql
