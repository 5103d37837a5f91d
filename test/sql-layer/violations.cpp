// Not compiled: what scripts/check-sql-layer.sh must refuse outside sql/. The test
// sql_layer.catches_violations points the script at this file and expects it to fail.
#include <string>

std::string by_hand(int n, bool postgres) {
  std::string sql = "SELECT \"a\" FROM \"t\" WHERE \"a\" = ";
  sql += postgres ? "$" + std::to_string(n) : "?1";
  return sql;
}

bool branch(ormc::Dialect d) {
  return d == ormc::Dialect::postgresql;
}
