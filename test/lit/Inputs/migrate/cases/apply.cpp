// apply <database URL> <migrations directory>: ormc::migrate() as an application calls it,
// printing the version reached, or the error and exit status 1.
#include <iostream>
#include <ormc/database.hpp>
#include <ormc/migrate.hpp>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: apply <url> <dir>\n";
    return 2;
  }
  try {
    ormc::Database db(argv[1]);
    ormc::MigrationReport report = ormc::migrate(db, argv[2]);
    std::cout << "version " << report.version << "\n";
  } catch (const std::exception& e) {
    std::cout << "error: " << e.what() << "\n";
    return 1;
  }
}
