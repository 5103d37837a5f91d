// docs/runtime.md (Tenants): one program serving two shops from one container. Each tenant's
// tables are its own (here SQLite files beside the main one; on PostgreSQL a schema each), and
// everything that runs through a tenant's models stays inside that tenant; a branch is a copy of
// a tenant that then changes on its own; row-level tenancy keeps many shops' rows in one table.
#include "schema.ormc.hpp"

#include <cstdio>
#include <filesystem>

int main() {
  const auto dir = std::filesystem::temp_directory_path() / "ormc_tenants_example";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ormc::Database db("sqlite:" + (dir / "shop.db").string());
  shop::Models m(db);
  m.create_schema();

  for (const char* name : {"acme", "globex"}) {
    shop::Models tenant = m.tenant(name); // shop.tenant_acme.db, shop.tenant_globex.db
    tenant.create_schema();
    shop::Customer c;
    c.email = "buyer@example.org"; // unique per tenant, so both may have it
    c.name = std::string("buyer at ") + name;
    tenant.customers.insert(c);
  }
  shop::Models acme = m.tenant("acme");
  acme.customers.where(shop::Customer_::email == "buyer@example.org")
      .update(shop::Customer_::name.set("renamed at acme"));

  for (const std::string& name : db.tenants())
    for (const shop::Customer& c : m.tenant(name).customers.all())
      std::printf("%s: customer %lld, %s\n", name.c_str(), static_cast<long long>(c.id),
                  c.name.c_str());
  std::printf("the main database has %lld customers\n",
              static_cast<long long>(m.customers.count()));

  // A branch: acme's tables and rows copied, then changed apart from acme.
  shop::Models trial = acme.create_branch("trial"); // shop.branch_acme__trial.db
  trial.customers.query().remove();
  std::printf("branch trial of acme: %lld customers; acme: %lld\n",
              static_cast<long long>(trial.customers.count()),
              static_cast<long long>(acme.customers.count()));
  acme.database().drop_branch("trial");

  db.drop_tenant("globex");
  std::printf("tenants left: %zu\n", db.tenants().size());

  // Row-level tenancy: both shops' invoices in one table of the main database, each shop
  // reading and writing its own (the ormc:tenant member `shop`).
  for (const char* name : {"acme", "globex"}) {
    shop::Invoice invoice;
    invoice.number = "2026-001"; // unique per shop
    invoice.total_cents = name[0] == 'a' ? 1200 : 9900;
    m.row_tenant(name).invoices.insert(invoice); // invoice.shop is now name
  }
  shop::Models globex = m.row_tenant("globex");
  globex.invoices.query().update(shop::Invoice_::total_cents.set(0)); // globex's rows only
  for (const char* name : {"acme", "globex"})
    for (const shop::Invoice& i : m.row_tenant(name).invoices.all())
      std::printf("%s: invoice %s of shop %s, %lld cents\n", name, i.number.c_str(), i.shop.c_str(),
                  static_cast<long long>(i.total_cents));
  try {
    m.invoices.count(); // whose invoices?
  } catch (const ormc::UsageError&) {
    std::printf("invoices without a row tenant: refused\n");
  }
  std::filesystem::remove_all(dir);
}
