// PostgreSQL's text forms of the values ormc stores. Statements use the text protocol, so each
// value is written and parsed here; the session runs with TimeZone=UTC and ISO dates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::postgres::text {

void format_int64(std::int64_t value, std::string& out);
/// Shortest text that reads back as the same double; Infinity, -Infinity and NaN by name.
void format_double(double value, std::string& out);
/// `\x` followed by two hex digits per byte (bytea's hex format).
void format_bytea(const std::byte* data, std::size_t size, std::string& out);
/// `YYYY-MM-DD HH:MM:SS.ffffff+00` (`+00` only `with_zone`), with ` BC` for years before 1.
void format_timestamp(std::int64_t microseconds_since_epoch, std::string& out,
                      bool with_zone = true);
/// `YYYY-MM-DD`, with ` BC` for years before 1.
void format_date(std::int64_t days_since_epoch, std::string& out);
/// A vector's floats (little-endian, 4 bytes each): `{1.5,-2}` for REAL[], `[1.5,-2]` for
/// pgvector's vector, each the shortest text that reads back as the same float.
void format_vector(const std::byte* floats, std::size_t size, bool pgvector, std::string& out);

/// Each parser throws DataError when the text is not the form it reads.
std::int64_t parse_int64(std::string_view text);
double parse_double(std::string_view text);
bool parse_bool(std::string_view text);
void parse_bytea(std::string_view text, std::vector<std::byte>& out);
/// A timestamp with time zone reads with its offset; one without, as UTC.
std::int64_t parse_timestamp(std::string_view text, bool with_zone = true);
std::int64_t parse_date(std::string_view text);
/// A one-dimensional REAL[] (`{...}`) or a pgvector (`[...]`) of numbers, none NULL.
void parse_vector(std::string_view text, std::vector<float>& out);

} // namespace ormc::postgres::text
