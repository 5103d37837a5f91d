// One misuse of the typed columns per CASE; each must fail to compile, naming the column.
#include <ormc/ormc.hpp>

void misuse(Models& m) {
#if CASE == 1
  m.orders.where(shop::Order_::customer == 42); // a number for a text column
#elif CASE == 2
  m.orders.where(shop::Sku_::code == "A-1"); // a column of another model
#elif CASE == 3
  m.orders.where(shop::Order_::line_count.like("1%")); // LIKE on a number
#elif CASE == 4
  m.orders.where(shop::Order_::customer == "x" && shop::Sku_::stock > 1u); // two models
#elif CASE == 5
  m.orders.where(shop::Order_::status == 1); // an int for an enum column
#elif CASE == 6
  m.orders.where(shop::Order_::customer * shop::Order_::line_count == 1); // text in arithmetic
#elif CASE == 7
  m.orders.where(shop::Order_::line_count + shop::Sku_::stock == 1); // two models
#elif CASE == 8
  m.orders.query().update((shop::Order_::line_count * shop::Order_::line_count).set(1));
#elif CASE == 9
  struct Pair {
    std::string customer;
    std::size_t lines;
  };
  m.orders.query().select<Pair>(shop::Order_::customer); // a member without its column
#elif CASE == 10
  struct Pair {
    std::string customer;
    std::int32_t lines;
  };
  m.orders.query().select<Pair>(shop::Order_::customer, shop::Order_::line_count); // size_t
#elif CASE == 11
  shop::Order order;
  m.orders.update(order, shop::Sku_::code); // a column of another model
#elif CASE == 12
  m.orders.where(ormc::count<shop::Order>() > 1); // an aggregate filters groups: having()
#elif CASE == 13
  m.orders.query().group_by(shop::Order_::customer).select(shop::Order_::status); // not grouped
#elif CASE == 14
  m.orders.query().select(ormc::sum(shop::Order_::line_count)); // an aggregate without groups
#elif CASE == 15
  m.orders.query().group_by(shop::Order_::status).select(ormc::sum(shop::Order_::customer));
#elif CASE == 16
  m.orders.query().group_by(shop::Order_::status).order_by(shop::Order_::customer);
#elif CASE == 17
  m.orders.where(shop::Order_::line_count > m.orders.query().subquery(shop::Order_::line_count));
#elif CASE == 18
  m.orders.where(shop::Order_::customer.in(m.skus.query().subquery(shop::Sku_::stock)));
#elif CASE == 19
  m.orders.join<shop::Sku>(); // no foreign key between them
#elif CASE == 20
  m.orders.join<shop::Sku>(shop::Order_::customer == shop::Sku_::code).where(AuditEntry_::id == 1);
#elif CASE == 21
  m.orders.join<shop::Sku>(shop::Order_::customer == shop::Sku_::code)
      .join<shop::Sku>(shop::Order_::customer == shop::Sku_::code);
#elif CASE == 22
  m.orders.join<shop::Sku>(shop::Order_::customer == shop::Sku_::stock);
#elif CASE == 23
  m.orders.join<shop::Sku>(shop::Order_::customer == shop::Sku_::code)
      .all<std::pair<shop::Sku, shop::Order>>();
#elif CASE == 25
  m.orders.where(ormc::exists<shop::Sku>(shop::Sku_::stock > 1u)); // names no order column
#elif CASE == 24
  m.orders.search(shop::Order{}); // Order has no ormc:table(variants)
#elif CASE == 26
  m.skus.query().select(shop::Sku_::code, // one value per row: an aggregate
                        ormc::scalar<shop::Order>(shop::Order_::line_count,
                                                  shop::Order_::customer == shop::Sku_::code));
#elif CASE == 27
  m.skus.query().select(
      shop::Sku_::code, // the condition names no sku column
      ormc::scalar<shop::Order>(ormc::count<shop::Order>(), shop::Order_::customer == "x"));
#elif CASE == 28
  m.skus.query().select(
      shop::Sku_::code, // a grouped subquery gives many values
      ormc::scalar(
          m.orders.query().group_by(shop::Order_::customer).subquery(ormc::count<shop::Order>())));
#elif CASE == 29
  m.orders.join<shop::Sku>(shop::Order_::customer == shop::Sku_::code)
      .group_by(shop::Sku_::code)
      .select(shop::Sku_::code, shop::Order_::customer); // neither grouped nor aggregated
#elif CASE == 30
  m.orders.join<shop::Sku>(shop::Order_::customer == shop::Sku_::code)
      .group_by(shop::Sku_::code)
      .select(AuditEntry_::id); // a model not joined
#elif CASE == 31
  m.orders.nearest(shop::Order_::line_count, std::vector<float>{1, 2}, 3); // not a vector column
#else
  std::vector<std::tuple<shop::Order, shop::Sku, std::optional<AuditEntry>>> joined =
      m.orders.join<shop::Sku>(shop::Order_::customer == shop::Sku_::code)
          .left_join<AuditEntry>(AuditEntry_::what == shop::Order_::customer)
          .where(shop::Sku_::stock > 1u || shop::Order_::status == shop::placed)
          .order_by(AuditEntry_::at.desc(), shop::Order_::id)
          .all();
  std::vector<std::tuple<std::string, std::optional<long>>> columns =
      m.orders.join<shop::Sku>(shop::Order_::customer == shop::Sku_::code)
          .left_join<AuditEntry>(AuditEntry_::what == shop::Order_::customer)
          .select(shop::Sku_::code, AuditEntry_::id);
  m.orders.where(shop::Order_::customer.in(m.skus.query().subquery(shop::Sku_::code)) &&
                 shop::Order_::line_count <=
                     m.orders.query().subquery(ormc::max(shop::Order_::line_count)));
  struct Lines {
    std::string customer;
    std::int64_t orders;
    std::int64_t most;
  };
  m.orders.where(shop::Order_::status == shop::placed)
      .group_by(shop::Order_::customer)
      .having(ormc::count<shop::Order>() > 1)
      .order_by(ormc::sum(shop::Order_::line_count).desc())
      .select<Lines>(shop::Order_::customer, ormc::count<shop::Order>(),
                     ormc::max(shop::Order_::line_count + shop::Order_::line_count));
  shop::Order order;
  m.orders.update(order, shop::Order_::customer, shop::Order_::line_count);
  struct Pair {
    std::string customer;
    std::size_t lines;
  };
  m.orders.query().select<Pair>(shop::Order_::customer, shop::Order_::line_count);
  m.orders.where(shop::Order_::customer == "x" && shop::Order_::status == shop::placed);
  std::vector<std::tuple<std::string, std::int64_t, std::size_t>> per_sku =
      m.orders.join<shop::Sku>(shop::Order_::customer == shop::Sku_::code)
          .left_join<AuditEntry>(AuditEntry_::what == shop::Order_::customer)
          .group_by(shop::Sku_::code)
          .having(ormc::count<shop::Order>() > 1)
          .order_by(ormc::count(AuditEntry_::id).desc())
          .select(shop::Sku_::code, ormc::count(AuditEntry_::id),
                  ormc::max(shop::Order_::line_count));
  struct SkuOrders {
    std::string code;
    std::int64_t orders;
    std::optional<std::size_t> most_lines;
  };
  m.skus.query().select<SkuOrders>(
      shop::Sku_::code,
      ormc::scalar<shop::Order>(ormc::count<shop::Order>(),
                                shop::Order_::customer == shop::Sku_::code),
      ormc::scalar(m.orders.query().subquery(ormc::max(shop::Order_::line_count))));
  m.orders.where(shop::Order_::line_count * shop::Order_::line_count > 4)
      .order_by((shop::Order_::line_count + shop::Order_::line_count).desc());
#endif
}
