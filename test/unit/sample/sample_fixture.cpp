#include "sample_fixture.hpp"

#include <fstream>
#include <sstream>

namespace sample {
namespace {
std::string file_text(const std::string& name) {
  std::ifstream in(std::string(ORMC_SAMPLE_DIR) + "/" + name);
  if (!in) throw std::runtime_error("cannot read sample file " + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The sample's tables, parents first.
template <class... Models> std::vector<const ormc::ModelStatements*> statements(ormc::Dialect d) {
  return {&ormc::ModelTraits<Models>::statements(d)...};
}
} // namespace

void SampleTest::SetUp() {
  scratch = std::make_unique<unit::ScratchDatabase>(GetParam());
  db = scratch->db.get();
  m = std::make_unique<music::Models>(*db);
}

void SampleTest::load_sample(ormc::Database& db, bool rows) {
  db.execute(file_text(db.dialect() == ormc::Dialect::postgresql ? "music.postgresql.sql"
                                                                 : "music.sqlite.sql"));
  if (rows) db.execute(file_text("music.data.sql"));
}

std::vector<std::string> SampleTest::dump(ormc::Database& db) {
  using namespace music;
  std::vector<std::string> rows;
  for (const ormc::ModelStatements* table :
       statements<Artist, Genre, Album, Track, Playlist, PlaylistTrack, Employee, Invoice,
                  InvoiceLine, Refund>(db.dialect())) {
    std::string sql;
    if (db.dialect() == ormc::Dialect::postgresql) {
      sql = "SELECT t::text FROM " + std::string(table->table) + " t ORDER BY " +
            std::string(table->key);
    } else {
      std::string row;
      for (const ormc::ColumnShape& c : table->shape) {
        std::string column = "\"" + std::string(c.name) + "\"";
        row += (row.empty() ? "" : " || '|' || ") + std::string("typeof(") + column +
               ") || ':' || quote(" + column + ")";
      }
      sql = "SELECT " + row + " FROM " + std::string(table->table) + " ORDER BY " +
            std::string(table->key);
    }
    db.with_connection([&](auto& conn) {
      auto statement = conn.prepare(sql);
      while (statement->step()) {
        std::string text;
        statement->read(0, text);
        rows.push_back(std::string(table->table_name) + " " + text);
      }
    });
  }
  return rows;
}

} // namespace sample
