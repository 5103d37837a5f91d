// The operation variants of a model (ormc:table(variants)), on both backends: create() from
// the Create struct, update(key, changes) writing only the members set (with validation,
// updated_at and the version), search() from the Search struct and from the JSON object an
// HTTP API receives, with every bad field, operator and value named. Model: models/people.hpp.
#include "backend_fixture.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {
using unit::Person;
using unit::Person_;
using unit::Person_Create;
using unit::Person_Search;
using unit::Person_Update;
using Money = ormc::decimal<10, 2>;

class VariantsTest : public unit::BackendTest {
protected:
  Person add(const std::string& name, std::optional<std::int32_t> age, const char* balance,
             bool active = true) {
    return m->people.create(
        Person_Create{.name = name, .age = age, .balance = Money(balance), .active = active});
  }
  std::vector<std::string> names(const ormc::Query<Person>& q) {
    std::vector<std::string> out;
    for (const Person& p : q.order_by(Person_::name).all())
      out.push_back(p.name);
    return out;
  }
  std::vector<std::string> names_from_json(const char* json) {
    return names(m->people.search(
        ormc::ModelVariants<Person>::search_from_json(nlohmann::json::parse(json))));
  }
  /// The InvalidSearch `json` is refused with.
  ormc::InvalidSearch refusal(const char* json) {
    try {
      ormc::ModelVariants<Person>::search_from_json(nlohmann::json::parse(json));
    } catch (const ormc::InvalidSearch& e) {
      return e;
    }
    ADD_FAILURE() << json << " was accepted";
    return ormc::InvalidSearch("", "", "");
  }
};

TEST_P(VariantsTest, CreateInsertsTheSuppliedFieldsWithTheModelsDefaultsAndReturnsTheRow) {
  Person ann = m->people.create(Person_Create{.name = "ann", .age = 30});
  EXPECT_GT(ann.id, 0);
  EXPECT_NE(ann.created_at, decltype(ann.created_at){}); // ormc's columns are ormc's
  std::optional<Person> stored = m->people.get(ann.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->name, "ann");
  EXPECT_EQ(stored->age, 30);
  EXPECT_EQ(stored->email, "nobody@example.org"); // the model's default
  EXPECT_TRUE(stored->active);
  EXPECT_THROW(m->people.create(Person_Create{.name = ""}), ormc::ValidationError);
  EXPECT_EQ(m->people.count(), 1);
}

TEST_P(VariantsTest, UpdateWritesOnlyTheMembersSetAndKeepsAnotherWritersChange) {
  Person ann = add("ann", 30, "5.00");
  // Another writer changes the age after ann was read.
  m->people.where(Person_::id == ann.id).update(Person_::age.set(41));
  std::vector<std::string> updates;
  db->on_statement([&](const ormc::StatementEvent& e) {
    if (e.sql.rfind("UPDATE", 0) == 0) updates.emplace_back(e.sql);
  });
  Person updated =
      m->people.update(ann.id, Person_Update{.name = "anne", .balance = Money("7.25")});
  db->on_statement(nullptr);
  // One statement, setting only the members given, the row's updated_at and the next version.
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_EQ(
      updates[0].substr(0, updates[0].find(" WHERE")),
      on_postgres()
          ? R"(UPDATE "person" SET "name" = $1, "balance" = $2, "updated_at" = $3, "version" = "version" + 1)"
          : R"(UPDATE "person" SET "name" = ?1, "balance" = ?2, "updated_at" = ?3, "version" = "version" + 1)");
  EXPECT_EQ(updated.name, "anne");
  EXPECT_EQ(updated.age, 41); // read fresh, and not written back
  EXPECT_GT(updated.updated_at, ann.updated_at);
  EXPECT_EQ(updated.version, ann.version + 2); // the bulk update's, then this one's
  std::optional<Person> stored = m->people.get(ann.id);
  EXPECT_EQ(stored->name, "anne");
  EXPECT_EQ(stored->age, 41);
  EXPECT_EQ(stored->balance, Money("7.25"));
  EXPECT_EQ(stored->version, updated.version);
  EXPECT_EQ(stored->updated_at, updated.updated_at);

  // A nullable member set to an empty optional writes NULL; nothing set writes nothing.
  m->people.update(ann.id, Person_Update{.age = std::optional<std::int32_t>()});
  EXPECT_EQ(m->people.get(ann.id)->age, std::nullopt);
  const std::int32_t version = m->people.get(ann.id)->version;
  m->people.update(ann.id, Person_Update{});
  EXPECT_EQ(m->people.get(ann.id)->version, version);

  EXPECT_THROW(m->people.update(ann.id, Person_Update{.name = ""}), ormc::ValidationError);
  EXPECT_EQ(m->people.get(ann.id)->name, "anne");
  EXPECT_THROW(m->people.update(ann.id + 100, Person_Update{.name = "x"}), ormc::NotFound);
}

