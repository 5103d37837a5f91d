// Every kind of relation loader, as an application calls them: a unit that must compile with
// -Wall -Wextra -Werror on GCC and Clang (loaders sort what they load, in the user's unit).
#include <ormc/ormc.hpp>

void load(shop::Models& m) {
  std::vector<shop::Order> orders = m.orders.all();
  std::vector<shop::OrderLine> lines = m.order_lines.all();
  std::vector<shop::Product> products = m.products.all();
  auto customers = m.orders.load_customer(orders);   // belongs-to: Lookup
  auto by_order = m.orders.load_order_lines(orders); // has-many: Grouped
  auto tags = m.products.load_tags(products);        // many-to-many: Grouped
  auto of_lines = m.order_lines.load_order(lines);
  (void)customers.size();
  (void)by_order.of(1).size();
  (void)tags.of(1).size();
  (void)of_lines.size();
}
