// docs/annotations.md, "Variants": a model's Create, Update and Search structs, as an HTTP
// handler would use them — create from the fields a client sends, change only what it sends,
// search with the filters of a JSON request body, and a bad filter named back to the client.
#include "schema.ormc.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

using shop::Customer;
using shop::Customer_;

int main() {
  ormc::Database db("sqlite::memory:");
  shop::Models m(db);
  m.create_schema();

  Customer ann =
      m.customers.create(shop::Customer_Create{.email = "ann@example.org", .name = "Ann"});
  m.customers.create(shop::Customer_Create{.email = "bob@example.org", .name = "Bob"});
  m.customers.create(shop::Customer_Create{.email = "cy@example.net", .name = "Cy"});
  std::printf("created %s with key %lld\n", ann.name.c_str(), static_cast<long long>(ann.id));

  // Only the name is written: UPDATE "customer" SET "name" = ?1 WHERE "id" = ?2.
  Customer renamed = m.customers.update(ann.id, shop::Customer_Update{.name = "Anne"});
  std::printf("renamed to %s, email kept: %s\n", renamed.name.c_str(), renamed.email.c_str());

  // Typed filters, then the query refined like any other.
  for (const Customer& c : m.customers.search(shop::Customer_Search{.email = {.like = "%.org"}})
                               .order_by(Customer_::name.desc()))
    std::printf(".org: %s\n", c.name.c_str());

  // The same from a request body.
  auto body = nlohmann::json::parse(R"({"id": {"in": [1, 3]}, "name": {"ne": "Bob"}})");
  auto search = ormc::ModelVariants<Customer>::search_from_json(body);
  std::printf("from JSON: %lld customers\n",
              static_cast<long long>(m.customers.search(search).count()));
  try {
    ormc::ModelVariants<Customer>::search_from_json(
        nlohmann::json::parse(R"({"id": {"gt": "2"}})"));
  } catch (const ormc::InvalidSearch& e) {
    std::printf("400 Bad Request: %s (field %s)\n", e.what(), e.field().c_str());
  }
}
