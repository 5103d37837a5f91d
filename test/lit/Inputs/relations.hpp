// A shop: customers and orders (a reserved word), products with a gin index, order lines with
// a composite unique key, tags through a generated join table; an account and its owner refer
// to each other.
#pragma once
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

namespace shop {

struct ORMC_TABLE(name = "order") Order;

struct ORMC_TABLE() Customer {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(check = "\"email\" LIKE '%@%'") std::string email;
};

/// Declared before the tables it references: created after them.
struct ORMC_TABLE() ORMC_UNIQUE(order_id, product_id) OrderLine {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(Order, on_delete = cascade) std::int64_t order_id = 0;
  ORMC_BELONGS_TO(Product, on_delete = restrict, on_update = cascade) std::int64_t product_id = 0;
  ORMC_COLUMN(min = 1, max = 99) std::int32_t quantity = 1;
};

struct ORMC_TABLE(name = "order") Order {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(Customer, on_delete = set_null) std::optional<std::int64_t> customer_id;
};

struct ORMC_TABLE(check = "\"price\" >= 0") ORMC_MANY_TO_MANY(Tag)
    ORMC_INDEX(name, method = gin, opclass = gin_trgm_ops) ORMC_INDEX(sku, method = hash) Product {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(not_empty) std::string name;
  std::string sku;
  double price = 0;
};

struct ORMC_TABLE() Tag {
  ORMC_ID() std::int64_t id = 0;
  std::string label;
};

/// A cycle: each account has an owner, each owner a primary account.
struct ORMC_TABLE() Account {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(Owner) std::int64_t owner_id = 0;
};

struct ORMC_TABLE() Owner {
  ORMC_ID() std::int64_t id = 0;
  ORMC_BELONGS_TO(Account, on_delete = set_null) std::optional<std::int64_t> primary_account_id;
};

} // namespace shop
