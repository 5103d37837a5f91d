// Included by main.cpp only, not by any model header: editing it must not rerun ormc.
#pragma once
#include <string>

inline std::string shelf_label(std::string title) {
  return title;
}
