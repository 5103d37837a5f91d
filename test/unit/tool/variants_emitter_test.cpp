// The variants emitter on IR built by hand: which columns each variant takes, where the
// functions are declared and defined, that a model without ormc:table(variants) gets nothing,
// and that the flag survives the IR's JSON.
#include "diff_fixtures.hpp"
#include "emit/CppEmitter.h"
#include "ir/SchemaJson.h"

#include <gtest/gtest.h>
#include <string>

namespace ormc::emit {
namespace {
using migrate::fixtures::column;

ir::Schema notes(bool variants) {
  ir::Model m;
  m.name = "Note";
  m.qualifiedName = "app::Note";
  m.cppNamespace = "app";
  m.table = "note";
  m.accessor = "notes";
  m.inputFile = "/src/notes.hpp";
  m.declaredIn = "/src/notes.hpp";
  m.variants = variants;
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = id.autoIncrement = true;
  ir::Column created = column("created", ir::TypeKind::Timestamp);
  created.role = ir::ColumnRole::CreatedAt;
  ir::Column body = column("body", ir::TypeKind::String);
  ir::Column extra = column("extra", ir::TypeKind::Json);
  m.columns = {id, created, body, extra};
  ir::Schema s;
  s.inputFiles = {m.inputFile};
  s.models.push_back(std::move(m));
  return s;
}

/// The text of `name`'s struct in `code`, from `struct name {` to the `};` that closes it.
std::string structText(const std::string& code, const std::string& name) {
  std::size_t at = code.find("struct " + name + " {");
  if (at == std::string::npos) return "";
  return code.substr(at, code.find("\n};", at) - at);
}

TEST(VariantsEmitter, EachVariantTakesItsColumns) {
  CppOptions options;
  options.outputDir = "/out";
  auto files = emitCpp(notes(true), options);
  const std::string& header = files.at("notes.ormc.hpp");
  const std::string create = structText(header, "Note_Create");
  EXPECT_NE(create.find("decltype(::app::Note::body) body = ::app::Note{}.body;"),
            std::string::npos)
      << create;
  EXPECT_NE(create.find("extra"), std::string::npos) << create;
  EXPECT_EQ(create.find("id"), std::string::npos) << create; // the database assigns it
  EXPECT_EQ(create.find("created"), std::string::npos) << create;
  const std::string update = structText(header, "Note_Update");
  EXPECT_NE(update.find("std::optional<decltype(::app::Note::body)> body{};"), std::string::npos);
  EXPECT_EQ(update.find(" id"), std::string::npos) << update;
  const std::string search = structText(header, "Note_Search");
  EXPECT_NE(search.find("ormc::Filter<decltype(::app::Note::id)> id{};"), std::string::npos);
  EXPECT_NE(search.find("created"), std::string::npos) << search;
  EXPECT_EQ(search.find("extra"), std::string::npos) << search; // JSON: no comparisons
  // Declared in the header, defined in the source.
  EXPECT_NE(header.find("static search_type search_from_json(const nlohmann::json& object);"),
            std::string::npos);
  EXPECT_EQ(header.find("#include <nlohmann/json.hpp>"), std::string::npos);
  const std::string& source = files.at("notes.ormc.cpp");
  EXPECT_NE(source.find("#include <ormc/variants_json.hpp>"), std::string::npos);
  EXPECT_NE(source.find("auto ormc::ModelVariants<::app::Note>::search_from_json("),
            std::string::npos);
}

TEST(VariantsEmitter, AModelWithoutTheFlagGetsNoneAndTheFlagSurvivesTheIr) {
  CppOptions options;
  options.outputDir = "/out";
  auto files = emitCpp(notes(false), options);
  EXPECT_EQ(files.at("notes.ormc.hpp").find("Note_Create"), std::string::npos);
  EXPECT_EQ(files.at("notes.ormc.hpp").find("variants.hpp"), std::string::npos);
  EXPECT_EQ(files.at("notes.ormc.cpp").find("ModelVariants"), std::string::npos);
  for (bool flag : {false, true}) {
    ir::Schema back =
        ir::schemaFromSnapshot(ir::toJson(notes(flag), ir::LocationPolicy::Omit).dump());
    EXPECT_EQ(back.models.at(0).variants, flag);
  }
}

} // namespace
} // namespace ormc::emit
