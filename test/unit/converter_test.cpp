// User types stored through ormc::converter<T>, on both backends: what is stored is what the
// converter makes, queries compare converted values, and a stored value the converter refuses
// is a DataError naming model, key and column.
#include "backend_fixture.hpp"

#include <gtest/gtest.h>

namespace unit {
namespace {

using ConverterTest = BackendTest;

Subscriber sample(std::string email, std::int64_t customer, Tier tier) {
  return {.id = 0,
          .email = Email{std::move(email)},
          .customer = CustomerNumber{customer},
          .backup_email = std::nullopt,
          .tier = tier};
}

TEST_P(ConverterTest, ValuesAreStoredAsTheConverterMakesThemAndReadBack) {
  Subscriber ada = sample("ada@example.org", 1815, Tier::gold);
  ada.backup_email = Email{"countess@example.org"};
  Subscriber bob = sample("bob@example.org", 42, Tier::silver);
  m->subscribers.insert(ada);
  m->subscribers.insert(bob);
  std::optional<Subscriber> back = m->subscribers.get(ada.id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->email, ada.email);
  EXPECT_EQ(back->customer, ada.customer);
  EXPECT_EQ(back->backup_email, ada.backup_email);
  EXPECT_EQ(back->tier, Tier::gold);
  EXPECT_EQ(m->subscribers.get(bob.id)->backup_email, std::nullopt);
  std::string row = " FROM \"subscriber\" WHERE \"id\" = " + std::to_string(ada.id);
  EXPECT_EQ(stored("SELECT \"email\"" + row), "ada@example.org");
  EXPECT_EQ(stored<std::int64_t>("SELECT \"customer\"" + row), 1815);
  EXPECT_EQ(stored("SELECT \"tier\"" + row), "G");
}

TEST_P(ConverterTest, ConditionsAndUpdatesTakeTheUsersType) {
  Subscriber ada = sample("ada@example.org", 1815, Tier::gold);
  Subscriber bob = sample("bob@example.org", 42, Tier::silver);
  m->subscribers.insert(ada);
  m->subscribers.insert(bob);
  EXPECT_EQ(m->subscribers.where(Subscriber_::email == Email{"bob@example.org"}).count(), 1);
  EXPECT_EQ(m->subscribers.where(Subscriber_::customer > CustomerNumber{100}).count(), 1);
  EXPECT_EQ(m->subscribers.where(Subscriber_::tier.in({Tier::gold, Tier::bronze})).count(), 1);
  EXPECT_EQ(
      m->subscribers.where(Subscriber_::id == bob.id).update(Subscriber_::tier.set(Tier::bronze)),
      1);
  EXPECT_EQ(m->subscribers.get(bob.id)->tier, Tier::bronze);
  // The unique constraint is on the stored text.
  Subscriber again = sample("ada@example.org", 7, Tier::bronze);
  EXPECT_THROW(m->subscribers.insert(again), ormc::UniqueViolation);
}

TEST_P(ConverterTest, AStoredValueTheConverterRefusesIsADataErrorNamingModelKeyAndColumn) {
  Subscriber ada = sample("ada@example.org", 1815, Tier::gold);
  m->subscribers.insert(ada);
  db->execute("UPDATE \"subscriber\" SET \"tier\" = 'X'");
  std::string message = data_error_of([&] { m->subscribers.get(ada.id); });
  EXPECT_NE(message.find("unit::Subscriber with key " + std::to_string(ada.id)), std::string::npos)
      << message;
  EXPECT_NE(message.find("(tier): the converter refused the stored value: unknown tier code 'X'"),
            std::string::npos)
      << message;
}

ORMC_INSTANTIATE_FOR_BACKENDS(ConverterTest);

} // namespace
} // namespace unit
