#include "migrate/RowsAtStake.h"

#include <ormc/sql/renderer.hpp>

namespace ormc::migrate {

void noteRowsAtStake(SchemaDiff& diff, live::LiveDatabase& database) {
  const sql::Renderer& r = sql::renderer(database.dialect());
  for (const RowsAtStake& stake : diff.atStake) {
    std::string table = r.table_name(stake.table);
    // count(column) counts the rows holding a value in it: NULLs lose nothing.
    std::string sql = r.render(sql::Aggregate{
        "count", stake.column.empty() ? "*" : sql::identifier(stake.column), {"", table, {}, {}}});
    std::string error;
    std::optional<std::int64_t> rows;
    if (auto result = database.query(sql, {}, error)) {
      if (result->size() == 1 && result->front().size() == 1 && result->front()[0])
        rows = std::stoll(*result->front()[0]);
      else
        error = "no count returned";
    }
    Finding note;
    note.severity = Severity::Note;
    note.loc = diff.findings[stake.finding].loc;
    if (!rows)
      note.message = "could not count the rows at stake (--db): " + error;
    else if (stake.column.empty())
      note.message = "the database (--db) holds " + std::to_string(*rows) + " row" +
                     (*rows == 1 ? "" : "s") + " in " + table;
    else
      note.message = "the database (--db) holds " + std::to_string(*rows) + " value" +
                     (*rows == 1 ? "" : "s") + " in column " + sql::identifier(stake.column) +
                     " of " + table;
    diff.findings[stake.finding].notes.push_back(std::move(note));
  }
}

} // namespace ormc::migrate
