// COPY ... FROM STDIN for insert_all: the rows as COPY's text format, streamed to the server in
// one statement. libpqxx 6.4's tablewriter is the one public way to send raw COPY lines there
// (stream_to keeps write_raw_line private); it is deprecated in favour of stream_to, hence the
// pragma, in this file only.
#include "postgres/impl.hpp"

#include <ormc/error.hpp>
#include <ormc/sql/renderer.hpp>
#include <pqxx/except>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <pqxx/tablewriter>

namespace ormc::postgres {

namespace {
/// Appends `value` in COPY's text format: backslash, tab, newline and carriage return escaped.
void append_escaped(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
    case '\\':
      out += "\\\\";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      out += c;
    }
  }
}
} // namespace

void Statement::append_copy_line(std::string& out) const {
  for (std::size_t i = 0; i < values_.size(); ++i) {
    if (i) out += '\t';
    if (present_[i])
      append_escaped(out, values_[i]);
    else
      out += "\\N";
  }
  out += '\n';
}

void Connection::copy_in(std::string_view table, std::span<const std::string_view> columns,
                         std::string_view lines, std::int64_t rows) {
  std::vector<std::string> names(columns.begin(), columns.end());
  // What hooks and errors report; tablewriter writes the same statement from the names.
  std::string sql =
      sql::renderer(Dialect::postgresql).render(sql::CopyIn{std::string(table), names});
  StatementUsage usage(*this);
  usage.check_usable(sql);
  ReportWhenDone report{usage, sql};
  try {
    translate_errors(*impl_, sql, [&] {
      pqxx::nontransaction& work = impl_->ensure();
      impl_->within_deadline([&] {
        return usage.measure([&] {
          // The names are quoted already; tablewriter puts them into its COPY as given.
          pqxx::tablewriter writer(work, std::string(table), names.begin(), names.end());
          // write_raw_line() ends each piece with a newline: pieces of whole lines, less the
          // last newline, of about 64 KiB each.
          constexpr std::size_t piece = 64 * 1024;
          std::size_t begin = 0;
          while (begin < lines.size()) {
            std::size_t end = lines.find('\n', std::min(lines.size() - 1, begin + piece));
            if (end == std::string_view::npos) end = lines.size() - 1;
            writer.write_raw_line(std::string(lines.substr(begin, end - begin)));
            begin = end + 1;
          }
          writer.complete();
          return 0;
        });
      });
    });
  } catch (...) {
    usage.mark_failed();
    throw;
  }
  usage.add_rows(rows);
}

} // namespace ormc::postgres

#pragma GCC diagnostic pop
