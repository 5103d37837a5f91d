#include <ormc/database.hpp>
#include <ormc/distribution.hpp>
#include <ormc/error.hpp>
#include <ormc/sql/renderer.hpp>

namespace ormc {

void require_distribution_engine(Database& db, std::string_view tables) {
  const std::string query = sql::renderer(db.dialect()).missing_distribution_functions();
  if (query.empty()) return;
  std::string missing;
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(query);
    std::string name;
    while (statement->step()) {
      statement->read(0, name);
      missing += (missing.empty() ? "" : ", ") + name + "()";
    }
  });
  if (missing.empty()) return;
  throw UsageError("the models distribute tables " + std::string(tables) +
                   " (ormc:table(distribute_by=...) or ormc:table(reference)), but this "
                   "PostgreSQL database has no " +
                   missing +
                   ": install Citus there, or call create_schema(ormc::Distribution::none) to "
                   "create them as ordinary tables; nothing was created");
}

} // namespace ormc
