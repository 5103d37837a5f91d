#pragma once

#include <cstddef>
#include <ormc/postgres/connection.hpp>
#include <string>

namespace ormc::postgres {

/// Reads a query's rows through a server-side cursor, a page at a time, so that iterating
/// any number of rows holds one page in memory. Outside a transaction the cursor is WITH HOLD:
/// the server keeps the result, and the loop body runs in autocommit as it would without a
/// cursor. Inside a transaction it is a plain cursor of that transaction.
class Cursor {
public:
  static constexpr std::size_t page_size = 1000;

  /// `bind` fills the query's parameters into the DECLARE statement.
  template <class Bind>
  Cursor(Connection& connection, const std::string& select, bool in_transaction, Bind&& bind)
      : connection_(connection), name_("ormc_cursor_" + std::to_string(next_id())),
        declare_(connection, "",
                 "DECLARE " + name_ + " NO SCROLL CURSOR" + (in_transaction ? "" : " WITH HOLD") +
                     " FOR " + select),
        fetch_(connection, "", "FETCH FORWARD " + std::to_string(page_size) + " FROM " + name_) {
    declare_.bind_row_tenant();
    int index = 1;
    bind(declare_, index);
    declare_.execute();
    declare_.finish_use();
    open_ = true;
  }

  ~Cursor() {
    fetch_.finish_use();
    if (!open_) return;
    try {
      connection_.execute("CLOSE " + name_);
    } catch (...) {
      // The connection is gone, and the cursor with it.
    }
  }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  /// Reads the next row into `row` with `read` (a model's generated reading); false after the
  /// last.
  bool next(void (*read)(Statement& s, void* row), void* row) {
    while (!fetch_.step()) {                              // runs a FETCH when none is read
      if (fetch_.result_rows() < page_size) return false; // a short page was the last
      fetch_.finish_use();
    }
    read(fetch_, row);
    return true;
  }

private:
  static unsigned next_id() {
    static thread_local unsigned id = 0;
    return id++;
  }

  Connection& connection_;
  std::string name_;
  Statement declare_;
  Statement fetch_;
  bool open_ = false;
};

} // namespace ormc::postgres
