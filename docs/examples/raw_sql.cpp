// docs/queries.md: hand-written SQL beside the typed queries — rows changed by execute(), rows
// mapped into any struct or tuple by raw() by position or by name, projections into named structs,
// and query plans.
#include "schema.ormc.hpp"

#include <cstdio>
#include <ormc/raw_sql.hpp>

using shop::Order_;

/// Any aggregate struct: its members take the selected columns in order.
struct CustomerTotal {
  std::int64_t customer_id = 0;
  std::int64_t cents = 0;
};

int main() {
  ormc::Database db("sqlite::memory:");
  shop::Models m(db);
  m.create_schema();
  for (int i = 1; i <= 6; ++i) {
    shop::Order o;
    o.customer_id = i % 3 + 1;
    o.total_cents = i * 1000;
    m.orders.insert(o);
  }

  std::int64_t changed = ormc::execute(
      db, R"(UPDATE "order" SET "note" = ?1 WHERE "total_cents" >= ?2)", std::string("big"), 4000);
  std::printf("notes written: %lld\n", static_cast<long long>(changed));

  for (const CustomerTotal& t : ormc::raw<CustomerTotal>(
           db,
           R"(SELECT "customer_id", sum("total_cents") FROM "order" GROUP BY 1 ORDER BY 2 DESC)"))
    std::printf("customer %lld: %lld cents\n", static_cast<long long>(t.customer_id),
                static_cast<long long>(t.cents));

  // By column name: the members' columns named in order, wherever the statement returns them.
  for (
      const CustomerTotal& t : ormc::raw<CustomerTotal>(
          db, ormc::by_name{"customer_id", "cents"},
          R"(SELECT sum("total_cents") AS cents, "customer_id" FROM "order" GROUP BY 2 ORDER BY 2)"))
    std::printf("by name: customer %lld, %lld cents\n", static_cast<long long>(t.customer_id),
                static_cast<long long>(t.cents));
  // A model's rows by column name, in any order and beside other columns.
  for (const shop::Order& o :
       m.orders.raw(R"(SELECT "total_cents" * 2 AS doubled, * FROM "order" WHERE "id" = ?1)", 2))
    std::printf("order %lld: %lld cents\n", static_cast<long long>(o.id),
                static_cast<long long>(o.total_cents));

  auto [count, top] = ormc::raw<std::tuple<std::int64_t, std::optional<std::string>>>(
      db, R"(SELECT count(*), max("note") FROM "order")")[0];
  std::printf("%lld orders, top note %s\n", static_cast<long long>(count),
              top.value_or("-").c_str());

  for (const CustomerTotal& t :
       m.orders.where(Order_::total_cents > 4000)
           .select<CustomerTotal>(Order_::customer_id, Order_::total_cents))
    std::printf("large: customer %lld, %lld cents\n", static_cast<long long>(t.customer_id),
                static_cast<long long>(t.cents));

  for (const std::string& line : m.orders.where(Order_::id == 3).explain())
    std::printf("plan: %s\n", line.c_str());
}
