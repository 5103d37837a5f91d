// libFuzzer target: the IR JSON reader (`ormc --merge`) takes any bytes without crashing; what it
// accepts writes back to JSON that reads back to the same JSON.
#include "ir/SchemaJson.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  ormc::ir::Schema schema;
  try {
    schema = ormc::ir::schemaFromJson(text);
  } catch (const ormc::ir::IrFormatError&) {
    return 0;
  }
  auto first = ormc::ir::toJson(schema, ormc::ir::LocationPolicy::Include).dump();
  auto second =
      ormc::ir::toJson(ormc::ir::schemaFromJson(first), ormc::ir::LocationPolicy::Include).dump();
  if (first != second) std::abort();
  return 0;
}
