#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ormc/sql/migration_files.hpp>

namespace ormc::sql {
namespace {
constexpr std::string_view kSumHeader = "ormc-sum 1";
constexpr std::string_view kOnlineSteps = "-- ormc:online-steps";
constexpr std::string_view kStep = "-- step ";

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

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
  constexpr std::string_view down = ".down";
  bool is_down = stem.size() > down.size() && stem.substr(stem.size() - down.size()) == down;
  if (is_down) stem.remove_suffix(down.size());
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
  out.down = is_down;
  if (out.version <= 0 || out.name.empty() || out.dialect.empty()) return std::nullopt;
  return out;
}

std::string migration_file_name(std::int64_t version, std::string_view name,
                                std::string_view dialect, bool down) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%04lld", static_cast<long long>(version));
  return std::string(digits) + "_" + std::string(name) + "." + std::string(dialect) +
         (down ? ".down.sql" : ".sql");
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

std::optional<MigrationScript> parse_migration_script(std::string_view text, std::string& error) {
  MigrationScript out;
  std::size_t marker = 0;
  while (marker < text.size() && !starts_with(text.substr(marker), kOnlineSteps)) {
    std::size_t end = text.find('\n', marker);
    marker = end == std::string_view::npos ? text.size() : end + 1;
  }
  out.in_transaction = std::string(text.substr(0, marker));
  std::string statement;
  std::size_t line_number = static_cast<std::size_t>(
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(marker), '\n'));
  std::string_view rest = text.substr(marker);
  bool first = true;
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    ++line_number;
    if (first) { // the marker line
      first = false;
      continue;
    }
    if (statement.empty() && starts_with(line, kStep)) {
      out.online_steps.emplace_back();
      continue;
    }
    if (statement.empty() && (starts_with(line, "--") || line.empty())) continue;
    if (out.online_steps.empty()) {
      error = "line " + std::to_string(line_number) + " comes before the first '-- step' line";
      return std::nullopt;
    }
    statement += std::string(line);
    if (!line.empty() && line.back() == ';') {
      statement.pop_back();
      out.online_steps.back().push_back(std::move(statement));
      statement.clear();
    } else {
      statement += "\n";
    }
  }
  if (!statement.empty()) {
    error = "the last online step's statement does not end with ';'";
    return std::nullopt;
  }
  return out;
}

std::string online_steps_text(const std::vector<std::vector<std::string>>& steps) {
  if (steps.empty()) return "";
  std::string out = std::string(kOnlineSteps) +
                    ": each step below runs after the statements above commit, outside a "
                    "transaction; migrate() records each step it finishes and resumes from the "
                    "first unfinished one\n";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    out += std::string(kStep) + std::to_string(i + 1) + "\n";
    for (const std::string& statement : steps[i])
      out += statement + ";\n";
  }
  return out;
}

} // namespace ormc::sql
