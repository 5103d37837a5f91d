// Runs every generated table of newcomer.hpp on the database given as argv[1].
#include <ormc/ormc.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  ormc::Database db(argc > 1 ? argv[1] : "sqlite::memory:");
  Models m(db);
  m.create_schema();
  AuditEntry audit;
  audit.what = "created";
  m.audit_entries.insert(audit);
  shop::Order order;
  order.customer = "ada";
  order.status = shop::placed;
  order.placed_at = std::chrono::sys_seconds(std::chrono::seconds(1700000000));
  order.signature = {0, 1, 255};
  m.orders.insert(order);
  order.shipped_at = std::chrono::system_clock::time_point(std::chrono::microseconds(5));
  m.orders.update(order);
  shop::Sku sku;
  sku.code = "A-1";
  sku.weight_kg = 0.25;
  m.skus.insert(sku);
  auto back = m.orders.get(order.id);
  bool found = m.skus.where(shop::Sku_::sql == "" && shop::Sku_::member == 0 &&
                            shop::Sku_::columns == 0).exists();
  bool ok = found && back && back->customer == "ada" && back->status == shop::placed &&
            back->placed_at == order.placed_at && back->shipped_at == order.shipped_at &&
            back->signature == order.signature && m.skus.get("A-1")->weight_kg == 0.25 &&
            m.audit_entries.count() == 1;
  std::printf("%s\n", ok ? "newcomer models round-trip" : "MISMATCH");
  return ok ? 0 : 1;
}
