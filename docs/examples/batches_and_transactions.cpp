// docs/runtime.md: many rows at once, upsert, transactions, and counting statements.
#include "schema.ormc.hpp"

#include <cstdio>
#include <stdexcept>
#include <vector>

int main() {
  ormc::Database db("sqlite::memory:");
  shop::Models m(db);
  m.create_schema();
  int statements = 0;
  db.on_statement([&](const ormc::StatementEvent&) { ++statements; });

  std::vector<shop::Customer> customers(3);
  for (std::size_t i = 0; i < customers.size(); ++i) {
    customers[i].email = "c" + std::to_string(i) + "@example.com";
    customers[i].name = "Customer " + std::to_string(i);
  }
  m.customers.insert_all(customers); // one transaction; every row gets its key
  std::printf("inserted %zu, last id %lld, %d statements\n", customers.size(),
              static_cast<long long>(customers.back().id), statements);

  shop::Customer again;
  again.email = "c1@example.com";
  again.name = "Renamed";
  m.customers.upsert(again, shop::Customer_::email); // the same row, updated
  std::printf("upsert kept id %lld: %s\n", static_cast<long long>(again.id),
              m.customers.get(again.id)->name.c_str());

  try {
    ormc::in_transaction(db, [&] {
      shop::Customer dup;
      dup.email = "c0@example.com";
      m.customers.insert(dup); // UniqueViolation: the whole function is rolled back
    });
  } catch (const ormc::UniqueViolation& e) {
    std::printf("rolled back: SQLSTATE %s\n", e.sqlstate().c_str());
  }
  std::printf("customers: %lld\n", static_cast<long long>(m.customers.count()));
}
