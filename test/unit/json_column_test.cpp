// JSON columns on both backends: exact round trips of nlohmann::json and of user types through
// to_json/from_json, other writers held to JSON, typed path filters, and located read errors.
#include "backend_fixture.hpp"

#include <gtest/gtest.h>

namespace unit {
namespace {

using JsonColumnTest = BackendTest;

nlohmann::json sample_attrs() {
  return nlohmann::json::parse(R"({
    "owner": {"name": "Ada", "age": 36, "admin": true},
    "tags": ["db", "c++", "\u00e9t\u00e9"],
    "ratio": 0.125,
    "big": 9007199254740993,
    "nothing": null
  })");
}

Document sample(std::string title, nlohmann::json attrs) {
  return {.id = 0,
          .title = std::move(title),
          .attrs = std::move(attrs),
          .address = {.city = "Zürich", .lines = {"Bahnhofstrasse 1", "\"Quoted\" line"}},
          .scores = std::nullopt};
}

/// Inserts a sample document (insert() fills in the key, so it takes an lvalue).
void add(Models& m, std::string title, nlohmann::json attrs) {
  Document doc = sample(std::move(title), std::move(attrs));
  m.documents.insert(doc);
}

TEST_P(JsonColumnTest, ValuesAndUserTypesRoundTripExactly) {
  Document doc = sample("first", sample_attrs());
  doc.scores = std::vector<std::int64_t>{3, -1, 4};
  Document bare = sample("bare", nlohmann::json::array());
  m->documents.insert(doc);
  m->documents.insert(bare);
  std::optional<Document> back = m->documents.get(doc.id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->attrs, doc.attrs);
  EXPECT_EQ(back->attrs["big"].get<std::int64_t>(), 9007199254740993); // beyond a double's 2^53
  EXPECT_EQ(back->address, doc.address);
  EXPECT_EQ(back->scores, doc.scores);
  std::optional<Document> other = m->documents.get(bare.id);
  ASSERT_TRUE(other);
  EXPECT_EQ(other->attrs, nlohmann::json::array());
  EXPECT_EQ(other->scores, std::nullopt);

  // set() writes a whole value.
  nlohmann::json replaced = {{"owner", {{"name", "Grace"}}}};
  EXPECT_EQ(m->documents.where(Document_::id == bare.id).update(Document_::attrs.set(replaced)), 1);
  EXPECT_EQ(m->documents.get(bare.id)->attrs, replaced);
}

TEST_P(JsonColumnTest, TheColumnIsJsonbOrTextThatOtherWritersMustKeepJson) {
  add(*m, "first", sample_attrs());
  EXPECT_EQ(stored(on_postgres() ? "SELECT pg_typeof(\"attrs\")::text FROM \"document\""
                                 : "SELECT typeof(\"attrs\") FROM \"document\""),
            on_postgres() ? "jsonb" : "text");
  const char* invalid = "UPDATE \"document\" SET \"attrs\" = '{not json'";
  if (on_postgres())
    EXPECT_THROW(db->execute(invalid), ormc::DatabaseError); // jsonb parses what it is given
  else
    EXPECT_THROW(db->execute(invalid), ormc::CheckViolation);
}

TEST_P(JsonColumnTest, PathsFilterByKeysIndexesAndTypes) {
  add(*m, "ada", sample_attrs());
  nlohmann::json young = sample_attrs();
  young["owner"] = {{"name", "Linus"}, {"age", 21}, {"admin", false}};
  young["tags"] = {"kernel"};
  young["ratio"] = 2.5;
  add(*m, "linus", young);
  add(*m, "empty", nlohmann::json::object());

  auto titles = [&](auto condition) {
    std::vector<std::string> out;
    for (const Document& d : m->documents.where(condition).order_by(Document_::title.asc()).all())
      out.push_back(d.title);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(titles(Document_::attrs.path<std::int64_t>("owner", "age") > 30), V{"ada"});
  EXPECT_EQ(titles(Document_::attrs.path<std::int64_t>("owner", "age") <= 36), (V{"ada", "linus"}));
  EXPECT_EQ(titles(Document_::attrs.path<std::string>("owner", "name") == "Linus"), V{"linus"});
  EXPECT_EQ(titles(Document_::attrs.path<std::string>("tags", 0) == "db"), V{"ada"});
  EXPECT_EQ(titles(Document_::attrs.path<std::string>("tags", 2) == "\u00e9t\u00e9"), V{"ada"});
  EXPECT_EQ(titles(Document_::attrs.path<bool>("owner", "admin") == true), V{"ada"});
  EXPECT_EQ(titles(Document_::attrs.path<double>("ratio") > 1.0), V{"linus"});
  EXPECT_EQ(titles(Document_::attrs.path<std::int64_t>("big") == 9007199254740993),
            (V{"ada", "linus"}));
  // Missing keys, elements past the end and JSON null are all NULL.
  EXPECT_EQ(titles(Document_::attrs.path<std::string>("owner").is_null()), V{"empty"});
  EXPECT_EQ(titles(Document_::attrs.path<std::string>("tags", 1).is_not_null()), V{"ada"});
  EXPECT_EQ(titles(Document_::attrs.path<std::string>("nothing").is_null()),
            (V{"ada", "empty", "linus"}));
  // Paths combine with other conditions and count like any.
  EXPECT_EQ(m->documents
                .where(Document_::attrs.path<std::int64_t>("owner", "age") > 18 &&
                       Document_::title != "ada")
                .count(),
            1);
}

TEST_P(JsonColumnTest, WhatJsonCannotHoldIsRefusedBeforeSql) {
  Document doc = sample("bad", {{"name", std::string("\xff\xfe")}}); // not UTF-8
  EXPECT_THROW(m->documents.insert(doc), ormc::DataError);
  EXPECT_EQ(m->documents.count(), 0);
  EXPECT_THROW(Document_::attrs.path<std::string>("say \"hi\""), ormc::UsageError);
  EXPECT_THROW(Document_::attrs.path<std::string>("tags", -1), ormc::UsageError);
}

TEST_P(JsonColumnTest, StoredJsonThatIsNotTheMembersTypeIsADataErrorNamingModelKeyAndColumn) {
  Document doc = sample("first", sample_attrs());
  m->documents.insert(doc);
  db->execute("UPDATE \"document\" SET \"address\" = '{\"city\": 5, \"lines\": []}'");
  std::string message = data_error_of([&] { m->documents.get(doc.id); });
  EXPECT_NE(message.find("unit::Document with key " + std::to_string(doc.id)), std::string::npos)
      << message;
  EXPECT_NE(message.find("(address) holds '{\"city\":"), std::string::npos) << message;
  EXPECT_NE(message.find("type must be string"), std::string::npos) << message;
}

ORMC_INSTANTIATE_FOR_BACKENDS(JsonColumnTest);

} // namespace
} // namespace unit
