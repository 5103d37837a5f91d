// The traits emitter on IR built by hand: a model's SQL is defined in the generated source part
// that compiles the model's table, never in the header a unit includes; the header keeps only
// what join<B>() reads at compile time (the table and the tables its foreign keys reference).
#include "diff_fixtures.hpp"
#include "emit/CppEmitter.h"

#include <gtest/gtest.h>
#include <string>

namespace ormc::emit {
namespace {
using migrate::fixtures::column;

ir::Model model(const std::string& name, const std::string& table) {
  ir::Model m;
  m.name = name;
  m.qualifiedName = "shop::" + name;
  m.cppNamespace = "shop";
  m.table = table;
  m.accessor = table + "s";
  m.inputFile = "/src/shop.hpp";
  m.declaredIn = "/src/shop.hpp";
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = id.autoIncrement = true;
  m.columns = {id, column("title", ir::TypeKind::String)};
  return m;
}

/// An author and a book that references it, in one input.
ir::Schema shop() {
  ir::Model book = model("Book", "book");
  ir::Column author = column("author_id", ir::TypeKind::Int64);
  author.references = ir::ForeignKey{};
  author.references->target = "Author";
  author.references->targetModel = "shop::Author";
  book.columns.push_back(author);
  ir::Schema s;
  s.inputFiles = {"/src/shop.hpp"};
  s.models = {model("Author", "author"), book};
  return s;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(TraitsEmitter, TheHeaderDeclaresTheStatementsAndHoldsNoSql) {
  CppOptions options;
  options.outputDir = "/out";
  auto files = emitCpp(shop(), options);
  const std::string& header = files.at("shop.ormc.hpp");
  EXPECT_EQ(count(header, "static const ModelStatements& statements(Dialect dialect);"), 2u);
  EXPECT_EQ(header.find("INSERT INTO"), std::string::npos);
  EXPECT_EQ(header.find("CREATE TABLE"), std::string::npos);
  EXPECT_EQ(header.find("static constexpr ModelStatements"), std::string::npos);
  const std::string& source = files.at("shop.ormc.cpp");
  EXPECT_NE(source.find("ormc::ModelTraits<::shop::Book>::statements(Dialect dialect) {"),
            std::string::npos);
  EXPECT_NE(source.find(R"(INSERT INTO "book" ("title", "author_id"))"), std::string::npos);
  EXPECT_EQ(count(source, "case Dialect::"), 4u); // both dialects, for each model
}

TEST(TraitsEmitter, TheHeaderNamesTheTablesAModelReferences) {
  CppOptions options;
  options.outputDir = "/out";
  const std::string header = emitCpp(shop(), options).at("shop.ormc.hpp");
  EXPECT_NE(header.find("static constexpr std::array<std::string_view, 1> referenced_tables = "
                        "{R\"sql(author)sql\"};"),
            std::string::npos)
      << header;
  EXPECT_NE(header.find("static constexpr std::array<std::string_view, 0> referenced_tables = {};"),
            std::string::npos);
  EXPECT_NE(header.find("static constexpr std::string_view table_name = R\"sql(book)sql\";"),
            std::string::npos);
}

TEST(TraitsEmitter, EachSourcePartDefinesTheStatementsOfItsOwnModels) {
  CppOptions options;
  options.outputDir = "/out";
  options.sourcesPerInput = 2;
  auto files = emitCpp(shop(), options);
  const std::string& first = files.at("shop.ormc.cpp");
  const std::string& second = files.at("shop.ormc-2.cpp");
  const std::string author = "ormc::ModelTraits<::shop::Author>::statements(";
  const std::string book = "ormc::ModelTraits<::shop::Book>::statements(";
  EXPECT_EQ(count(first, author), 1u);
  EXPECT_EQ(count(first, book), 0u);
  EXPECT_EQ(count(second, book), 1u);
  EXPECT_EQ(count(second, author), 0u);
  // Beside the explicit instantiation of the same model's table.
  EXPECT_NE(second.find("template class ormc::Table<::shop::Book>;"), std::string::npos);
}

} // namespace
} // namespace ormc::emit
