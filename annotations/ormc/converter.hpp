// Converters: a user type (an Email, a strong-typed Id, Money) stored as a type ormc knows.
// Specialize ormc::converter for the type where the model can see it; ormc checks that it exists
// and what it stores, and the generated code converts through it on every write and read:
//
//   struct Email { std::string address; };
//   template <> struct ormc::converter<Email> {
//     using stored_type = std::string;
//     static std::string to_stored(const Email& e) { return e.address; }
//     static Email from_stored(std::string text) { return Email{std::move(text)}; }
//   };
//
// from_stored() may throw to refuse a stored value (std::invalid_argument, ormc::DataError): the
// read fails with a DataError naming model, key and column. Header-only, no dependencies, so a
// model header can include it beside <ormc/annotations.hpp>.
#pragma once

namespace ormc {

/// Specialized by the user for each converted type T: `stored_type`, `to_stored`,
/// `from_stored`. Not defined for other types.
template <class T> struct converter;

} // namespace ormc
