// The operation variants of a model (ormc:table(variants)), on both backends: create() from
// the Create struct, update(key, changes) writing only the members set (with validation,
// updated_at and the version), search() from the Search struct and from the JSON object an
// HTTP API receives, with every bad field, operator and value named. Model: models/people.hpp.
#include "backend_fixture.hpp"

#include <chrono>
#include <cstdio>
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

TEST_P(VariantsTest, SearchFromJsonReadsTimesDatesAndEnumsAsAnHttpClientWritesThem) {
  using std::chrono::sys_days;
  using namespace std::chrono_literals;
  auto person = [&](const char* name, unit::Level tier, unit::Channel channel,
                    std::optional<sys_days> born) {
    return m->people.create(
        Person_Create{.name = name, .tier = tier, .channel = channel, .born = born});
  };
  person("ann", unit::Level::gold, unit::Channel::phone, sys_days(2001y / 2 / 3));
  person("bob", unit::Level::basic, unit::Channel::web, std::nullopt);
  const Person cy = person("cy", unit::Level::gold, unit::Channel::web, sys_days(1999y / 12 / 31));
  // An enum stored as its names is searched by name; one stored as its integer, by that integer.
  EXPECT_EQ(names_from_json(R"({"tier": "gold"})"), (std::vector<std::string>{"ann", "cy"}));
  EXPECT_EQ(names_from_json(R"({"tier": {"in": ["basic"]}, "channel": 1})"),
            (std::vector<std::string>{"bob"}));
  EXPECT_EQ(names_from_json(R"({"channel": {"ne": 1}})"), (std::vector<std::string>{"ann"}));
  // Dates as YYYY-MM-DD.
  EXPECT_EQ(names_from_json(R"({"born": {"lt": "2000-01-01"}})"), (std::vector<std::string>{"cy"}));
  EXPECT_EQ(names_from_json(R"({"born": {"gte": "1999-12-31", "is_null": false}})"),
            (std::vector<std::string>{"ann", "cy"}));
  // Times as ISO 8601 text, a zone offset converted to UTC: cy was created last.
  const sys_days day = std::chrono::floor<std::chrono::days>(cy.created_at);
  const std::chrono::year_month_day date(day);
  const std::chrono::hh_mm_ss time(cy.created_at - day);
  char iso[40];
  std::snprintf(iso, sizeof iso, "%04d-%02u-%02uT%02d:%02d:%02d.%06lldZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
                static_cast<long long>(time.subseconds().count()));
  EXPECT_EQ(names_from_json((R"({"created_at": {"gte": ")" + std::string(iso) + R"("}})").c_str()),
            (std::vector<std::string>{"cy"}));
  EXPECT_EQ(names_from_json(R"({"created_at": {"gt": "2000-01-01T01:00:00+01:00"}})").size(), 3u);
  EXPECT_EQ(names_from_json(R"({"created_at": {"lt": "2000-01-01T00:00:00Z"}})").size(), 0u);
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
       "name, age, email, balance, active, tier, channel, born, last_seen, "
       "version)"},
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
      {R"({"tier": "platinum"})", "tier",
       "search of unit::Person, \"tier\": \"platinum\" is none of basic, gold"},
      {R"({"tier": 1})", "tier",
       "search of unit::Person, \"tier\": expected an enumerator's name, got the integer 1"},
      {R"({"channel": {"in": [1, 70000]}})", "channel.in[1]",
       "search of unit::Person, \"channel.in[1]\": 70000 is out of the column's range"},
      {R"({"born": "3 May 2001"})", "born",
       "search of unit::Person, \"born\": \"3 May 2001\" is not a date (YYYY-MM-DD)"},
      {R"({"born": 20010503})", "born",
       "search of unit::Person, \"born\": expected a date as \"YYYY-MM-DD\", got the integer "
       "20010503"},
      {R"({"created_at": {"gt": "yesterday"}})", "created_at.gt",
       "search of unit::Person, \"created_at.gt\": \"yesterday\" is not an ISO 8601 time "
       "(2026-12-05T10:00:00Z)"},
      {R"({"last_seen": {"gte": "2026-01-01T00:00:00.5Z"}})", "last_seen.gte",
       "search of unit::Person, \"last_seen.gte\": 2026-01-01T00:00:00.5Z is finer than the "
       "column's precision"},
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
