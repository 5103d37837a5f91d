// Migrates one database through five versions (argv[2..6]: the migrations directory as ormc
// left it after each version), writing rows at each version with that version's columns and
// checking after each migration that every row written so far is intact. Then version 5's
// models read them all and check the schema.
#include "schema.ormc.hpp"

#include <cstdio>
#include <ormc/migrate.hpp>
#include <string>

namespace {
std::string text(ormc::Database& db, const std::string& sql) {
  return db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(sql);
    std::string out;
    while (statement->step()) {
      std::string value;
      statement->read(0, value);
      out += value + ";";
    }
    return out;
  });
}
} // namespace

int main(int argc, char** argv) {
  if (argc != 7) return 2;
  ormc::Database db(argv[1]);
  // The column holding each book's title: renamed at version 4.
  const char* title[] = {"", "title", "title", "title", "name", "name"};
  std::string expected;
  for (int version = 1; version <= 5; ++version) {
    ormc::MigrationReport report = ormc::migrate(db, argv[version + 1]);
    std::string id = std::to_string(version * 10);
    std::string t = "'book " + id + "'";
    std::string insert;
    switch (version) {
    case 1:
    case 3:
      insert = "INSERT INTO \"book\" (\"id\", \"title\") VALUES (" + id + ", " + t + ")";
      break;
    case 2:
      insert = "INSERT INTO \"book\" (\"id\", \"title\", \"pages\", \"notes\") VALUES (" + id +
               ", " + t + ", 200, 'n')";
      break;
    case 4:
      insert =
          "INSERT INTO \"book\" (\"id\", \"name\", \"pages\") VALUES (" + id + ", " + t + ", 300)";
      break;
    case 5:
      insert =
          "INSERT INTO \"book\" (\"id\", \"name\", \"rating\") VALUES (" + id + ", " + t + ", 5)";
      break;
    }
    db.execute(insert);
    expected += "book " + id + ";";
    std::string found =
        text(db, std::string("SELECT \"") + title[version] + "\" FROM \"book\" ORDER BY \"id\"");
    std::printf("version %lld (applied %zu): %s %s\n", static_cast<long long>(report.version),
                report.applied.size(), found == expected ? "every row intact" : "ROWS DIFFER",
                found.c_str());
    if (found != expected) return 1;
  }
  five::Models m(db);
  m.check_schema();
  for (const five::Book& b : m.books.all())
    std::printf("%lld %s pages=%d rating=%d\n", static_cast<long long>(b.id), b.name.c_str(),
                b.pages.value_or(-1), b.rating);
  return 0;
}
