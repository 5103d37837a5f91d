// docs/runtime.md (Tenants): one program serving two shops from one container. Each tenant's
// tables are its own (here SQLite files beside the main one; on PostgreSQL a schema each), and
// everything that runs through a tenant's models stays inside that tenant; a branch is a copy of
// a tenant that then changes on its own.
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
  std::filesystem::remove_all(dir);
}
