// libFuzzer target: any IR that reads and passes linking and validation goes through every
// emitter (C++, DDL of each dialect, Mermaid) and the schema.json writer without crashing. The
// IR reader's own target stops at reading, so it never reached these.
#include "emit/CppEmitter.h"
#include "emit/DdlEmitter.h"
#include "emit/MermaidEmitter.h"
#include "ir/SchemaJson.h"
#include "validate/Linker.h"
#include "validate/Validator.h"

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
  if (ormc::hasErrors(ormc::validate::linkSchema(schema)) ||
      ormc::hasErrors(ormc::validate::validateSchema(schema)))
    return 0;
  ormc::emit::CppOptions options;
  options.outputDir = "/fuzz/gen";
  options.schemaName = "schema";
  for (const auto& [name, contents] : ormc::emit::emitCpp(schema, options))
    if (name.empty() || contents.empty()) std::abort();
  for (ormc::Dialect dialect : ormc::sql::all_dialects())
    if (ormc::emit::emitSchemaSql(schema, ormc::sql::renderer(dialect)).empty()) std::abort();
  ormc::emit::emitMermaid(schema);
  // What schema.json is made of: the writer must take every accepted IR (it throws on bad text).
  ormc::ir::toJson(schema, ormc::ir::LocationPolicy::Omit).dump(2);
  return 0;
}
