// Default SQL and C++ names derived from C++ declarations.
#pragma once

#include <string>
#include <string_view>

namespace ormc::frontend {

/// `OrderLine` → `order_line`, `HTTPRequest` → `http_request`.
std::string snakeCase(std::string_view name);

/// English plural of a snake_case name for the Models container: `task` → `tasks`,
/// `category` → `categories`, `box` → `boxes`.
std::string pluralize(std::string_view name);

} // namespace ormc::frontend
