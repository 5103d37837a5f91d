// Applies the migrations in argv[2] to the database at argv[1], then uses version 2's models:
// the migrated database must be what create_schema() would have made (check_schema()).
#include "schema.ormc.hpp"

#include <cstdio>
#include <ormc/migrate.hpp>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  ormc::Database db(argv[1]);
  ormc::MigrationReport report = ormc::migrate(db, argv[2]);
  std::printf("applied %zu, now at version %lld\n", report.applied.size(),
              static_cast<long long>(report.version));
  library::Models m(db);
  m.check_schema();
  library::Book book{0, "Dune", 412, 5};
  m.books.insert(book);
  library::Order order{0, "ada"};
  m.orders.insert(order);
  auto back = m.books.get(book.id);
  std::printf("book %s pages %d rating %d, books %lld\n", back->title.c_str(), *back->pages,
              back->rating, static_cast<long long>(m.books.count()));
  return 0;
}
