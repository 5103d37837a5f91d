// Default SQL and C++ names derived from C++ declarations.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ormc::frontend {

/// `OrderLine` → `order_line`, `HTTPRequest` → `http_request`.
std::string snakeCase(std::string_view name);

/// A table's rule for the names it does not spell out (`ormc:table(naming=...)`).
enum class NamingRule { SnakeCase, PascalCase, CamelCase };

/// "snake_case", "PascalCase", "camelCase"; nullopt for any other text.
std::optional<NamingRule> parseNamingRule(std::string_view text);

/// `name` by the rule, its words found as snakeCase() finds them: `unit_price` and `unitPrice`
/// → `unit_price`, `UnitPrice`, `unitPrice`; `HTTPCode` → `HttpCode` in PascalCase.
std::string applyNamingRule(NamingRule rule, std::string_view name);

/// English plural of a snake_case name for the Models container: `task` → `tasks`,
/// `category` → `categories`, `box` → `boxes`.
std::string pluralize(std::string_view name);

} // namespace ormc::frontend
