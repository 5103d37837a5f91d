// docs/type-mapping.md: the names, dates, decimals and JSON of a schema made elsewhere.
#include "schema.ormc.hpp"

#include <cstdio>

using namespace std::chrono;
using store::Invoice_;

std::string date_time(sys_seconds at) {
  year_month_day day{floor<days>(at)};
  hh_mm_ss time{at - floor<days>(at)};
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u %02lld:%02lld:%02lld", int(day.year()),
                unsigned(day.month()), unsigned(day.day()),
                static_cast<long long>(time.hours().count()),
                static_cast<long long>(time.minutes().count()),
                static_cast<long long>(time.seconds().count()));
  return text;
}

int main() {
  ormc::Database db("sqlite::memory:");
  store::Models m(db);
  m.create_schema();
  // The schema's own SQL loaded this row; ormc reads it as it is.
  db.execute("INSERT INTO \"Invoice\" (\"InvoiceId\", \"InvoiceDate\", \"Total\", \"Billing\") "
             "VALUES (98, '2021-01-01 00:00:00', 399, '{\"city\": \"Oslo\", \"lines\": 2}')");
  store::Invoice next{.invoice_id = 99,
                      .invoice_date = sys_days(2021y / January / 2) + hours(9),
                      .total = ormc::decimal<10, 2>("13.86"),
                      .billing = {{"city", "Paris"}, {"lines", 7}}};
  m.invoices.insert(next);

  for (const store::Invoice& i : m.invoices.query().order_by(Invoice_::invoice_id))
    std::printf("invoice %lld: %s, total %s, billed in %s\n", static_cast<long long>(i.invoice_id),
                date_time(i.invoice_date).c_str(), i.total.to_string().c_str(),
                i.billing["city"].get<std::string>().c_str());
  std::printf("total: %s\n", m.invoices.query().sum(Invoice_::total)->to_string().c_str());
  auto big = m.invoices.where(Invoice_::billing.path<std::int64_t>("lines") > 5);
  std::printf("invoices with more than 5 lines: %lld\n", static_cast<long long>(big.count()));
  db.with_connection([](auto& conn) {
    auto row = conn.prepare("SELECT \"InvoiceDate\", \"Total\" FROM \"Invoice\" WHERE "
                            "\"InvoiceId\" = 99");
    std::string date;
    std::int64_t cents = 0;
    if (row->step()) row->read(0, date), row->read(1, cents);
    std::printf("stored as the schema stores it: '%s', %lld cents\n", date.c_str(),
                static_cast<long long>(cents));
  });
}
