// Reads and writes the music sample through the structs `ormc import` wrote for it: the
// database must match them (check_schema), every row reads back, and every row with columns
// beside its key is written back unchanged (the lit test compares the tables before and after).
#include <cstdint>
#include <cstdio>
#include <ormc/ormc.hpp>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  ormc::Database db(argv[1]);
  music::Models m(db);
  m.check_schema();
  std::size_t rows = 0;
  auto write_back = [&](auto& table) {
    for (auto& row : table.all()) {
      table.update(row);
      ++rows;
    }
  };
  write_back(m.artists);
  write_back(m.genres);
  write_back(m.albums);
  write_back(m.tracks);
  write_back(m.playlists);
  write_back(m.employees);
  write_back(m.invoices);
  write_back(m.invoice_lines);
  write_back(m.refunds);
  rows += m.playlist_tracks.all().size(); // only key columns: nothing to write back
  auto line = m.invoice_lines.get({2, 1});
  auto invoice = m.invoices.get(2);
  if (!line || !invoice) return 1;
  // The composite foreign key ormc import wrote as ORMC_REFERENCES, followed both ways.
  auto refunds = m.invoice_lines.refunds(*line).all();
  std::int64_t refunded = 0;
  for (const auto& refund : refunds) {
    if (!m.refunds.invoice_line(refund)) return 1;
    refunded += refund.quantity;
  }
  std::printf("%zu rows; invoice 2 total %s, line (2, 1) %s x %d, refunded %d in %zu refunds\n",
              rows, invoice->total.to_string().c_str(), line->unit_price.to_string().c_str(),
              static_cast<int>(line->quantity), static_cast<int>(refunded), refunds.size());
  return 0;
}
