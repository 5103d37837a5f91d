// `ormc import`'s output: one header of annotated structs for an existing schema, for a person
// to review. A pure function of the catalog, so that its choices are unit-tested.
#pragma once

#include "importer/ImportedSchema.h"

#include <string>
#include <vector>

namespace ormc::importer {

struct HeaderOptions {
  std::string cppNamespace = "db"; // the namespace the structs are declared in
};

struct ImportedHeader {
  std::string text;
  /// What was not imported, one line each ("table \"log\" has no primary key: ..."): also in
  /// the header, as comments where the table or column is.
  std::vector<std::string> warnings;
};

ImportedHeader writeHeader(const ImportedSchema& schema, const HeaderOptions& options);

} // namespace ormc::importer
