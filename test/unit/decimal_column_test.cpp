// ormc::decimal columns on both backends: exact round trips, numeric comparison and sums in SQL,
// and a schema made elsewhere that stores NUMERIC(10,2) as plain numbers.
#include "backend_fixture.hpp"

#include <gtest/gtest.h>

namespace unit {
namespace {

using DecimalColumnTest = BackendTest;

TEST_P(DecimalColumnTest, ValuesRoundTripToTheLastDigit) {
  Product widget{.id = 0, .name = "widget", .price = Price("99999999.99"), .rate = std::nullopt};
  Product refund{.id = 0,
                 .name = "refund",
                 .price = Price("-0.01"),
                 .rate = ormc::decimal<18, 6>("123456789012.345678")};
  m->products.insert(widget);
  m->products.insert(refund);
  EXPECT_EQ(m->products.get(widget.id)->price, widget.price);
  EXPECT_FALSE(m->products.get(widget.id)->rate.has_value());
  EXPECT_EQ(m->products.get(refund.id)->price, refund.price);
  EXPECT_EQ(m->products.get(refund.id)->rate, refund.rate);
  using Discount = ormc::decimal<5, 2>;
  EXPECT_EQ(m->products.get(refund.id)->discount, Discount("1.50"));
  std::string price = on_postgres() ? "\"price\"::text" : "CAST(\"price\" AS TEXT)";
  // SQLite holds cents as an INTEGER (exact, sorts and sums as numbers); PostgreSQL NUMERIC.
  EXPECT_EQ(stored("SELECT " + price + " FROM \"product\" WHERE \"name\" = 'refund'"),
            on_postgres() ? "-0.01" : "-1");
}

TEST_P(DecimalColumnTest, SqlComparesAndSumsExactly) {
  for (const char* price : {"9.99", "10.00", "0.10", "0.20"}) {
    Product row{.id = 0, .name = price, .price = Price(price), .rate = {}};
    m->products.insert(row);
  }
  EXPECT_EQ(m->products.where(Product_::price > Price("9.99")).first()->name, "10.00");
  auto ordered = m->products.query().order_by(Product_::price.desc()).select(Product_::price);
  EXPECT_EQ(std::get<0>(ordered.front()), Price("10.00"));
  EXPECT_EQ(m->products.query().sum(Product_::price), Price("20.29"));
  EXPECT_EQ(m->products.where(Product_::price < Price("1")).sum(Product_::price), Price("0.30"));
  EXPECT_EQ(m->products.query().max(Product_::price), Price("10.00"));
  EXPECT_EQ(m->products.where(Product_::name == "0.10").update(Product_::price.set(Price("0.11"))),
            1);
  EXPECT_EQ(m->products.query().sum(Product_::price), Price("20.30"));
}

TEST_P(DecimalColumnTest, OtherWritersAreHeldToThePrecision) {
  // 10 digits in all: NUMERIC(10, 2) on PostgreSQL, a CHECK on SQLite's count of cents.
  std::string too_large = on_postgres() ? "123456789.00" : "12345678900";
  EXPECT_THROW(db->execute("INSERT INTO \"product\" (\"name\", \"price\", \"discount\") VALUES "
                           "('x', " +
                           too_large + ", 0)"),
               ormc::Error);
  EXPECT_EQ(m->products.count(), 0);
}

// The Track table of a sample database, made and filled by its own SQL: NUMERIC(10,2) prices
// that SQLite stores as REAL 0.99 and INTEGER 1.
TEST_P(DecimalColumnTest, ATrackTableMadeByItsOwnSqlReadsItsPricesToTheCent) {
  db->execute("DROP TABLE \"Track\"");
  db->execute("CREATE TABLE \"Track\" (\"TrackId\" INTEGER NOT NULL PRIMARY KEY, \"Name\" "
              "VARCHAR(200) NOT NULL, \"UnitPrice\" NUMERIC(10,2) NOT NULL)");
  db->execute("INSERT INTO \"Track\" VALUES (1, 'For Those About To Rock', 0.99), "
              "(2, 'Balls to the Wall', 1.99), (3, 'Fast As a Shark', 1.00)");
  EXPECT_EQ(m->tracks.get(1)->unit_price, Price("0.99"));
  EXPECT_EQ(m->tracks.get(2)->unit_price, Price("1.99"));
  EXPECT_EQ(m->tracks.get(3)->unit_price, Price("1.00"));
  EXPECT_EQ(m->tracks.where(Track_::unit_price == Price("0.99")).count(), 1);
  EXPECT_EQ(m->tracks.where(Track_::unit_price > Price("0.99")).count(), 2);
  Track restless{.track_id = 4, .name = "Restless and Wild", .unit_price = Price("0.99")};
  m->tracks.insert(restless);
  std::string written =
      stored(on_postgres() ? "SELECT \"UnitPrice\"::text FROM \"Track\" WHERE "
                             "\"TrackId\" = 4"
                           : "SELECT typeof(\"UnitPrice\") || ' ' || \"UnitPrice\" "
                             "FROM \"Track\" WHERE \"TrackId\" = 4");
  // Stored as the schema's own SQL stores it.
  EXPECT_EQ(written, on_postgres() ? "0.99" : "real 0.99");
  EXPECT_EQ(m->tracks.where(Track_::unit_price == Price("0.99")).count(), 2);
  if (!on_postgres()) {
    db->execute("UPDATE \"Track\" SET \"UnitPrice\" = 0.995 WHERE \"TrackId\" = 1");
    try {
      m->tracks.get(1);
      FAIL() << "a price finer than a cent must not be rounded";
    } catch (const ormc::DataError& e) {
      std::string message = e.what();
      EXPECT_NE(message.find("unit::Track with key 1"), std::string::npos) << message;
      EXPECT_NE(message.find("(UnitPrice) holds '0.995'"), std::string::npos) << message;
    }
  }
}

ORMC_INSTANTIATE_FOR_BACKENDS(DecimalColumnTest);

} // namespace
} // namespace unit
