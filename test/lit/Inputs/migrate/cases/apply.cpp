// apply <database URL> <migrations directory> [<version>]: ormc::migrate() as an application
// calls it (with a version: ormc::migrate_down() to it), printing the version reached, or the
// error and exit status 1.
#include <iostream>
#include <ormc/database.hpp>
#include <ormc/migrate.hpp>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::cerr << "usage: apply <url> <dir> [<version>]\n";
    return 2;
  }
  try {
    ormc::Database db(argv[1]);
    ormc::MigrationReport report = argc == 4 ? ormc::migrate_down(db, argv[2], std::stoll(argv[3]))
                                             : ormc::migrate(db, argv[2]);
    std::cout << "version " << report.version << "\n";
  } catch (const std::exception& e) {
    std::cout << "error: " << e.what() << "\n";
    return 1;
  }
}
