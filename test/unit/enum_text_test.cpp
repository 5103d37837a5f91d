// Enums stored as their enumerators' names (ormc:column(storage=text)), on both backends.
#include "backend_fixture.hpp"

#include <gtest/gtest.h>

namespace unit {
namespace {

using EnumTextTest = BackendTest;

TEST_P(EnumTextTest, EnumsRoundTripAsTheirNames) {
  Ticket urgent{.id = 0, .priority = Priority::urgent, .escalated = Priority::low};
  Ticket plain{.id = 0, .priority = Priority::normal, .escalated = std::nullopt};
  m->tickets.insert(urgent);
  m->tickets.insert(plain);
  EXPECT_EQ(m->tickets.get(urgent.id)->priority, Priority::urgent);
  EXPECT_EQ(m->tickets.get(urgent.id)->escalated, Priority::low);
  EXPECT_FALSE(m->tickets.get(plain.id)->escalated.has_value());
  EXPECT_EQ(
      stored("SELECT \"priority\" FROM \"ticket\" WHERE \"id\" = " + std::to_string(urgent.id)),
      "urgent");
  EXPECT_EQ(m->tickets.where(Ticket_::priority == Priority::urgent).first()->id, urgent.id);
  EXPECT_EQ(m->tickets.where(Ticket_::priority.in({Priority::low, Priority::normal})).count(), 1);
  EXPECT_EQ(
      m->tickets.where(Ticket_::id == plain.id).update(Ticket_::escalated.set(Priority::urgent)),
      1);
  EXPECT_EQ(m->tickets.get(plain.id)->escalated, Priority::urgent);
}

TEST_P(EnumTextTest, AValueWithoutANameIsRefusedAndOtherWritersAreHeldToTheNames) {
  Ticket odd{.id = 0, .priority = static_cast<Priority>(9), .escalated = std::nullopt};
  EXPECT_THROW(m->tickets.insert(odd), ormc::DataError);
  EXPECT_EQ(m->tickets.count(), 0);
  EXPECT_THROW(db->execute("INSERT INTO \"ticket\" (\"priority\") VALUES ('purple')"),
               ormc::CheckViolation);
}

TEST_P(EnumTextTest, AStoredNameThatIsNoEnumeratorIsADataErrorNamingModelColumnAndKey) {
  Ticket row{.id = 0, .priority = Priority::low, .escalated = std::nullopt};
  m->tickets.insert(row);
  // A writer that got past the CHECK (one made before a name was removed, say).
  if (on_postgres()) {
    db->execute("ALTER TABLE \"ticket\" DROP CONSTRAINT \"ck_ticket_priority\"");
    db->execute("UPDATE \"ticket\" SET \"priority\" = 'purple'");
  } else {
    db->execute("PRAGMA ignore_check_constraints = ON");
    db->execute("UPDATE \"ticket\" SET \"priority\" = 'purple'");
  }
  try {
    m->tickets.get(row.id);
    FAIL() << "expected DataError";
  } catch (const ormc::DataError& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("unit::Ticket with key " + std::to_string(row.id)), std::string::npos)
        << message;
    EXPECT_NE(message.find("(priority) holds 'purple', which is not an enumerator of "
                           "unit::Priority"),
              std::string::npos)
        << message;
  }
}

ORMC_INSTANTIATE_FOR_BACKENDS(EnumTextTest);

} // namespace
} // namespace unit
