// Converters: user types stored through ormc::converter<T> specializations.
#pragma once

#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <ormc/converter.hpp>
#include <stdexcept>
#include <string>

namespace unit {

/// An email address, kept lower-case; the converter refuses stored text without an '@'.
struct Email {
  std::string address;
  bool operator==(const Email&) const = default;
};

/// A strong-typed key of another system: an integer that is not interchangeable with others.
struct CustomerNumber {
  std::int64_t value = 0;
  bool operator==(const CustomerNumber&) const = default;
};

enum class Tier { bronze, silver, gold };

struct ORMC_TABLE() Subscriber {
  ORMC_ID() std::int64_t id = 0;
  ORMC_COLUMN(unique) Email email;
  CustomerNumber customer;
  std::optional<Email> backup_email;
  Tier tier = Tier::bronze;
};

} // namespace unit

template <> struct ormc::converter<unit::Email> {
  using stored_type = std::string;
  static std::string to_stored(const unit::Email& e) { return e.address; }
  static unit::Email from_stored(std::string text) {
    if (text.find('@') == std::string::npos)
      throw std::invalid_argument("'" + text + "' is not an email address");
    return unit::Email{std::move(text)};
  }
};

template <> struct ormc::converter<unit::CustomerNumber> {
  using stored_type = std::int64_t;
  static std::int64_t to_stored(unit::CustomerNumber n) { return n.value; }
  static unit::CustomerNumber from_stored(std::int64_t v) { return {v}; }
};

/// An enum stored as the codes another system uses; an unknown code is refused on read.
template <> struct ormc::converter<unit::Tier> {
  using stored_type = std::string;
  static std::string to_stored(unit::Tier t) {
    switch (t) {
    case unit::Tier::bronze:
      return "B";
    case unit::Tier::silver:
      return "S";
    case unit::Tier::gold:
      return "G";
    }
    throw std::invalid_argument("not a tier");
  }
  static unit::Tier from_stored(const std::string& code) {
    if (code == "B") return unit::Tier::bronze;
    if (code == "S") return unit::Tier::silver;
    if (code == "G") return unit::Tier::gold;
    throw std::invalid_argument("unknown tier code '" + code + "'");
  }
};
