// README's quick start: open, create the schema, insert, get, update, list, remove.
#include "schema.ormc.hpp"

#include <cstdio>

int main() {
  auto db = ormc::open("sqlite::memory:");
  shop::Models m(db);
  m.create_schema();

  shop::Customer ada;
  ada.email = "ada@example.com";
  ada.name = "Ada";
  m.customers.insert(ada); // ada.id is assigned by the database
  std::printf("inserted customer %lld\n", static_cast<long long>(ada.id));

  std::optional<shop::Customer> same = m.customers.get(ada.id);
  std::printf("got back: %s <%s>\n", same->name.c_str(), same->email.c_str());

  ada.name = "Ada Lovelace";
  m.customers.update(ada);
  for (const shop::Customer& c : m.customers.all())
    std::printf("all: %lld %s\n", static_cast<long long>(c.id), c.name.c_str());

  std::printf("removed: %s\n", m.customers.remove(ada) ? "yes" : "no");
  std::printf("left: %lld\n", static_cast<long long>(m.customers.count()));
}
