// docs/annotations.md (ormc:version): two writers read the same row; the second update is a
// VersionConflict instead of a lost update, and reapplying over a fresh read succeeds.
#include "schema.ormc.hpp"

#include <cstdio>

int main() {
  ormc::Database db("sqlite::memory:");
  shop::Models m(db);
  m.create_schema();
  shop::Product lamp;
  lamp.name = "lamp";
  lamp.price_cents = 4000;
  m.products.insert(lamp);

  shop::Product ann = *m.products.get(lamp.id); // both read version 0
  shop::Product bob = *m.products.get(lamp.id);
  ann.price_cents = 3500;
  m.products.update(ann); // the table and ann's row are now at version 1
  std::printf("ann wrote %lld cents, version %d\n", static_cast<long long>(ann.price_cents),
              ann.version);

  bob.name = "desk lamp";
  try {
    m.products.update(bob);
  } catch (const ormc::VersionConflict& e) {
    std::printf("bob: %s\n", e.what());
    bob = *m.products.get(lamp.id); // read again, reapply the change
    bob.name = "desk lamp";
    m.products.update(bob);
  }
  shop::Product now = *m.products.get(lamp.id);
  std::printf("%s, %lld cents, version %d\n", now.name.c_str(),
              static_cast<long long>(now.price_cents), now.version);
}
