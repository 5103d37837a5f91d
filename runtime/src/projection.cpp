// The statement loop of every projection (Query::select, GroupedQuery::select, JoinQuery::select):
// one per backend, reading each column through the reader its type and storage share.
#include <cstddef>
#include <ormc/projection.hpp>
#include <vector>

namespace ormc::detail {
namespace {
template <class Statement> void read_each_row(Statement& statement, const ProjectionSink& sink) {
  const std::size_t n = sink.cells.size();
  // Each member's address is written for every row (the vector may have moved its elements);
  // the array of addresses is allocated once per statement, not per row.
  std::vector<void*> places(n);
  std::vector<void (*)(Statement&, int, void*)> readers;
  readers.reserve(n);
  for (const CellReader& cell : sink.cells)
    readers.push_back(cell.read_for(statement));
  while (statement.step()) {
    sink.append(sink.rows, places.data());
    for (std::size_t i = 0; i < n; ++i)
      readers[i](statement, static_cast<int>(i), places[i]);
  }
}
} // namespace

void read_rows(sqlite::Statement& statement, const ProjectionSink& sink) {
  read_each_row(statement, sink);
}
void read_rows(postgres::Statement& statement, const ProjectionSink& sink) {
  read_each_row(statement, sink);
}

} // namespace ormc::detail
