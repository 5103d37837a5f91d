// The IR's JSON form: what `--emit=ir` prints and what schema.json snapshots for migrations.
#pragma once

#include "ir/Schema.h"

#include <nlohmann/json.hpp>

namespace ormc::ir {

/// Current layout version of the JSON form; bumped on incompatible changes.
inline constexpr int kIrVersion = 1;

enum class LocationPolicy {
  Include, // --emit=ir: where each model and column came from
  Omit,    // schema.json: a snapshot that does not change when code moves between lines
};

nlohmann::ordered_json toJson(const Schema& schema, LocationPolicy locations);

} // namespace ormc::ir
