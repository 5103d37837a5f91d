// The IR's JSON form: what `--emit=ir` prints, what schema.json snapshots for migrations, and the
// IR fragments that `--fragment` writes and `--merge` reads back.
#pragma once

#include "ir/Schema.h"

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace ormc::ir {

/// The JSON form's major version (`ormc_ir_version`): bumped by any change an older reader could
/// misread: a field removed, renamed, retyped or given another meaning. Readers refuse any other.
/// docs/ir.md has the rules, docs/ir/ormc-ir.schema.json the layout.
inline constexpr int kIrVersion = 2;
/// Its minor version (`ormc_ir_minor`, absent in 2.0 documents): bumped by additions (a new
/// optional field, a new enumerator). ormc refuses a newer minor, whose additions it would
/// silently leave out of a snapshot or a merge.
inline constexpr int kIrMinor = 3;

enum class LocationPolicy {
  Include, // --emit=ir and fragments: inputs, and where each model and column came from
  Omit,    // schema.json: a snapshot that does not change when code moves between lines
};

nlohmann::ordered_json toJson(const Schema& schema, LocationPolicy locations);
nlohmann::ordered_json modelJson(const Model& model, LocationPolicy locations);

/// Input that is not an IR document of this version: `what()` names the offending JSON path.
class IrFormatError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Reads what toJson(schema, LocationPolicy::Include) wrote. Checks every field's presence and
/// type, so a truncated or hand-edited file is an error, never a crash or a half-read schema.
Schema schemaFromJson(const std::string& text);
/// Reads what toJson(schema, LocationPolicy::Omit) wrote (schema.json, and the migrations
/// directory's snapshot): the same checks, with no locations and no inputs.
Schema schemaFromSnapshot(const std::string& text);

} // namespace ormc::ir