TEST_P(VariantsTest, SearchTurnsEachFilterSetIntoAConditionOfARefinableQuery) {
  add("ann", 30, "5.00");
  add("bob", 17, "0.00");
  add("cy", std::nullopt, "12.50", false);
  add("al", 64, "100.00");
  EXPECT_EQ(names(m->people.search(Person_Search{})),
            (std::vector<std::string>{"al", "ann", "bob", "cy"}));
  EXPECT_EQ(names(m->people.search(Person_Search{.age = {.gte = 18, .lt = 65}})),
            (std::vector<std::string>{"al", "ann"}));
  EXPECT_EQ(names(m->people.search(Person_Search{.name = {.like = "a%"}, .age = {.ne = 64}})),
            (std::vector<std::string>{"ann"}));
  EXPECT_EQ(names(m->people.search(Person_Search{.age = {.is_null = true}})),
            (std::vector<std::string>{"cy"}));
  EXPECT_EQ(names(m->people.search(
                Person_Search{.name = {.in = std::vector<std::string>{"bob", "cy", "dan"}}})),
            (std::vector<std::string>{"bob", "cy"}));
  EXPECT_EQ(m->people.search(Person_Search{.name = {.in = std::vector<std::string>{}}}).count(), 0);
  // The query refines further.
  EXPECT_EQ(
      m->people.search(Person_Search{.active = {.eq = true}}).where(Person_::age > 20).count(), 2);
  EXPECT_THROW(m->people.search(Person_Search{.age = {.like = "3%"}}), ormc::InvalidSearch);
}

TEST_P(VariantsTest, SearchFromJsonReadsValuesAndOperatorsCheckedAgainstEachColumn) {
  add("ann", 30, "5.00");
  add("bob", 17, "0.00");
  add("cy", std::nullopt, "12.50", false);
  add("al", 64, "100.00");
  EXPECT_EQ(names_from_json(R"({"age": {"gte": 18, "lt": 65}})"),
            (std::vector<std::string>{"al", "ann"}));
  EXPECT_EQ(names_from_json(R"({"name": "bob"})"), (std::vector<std::string>{"bob"}));
  EXPECT_EQ(names_from_json(R"({"active": false, "age": {"is_null": true}})"),
            (std::vector<std::string>{"cy"}));
  EXPECT_EQ(names_from_json(R"({"balance": {"gt": "5.00", "lte": "100.00"}})"),
            (std::vector<std::string>{"al", "cy"}));
  EXPECT_EQ(names_from_json(R"({"id": {"in": [1, 3]}, "name": {"like": "%"}})"),
            (std::vector<std::string>{"ann", "cy"}));
  EXPECT_EQ(names_from_json("{}").size(), 4u);
}

TEST_P(VariantsTest, SearchFromJsonNamesEachFieldOperatorOrValueItCannotTake) {
  struct Case {
    const char* json;
    const char* field;
    const char* message;
  };
  const Case cases[] = {
      {R"({"nmae": "ann"})", "nmae",
       "search of unit::Person, \"nmae\": no such field (the fields: created_at, updated_at, id, "
       "name, age, email, balance, active, version)"},
      {R"({"age": {"gtx": 3}})", "age.gtx",
       "search of unit::Person, \"age.gtx\": unknown operator (eq, ne, lt, lte, gt, gte, in, "
       "like, is_null)"},
      {R"({"age": "thirty"})", "age",
       "search of unit::Person, \"age\": expected an integer, got the string \"thirty\""},
      {R"({"age": {"gt": 3000000000}})", "age.gt",
       "search of unit::Person, \"age.gt\": 3000000000 is out of the column's range"},
      {R"({"age": {"in": [1, "2"]}})", "age.in[1]",
       "search of unit::Person, \"age.in[1]\": expected an integer, got the string \"2\""},
      {R"({"age": {"like": "3%"}})", "age.like",
       "search of unit::Person, \"age.like\": like applies to text columns"},
      {R"({"name": {"is_null": true}})", "name.is_null",
       "search of unit::Person, \"name.is_null\": is_null applies to nullable columns"},
      {R"({"balance": {"gt": 5.5}})", "balance.gt",
       "search of unit::Person, \"balance.gt\": expected a decimal as a string (\"10.50\"), got "
       "the number 5.5"},
      {R"({"active": 1})", "active",
       "search of unit::Person, \"active\": expected true or false, got the integer 1"},
      {R"([1, 2])", "", "search of unit::Person: expected a JSON object of fields, got an array"},
  };
  for (const Case& c : cases) {
    ormc::InvalidSearch e = refusal(c.json);
    EXPECT_EQ(e.field(), c.field) << c.json;
    EXPECT_EQ(e.model(), "unit::Person") << c.json;
    EXPECT_STREQ(e.what(), c.message) << c.json;
  }
}

} // namespace

ORMC_INSTANTIATE_FOR_BACKENDS(VariantsTest);
