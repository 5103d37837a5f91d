// The library's own API over the generated models; main.cpp uses both.
#pragma once

#include "schema.ormc.hpp"

#include <string>

/// Puts a new book on the shelf and returns it with its key.
library::Book shelve(library::Models& m, std::string title, library::Cents price);
