// docs/annotations.md (Versioned models): a price's history as the database's triggers keep it,
// whoever writes (here a bulk update and raw SQL too), who changed it, the prices as they were
// at a moment, and a version written back.
#include "schema.ormc.hpp"

#include <chrono>
#include <cstdio>
#include <ormc/raw_sql.hpp>
#include <thread>

int main() {
  ormc::Database db("sqlite::memory:");
  shop::Models m(db);
  m.create_schema();
  using shop::Price_;
  shop::Price lamp{"lamp", 1999};
  shop::Price desk{"desk", 15000};
  {
    ormc::Transaction tx(db);
    tx.set_actor("alice"); // recorded with this transaction's changes only
    m.prices.insert(lamp);
    m.prices.insert(desk);
    tx.commit();
  }
  const auto before_sale = m.prices.history("desk").back().valid_from;    // both there by then
  // SQLite keeps times to the millisecond: the changes below begin after that moment.
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  m.prices.where(Price_::cents > 10000).update(Price_::cents.set(12000)); // bulk: recorded too
  ormc::execute(db, "UPDATE price SET cents = 1499 WHERE sku = 'lamp'");  // raw SQL: recorded
  for (const auto& v : m.prices.history("lamp"))
    std::printf("lamp v%lld: %lld cents, %s by %s\n", static_cast<long long>(v.version),
                static_cast<long long>(v.row.cents),
                v.operation == ormc::HistoryOperation::insert ? "insert" : "update",
                v.actor ? v.actor->c_str() : "nobody said");
  for (const shop::Price& p : m.prices.as_of(before_sale).order_by(Price_::sku).all())
    std::printf("as of the first version: %s %lld\n", p.sku.c_str(),
                static_cast<long long>(p.cents));
  shop::Price back = m.prices.restore("lamp", 1);
  std::printf("restored: %s %lld\n", back.sku.c_str(), static_cast<long long>(back.cents));
  std::printf("lamp versions now: %zu\n", m.prices.history("lamp").size());
}
