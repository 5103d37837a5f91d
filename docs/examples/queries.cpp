// docs/queries.md: typed conditions, ordering, pages, aggregates, projections, groups, joins,
// bulk changes.
#include "schema.ormc.hpp"

#include <cstdio>

using shop::Customer_;
using shop::Order_;

int main() {
  ormc::Database db("sqlite::memory:");
  shop::Models m(db);
  m.create_schema();
  for (int i = 1; i <= 6; ++i) {
    shop::Order o;
    o.customer_id = i % 2 + 1;
    o.status = i <= 2 ? shop::Status::paid : shop::Status::open;
    o.total_cents = i * 1000;
    m.orders.insert(o);
  }

  auto open = m.orders.where(Order_::status == shop::Status::open && Order_::total_cents > 3000);
  std::printf("open over $30: %lld\n", static_cast<long long>(open.count()));
  for (const shop::Order& o : open.order_by(Order_::total_cents.desc()))
    std::printf("  order %lld: %lld cents\n", static_cast<long long>(o.id),
                static_cast<long long>(o.total_cents));

  auto page = m.orders.query().order_by(Order_::customer_id).limit(4);
  std::vector<shop::Order> rows = page.all();
  for (int n = 1; !rows.empty(); ++n, rows = page.after(rows.back()).all())
    std::printf("page %d: %zu orders, first %lld\n", n, rows.size(),
                static_cast<long long>(rows.front().id));

  std::printf("sum %lld, max %lld, avg %.1f\n",
              static_cast<long long>(*m.orders.query().sum(Order_::total_cents)),
              static_cast<long long>(*m.orders.query().max(Order_::total_cents)),
              *m.orders.query().avg(Order_::total_cents));

  for (auto [id, cents] :
       m.orders.where(Order_::customer_id == 1).select(Order_::id, Order_::total_cents))
    std::printf("customer 1: order %lld, %lld cents\n", static_cast<long long>(id),
                static_cast<long long>(cents));

  struct Spend {
    std::int64_t customer_id = 0;
    std::int64_t orders = 0;
    std::int64_t cents = 0;
  };
  for (const Spend& s : m.orders.query()
                            .group_by(Order_::customer_id)
                            .having(ormc::count<shop::Order>() >= 2)
                            .order_by(ormc::sum(Order_::total_cents).desc())
                            .select<Spend>(Order_::customer_id, ormc::count<shop::Order>(),
                                           ormc::sum(Order_::total_cents)))
    std::printf("customer %lld: %lld orders, %lld cents\n", static_cast<long long>(s.customer_id),
                static_cast<long long>(s.orders), static_cast<long long>(s.cents));

  for (const char* name : {"Ann", "Bob", "Cy"}) { // ids 1, 2, 3
    shop::Customer c{0, std::string(name) + "@example.org", name};
    m.customers.insert(c);
  }
  // Joins: each row's models as a tuple; conditions over either model.
  for (const auto& [order, customer] :
       m.orders.join<shop::Customer>(Order_::customer_id == Customer_::id)
           .where(Customer_::name == "Bob" && Order_::total_cents >= 3000)
           .all())
    std::printf("join: order %lld of %s\n", static_cast<long long>(order.id),
                customer.name.c_str());
  // A left join keeps rows with no match: their columns are empty optionals.
  for (const auto& [name, order] :
       m.customers.left_join<shop::Order>(Order_::customer_id == Customer_::id)
           .where(is_null(Order_::id) || Order_::total_cents > 5000)
           .order_by(Customer_::name)
           .select(Customer_::name, Order_::id))
    std::printf("left join: %s, order %s\n", name.c_str(),
                order ? std::to_string(*order).c_str() : "none");

  // A join grouped by one model's column, aggregating the other's.
  struct CustomerSpend {
    std::string name;
    std::int64_t cents = 0;
  };
  for (const CustomerSpend& c :
       m.orders.join<shop::Customer>(Order_::customer_id == Customer_::id)
           .group_by(Customer_::name)
           .having(ormc::count<shop::Order>() >= 2)
           .order_by(Customer_::name)
           .select<CustomerSpend>(Customer_::name, ormc::sum(Order_::total_cents)))
    std::printf("%s spent %lld cents\n", c.name.c_str(), static_cast<long long>(c.cents));
  // A scalar subquery: one value per row, here each customer's order count and largest order.
  struct CustomerOrders {
    std::string name;
    std::int64_t orders = 0;
    std::optional<std::int64_t> largest_cents;
  };
  for (const CustomerOrders& c :
       m.customers.query()
           .order_by(Customer_::name)
           .select<CustomerOrders>(Customer_::name,
                                   ormc::scalar<shop::Order>(ormc::count<shop::Order>(),
                                                             Order_::customer_id == Customer_::id),
                                   ormc::scalar<shop::Order>(ormc::max(Order_::total_cents),
                                                             Order_::customer_id == Customer_::id)))
    std::printf("%s: %lld orders, largest %s\n", c.name.c_str(), static_cast<long long>(c.orders),
                c.largest_cents ? std::to_string(*c.largest_cents).c_str() : "none");

  std::int64_t shipped =
      m.orders.where(Order_::status == shop::Status::paid)
          .update(Order_::status.set(shop::Status::shipped), Order_::note.set("sent"));
  std::printf("shipped %lld, removed %lld\n", static_cast<long long>(shipped),
              static_cast<long long>(m.orders.where(Order_::total_cents < 2000).remove()));

  std::printf("sql: %s\n", open.sql(ormc::Dialect::postgresql).c_str());
}
