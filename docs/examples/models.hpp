// The models every docs example uses.
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>
#include <vector>

namespace shop {

enum class Status : std::uint8_t { open, paid, shipped };

/// With its variants: Customer_Create, Customer_Update, Customer_Search (examples/variants.cpp).
struct ORMC_TABLE(variants) Customer {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(unique) std::string email;
  std::string name;
};

struct ORMC_TABLE(name = "order") Order {
  ORMC_ID() std::int64_t id = 0;
  std::int64_t customer_id = 0;
  Status status = Status::open;
  std::int64_t total_cents = 0;
  std::optional<std::string> note;
};

/// Optimistic locking: two clerks editing one product cannot overwrite each other's change.
struct ORMC_TABLE() Product {
  ORMC_ID() std::int64_t id = 0;
  std::string name;
  std::int64_t price_cents = 0;
  ORMC_VERSION() std::int32_t version = 0;
};

/// Every change kept by the database, whoever makes it (examples/history.cpp).
struct ORMC_TABLE(versioned) Price {
  ORMC_ID() std::string sku;
  std::int64_t cents = 0;
};

/// An embedding per review, searched by distance (examples/vectors.cpp).
struct ORMC_TABLE() Review {
  ORMC_ID() std::int64_t id = 0;
  std::string text;
  ORMC_VECTOR(dim = 3) std::vector<float> embedding;
};

/// The rows of every shop in one table, each naming its shop (examples/tenants.cpp).
struct ORMC_TABLE() ORMC_UNIQUE(shop, number) Invoice {
  ORMC_ID() std::int64_t id = 0;
  ORMC_TENANT() std::string shop;
  std::string number;
  std::int64_t total_cents = 0;
};

} // namespace shop
