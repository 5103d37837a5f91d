// The migration directory's format, which the tool writes and the runtime reads:
// `<version>_<name>.<dialect>.sql` files (version zero-padded to four digits), the down
// migrations `<version>_<name>.<dialect>.down.sql` where ormc could write one, and `ormc.sum`,
// one checksum per file, so that a migration edited after it was written is detected.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::sql {

struct MigrationFileName {
  std::int64_t version = 0;
  std::string name;
  std::string dialect; // a Renderer::name()
  bool down = false;   // the down migration of `version`: `<version>_<name>.<dialect>.down.sql`
};

/// `0002_add_pages.sqlite.sql` → {2, "add_pages", "sqlite"}; `0002_add_pages.sqlite.down.sql`
/// the same with `down`; nullopt for any other file name.
std::optional<MigrationFileName> parse_migration_file_name(std::string_view file);
std::string migration_file_name(std::int64_t version, std::string_view name,
                                std::string_view dialect, bool down = false);

/// `fnv1a64:<16 hex digits>` of the bytes: integrity against accidental edits, not tampering.
std::string migration_checksum(std::string_view contents);

/// ormc.sum's text: a header line, then `<file> <checksum>` per file, in file-name order.
std::string write_migration_sum(const std::map<std::string, std::string>& checksums);
/// The checksums in ormc.sum's text; nullopt (with `error` saying which line) if it is not one.
std::optional<std::map<std::string, std::string>> read_migration_sum(std::string_view text,
                                                                     std::string& error);

/// A migration's text in its two parts. `in_transaction` runs as one script inside the
/// migration's transaction. `online_steps` follow a `-- ormc:online-steps` line; they change
/// tables in use without holding their locks for long (PostgreSQL: CREATE INDEX CONCURRENTLY,
/// VALIDATE CONSTRAINT), so they run after that transaction commits, outside any transaction,
/// one statement at a time. Each step starts at a `-- step N` line and is safe to run again from
/// its first statement; a statement ends at a line ending in `;`.
struct MigrationScript {
  std::string in_transaction;
  std::vector<std::vector<std::string>> online_steps;
};

/// The script of a migration's text; nullopt (with `error` saying which line) when its online
/// steps are not in the format above.
std::optional<MigrationScript> parse_migration_script(std::string_view text, std::string& error);
/// The text of `steps` in that format, `-- ormc:online-steps` line first ("" for no steps).
std::string online_steps_text(const std::vector<std::vector<std::string>>& steps);

} // namespace ormc::sql
