#include "driver/Import.h"

#include "emit/OutputFiles.h"
#include "importer/CatalogReader.h"
#include "importer/HeaderWriter.h"
#include "validate/TextChecks.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

namespace ormc::driver {
namespace {

int fail(const std::string& message) {
  llvm::errs() << "ormc import: error: " << message << "\n";
  return 1;
}

/// The header's stem when it is an identifier (music.hpp → music), else "db".
std::string namespaceFor(const std::string& output) {
  std::string stem = llvm::sys::path::stem(output).str();
  return validate::isCppIdentifier(stem) ? stem : "db";
}

} // namespace

int runImport(const ImportOptions& options) {
  if (options.databaseUrl.empty())
    return fail("--db <url> names the database to import (sqlite:<file>, postgresql://...)");
  std::string cppNamespace =
      options.cppNamespace.empty() ? namespaceFor(options.output) : options.cppNamespace;
  if (!validate::isCppIdentifier(cppNamespace))
    return fail("--namespace '" + cppNamespace + "' is not a C++ identifier");
  std::string error;
  std::unique_ptr<live::LiveDatabase> database = live::openLiveDatabase(options.databaseUrl, error);
  if (!database) return fail(error);
  std::optional<importer::ImportedSchema> schema =
      importer::readCatalog(*database, options.schema, error);
  if (!schema) return fail("cannot read the catalog: " + error);
  if (schema->tables.empty())
    return fail(options.schema.empty() ? "the database has no tables"
                                       : "schema \"" + options.schema + "\" has no tables");
  importer::ImportedHeader header = importer::writeHeader(*schema, {cppNamespace});
  for (const std::string& warning : header.warnings)
    llvm::errs() << "ormc import: warning: " << warning << "\n";
  if (options.output.empty()) {
    llvm::outs() << header.text;
    return 0;
  }
  // A header already there has been reviewed and edited, most likely: never lost silently.
  if (llvm::sys::fs::exists(options.output) && !options.overwrite) {
    auto existing = llvm::MemoryBuffer::getFile(options.output);
    if (!existing || (*existing)->getBuffer() != header.text)
      return fail("'" + options.output +
                  "' exists and differs from the import; pass --overwrite to replace it");
  }
  llvm::SmallString<256> directory(options.output);
  llvm::sys::path::remove_filename(directory);
  if (directory.empty()) directory = ".";
  emit::WriteResult written = emit::writeFilesIfChanged(
      directory.str().str(), {{llvm::sys::path::filename(options.output).str(), header.text}});
  if (!written.ok) return fail(written.error);
  return 0;
}

} // namespace ormc::driver
