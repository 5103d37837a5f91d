#include <cctype>
#include <cstdio>
#include <ormc/sql/migration_files.hpp>

namespace ormc::sql {
namespace {
constexpr std::string_view kSumHeader = "ormc-sum 1";

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}
} // namespace

std::optional<MigrationFileName> parse_migration_file_name(std::string_view file) {
  constexpr std::string_view suffix = ".sql";
  if (file.size() <= suffix.size() || file.substr(file.size() - suffix.size()) != suffix)
    return std::nullopt;
  std::string_view stem = file.substr(0, file.size() - suffix.size());
  std::size_t underscore = stem.find('_');
  std::size_t dot = stem.rfind('.');
  if (underscore == std::string_view::npos || dot == std::string_view::npos || dot < underscore)
    return std::nullopt;
  std::string_view digits = stem.substr(0, underscore);
  if (!all_digits(digits) || digits.size() > 12) return std::nullopt;
  MigrationFileName out;
  out.version = std::stoll(std::string(digits));
  out.name = std::string(stem.substr(underscore + 1, dot - underscore - 1));
  out.dialect = std::string(stem.substr(dot + 1));
  if (out.version <= 0 || out.name.empty() || out.dialect.empty()) return std::nullopt;
  return out;
}

std::string migration_file_name(std::int64_t version, std::string_view name,
                                std::string_view dialect) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%04lld", static_cast<long long>(version));
  return std::string(digits) + "_" + std::string(name) + "." + std::string(dialect) + ".sql";
}

std::string migration_checksum(std::string_view contents) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : contents) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return "fnv1a64:" + std::string(hex);
}

std::string write_migration_sum(const std::map<std::string, std::string>& checksums) {
  std::string out = std::string(kSumHeader) + "\n";
  for (const auto& [file, checksum] : checksums)
    out += file + " " + checksum + "\n";
  return out;
}

std::optional<std::map<std::string, std::string>> read_migration_sum(std::string_view text,
                                                                     std::string& error) {
  std::map<std::string, std::string> out;
  std::size_t line_number = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line_number == 1) {
      if (line != kSumHeader) {
        error = "line 1 is not '" + std::string(kSumHeader) + "'";
        return std::nullopt;
      }
      continue;
    }
    if (line.empty()) continue;
    std::size_t space = line.find(' ');
    if (space == std::string_view::npos || !parse_migration_file_name(line.substr(0, space)) ||
        line.substr(space + 1).rfind("fnv1a64:", 0) != 0) {
      error = "line " + std::to_string(line_number) + " is not '<migration file> fnv1a64:<hex>'";
      return std::nullopt;
    }
    out[std::string(line.substr(0, space))] = std::string(line.substr(space + 1));
  }
  if (line_number == 0) {
    error = "the file is empty";
    return std::nullopt;
  }
  return out;
}

} // namespace ormc::sql
