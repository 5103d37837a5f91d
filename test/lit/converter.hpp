// A user type with an ormc::converter<T> specialization is a column of the type it stores; the IR
// names the converted type. (The runtime converts on every write and read: converter_test.cpp.)
// RUN: %ormc --emit=ir %s -- %flags | FileCheck %s --check-prefix=IR
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
#pragma once
#include <cstdint>
#include <optional>
#include <ormc/converter.hpp>
#include <string>

namespace crm {
struct Email {
  std::string address;
};
enum class Tier { bronze, gold };
} // namespace crm

template <> struct ormc::converter<crm::Email> {
  using stored_type = std::string;
  static std::string to_stored(const crm::Email& e) { return e.address; }
  static crm::Email from_stored(std::string s) { return {std::move(s)}; }
};
template <> struct ormc::converter<crm::Tier> {
  using stored_type = std::int16_t;
  static std::int16_t to_stored(crm::Tier t) { return t == crm::Tier::gold ? 100 : 1; }
  static crm::Tier from_stored(std::int16_t v) { return v == 100 ? crm::Tier::gold : crm::Tier::bronze; }
};

struct [[clang::annotate("ormc:table")]] Contact {
  [[clang::annotate("ormc:id")]] std::int64_t id;
  crm::Email email;
  std::optional<crm::Email> backup;
  crm::Tier tier;
};
// IR:      "member": "email",
// IR:      "kind": "string",
// IR-NEXT: "converter": "::crm::Email",
// IR-NEXT: "cpp": "crm::Email"
// IR:      "member": "backup",
// IR:      "converter": "::crm::Email",
// IR:      "nullable": true,
// IR:      "member": "tier",
// IR:      "kind": "int16",
// IR-NEXT: "converter": "::crm::Tier",

// PG:      "email" TEXT NOT NULL,
// PG-NEXT: "backup" TEXT,
// PG-NEXT: "tier" SMALLINT NOT NULL
