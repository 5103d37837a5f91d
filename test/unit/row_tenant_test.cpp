// Row-level tenancy (ormc:tenant, Models::row_tenant()): the rows of many tenants share a table,
// and through one tenant's models every statement on it reads and writes that tenant's rows only:
// get, all, count, queries, projections, aggregates, groups, joins, correlated subqueries,
// relations, eager loading, history, lazy iteration, update and remove of a row and in bulk,
// upsert. Without a row tenant such a table is refused, not read whole.
#include "backend_fixture.hpp"

#include <algorithm>
#include <atomic>
#include <ormc/pool.hpp>
#include <ormc/raw_sql.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace unit {
namespace {

using shop::Charge;
using shop::Charge_;
using shop::Invoice;
using shop::Invoice_;
using shop::Seat;

Invoice add_invoice(Models& tenant, const std::string& number, std::int64_t cents) {
  Invoice invoice;
  invoice.number = number;
  invoice.total_cents = cents;
  tenant.invoices.insert(invoice);
  return invoice;
}

Charge add_charge(Models& tenant, const Invoice& invoice, const std::string& item,
                  std::int64_t cents) {
  Charge charge;
  charge.invoice_id = invoice.id;
  charge.item = item;
  charge.cents = cents;
  tenant.charges.insert(charge);
  return charge;
}

std::vector<std::string> numbers(const std::vector<Invoice>& invoices) {
  std::vector<std::string> out;
  for (const Invoice& i : invoices)
    out.push_back(i.number);
  std::sort(out.begin(), out.end());
  return out;
}

class RowTenantTest : public BackendTest {
protected:
  void SetUp() override {
    BackendTest::SetUp();
    acme = std::make_unique<Models>(m->row_tenant("acme"));
    bravo = std::make_unique<Models>(m->row_tenant("bravo"));
    a1 = add_invoice(*acme, "A-1", 100);
    a2 = add_invoice(*acme, "A-2", 250);
    b1 = add_invoice(*bravo, "B-1", 999);
    add_charge(*acme, a1, "paper", 40);
    add_charge(*acme, a1, "ink", 60);
    add_charge(*acme, a2, "desk", 250);
    add_charge(*bravo, b1, "yacht", 999);
  }

  /// Every invoice as stored, past the tenants' filter.
  std::vector<std::string> stored_invoices() {
    std::vector<std::string> out;
    db->with_connection([&](auto& conn) {
      auto statement = conn.prepare(
          R"(SELECT "tenant_id", "number", "total_cents" FROM "invoice" ORDER BY "number")");
      while (statement->step()) {
        std::string tenant, number;
        std::int64_t cents = 0;
        statement->read(0, tenant);
        statement->read(1, number);
        statement->read(2, cents);
        out.push_back(tenant + " " + number + " " + std::to_string(cents));
      }
    });
    return out;
  }

  std::unique_ptr<Models> acme, bravo;
  Invoice a1, a2, b1;
};

TEST_P(RowTenantTest, AnInsertWritesItsTenantIntoTheRow) {
  EXPECT_EQ(a1.tenant_id, "acme");
  EXPECT_EQ(b1.tenant_id, "bravo");
  EXPECT_EQ(stored_invoices(),
            (std::vector<std::string>{"acme A-1 100", "acme A-2 250", "bravo B-1 999"}));
  Invoice many[2];
  many[0].number = "B-2";
  many[1].number = "B-3";
  bravo->invoices.insert_all(many);
  EXPECT_EQ(many[0].tenant_id, "bravo");
  EXPECT_EQ(many[1].tenant_id, "bravo");
}

TEST_P(RowTenantTest, EveryReadSeesItsOwnTenantsRowsOnly) {
  EXPECT_EQ(numbers(acme->invoices.all()), (std::vector<std::string>{"A-1", "A-2"}));
  EXPECT_EQ(numbers(bravo->invoices.all()), (std::vector<std::string>{"B-1"}));
  EXPECT_EQ(acme->invoices.count(), 2);
  EXPECT_EQ(bravo->charges.count(), 1);
  EXPECT_FALSE(acme->invoices.get(b1.id).has_value());
  EXPECT_TRUE(bravo->invoices.get(b1.id).has_value());
  EXPECT_EQ(acme->invoices.where(Invoice_::total_cents > 0).count(), 2);
  EXPECT_FALSE(acme->invoices.where(Invoice_::number == "B-1").exists());
  EXPECT_FALSE(acme->invoices.where(Invoice_::id == b1.id).first().has_value());
  EXPECT_EQ(*acme->invoices.query().sum(Invoice_::total_cents), 350);
  EXPECT_EQ(*bravo->invoices.query().max(Invoice_::total_cents), 999);
  auto projected = acme->invoices.query().order_by(Invoice_::number).select(Invoice_::number);
  ASSERT_EQ(projected.size(), 2u);
  EXPECT_EQ(std::get<0>(projected[1]), "A-2");
  auto groups = acme->charges.query()
                    .group_by(Charge_::invoice_id)
                    .select(Charge_::invoice_id, ormc::sum(Charge_::cents));
  EXPECT_EQ(groups.size(), 2u);
  for (const auto& [invoice, cents] : groups)
    EXPECT_TRUE(invoice == a1.id ? cents == 100 : invoice == a2.id && cents == 250);
  std::vector<std::string> iterated; // lazily, a row at a time
  for (const Invoice& i : bravo->invoices.query())
    iterated.push_back(i.number);
  EXPECT_EQ(iterated, (std::vector<std::string>{"B-1"}));
}

TEST_P(RowTenantTest, JoinsSubqueriesRelationsAndEagerLoadingStayInTheTenant) {
  // A join whose condition alone would pair rows of two tenants.
  auto pairs = acme->charges.join<Invoice>(Charge_::cents <= Invoice_::total_cents).all();
  for (const auto& [charge, invoice] : pairs) {
    EXPECT_EQ(charge.tenant_id, "acme");
    EXPECT_EQ(invoice.tenant_id, "acme");
  }
  EXPECT_EQ(pairs.size(), 5u); // paper, ink and desk against A-2; paper and ink against A-1
  // A foreign key knows no tenants: bravo's charge may name acme's invoice, and still is not
  // acme's. Correlated: the invoices with a charge of 999 cents; acme sees none.
  add_charge(*bravo, a2, "spy", 999);
  EXPECT_EQ(acme->invoices.charges(a2).count(), 1);
  auto rich = ormc::exists<Charge>(Charge_::invoice_id == Invoice_::id && Charge_::cents == 999);
  EXPECT_EQ(acme->invoices.where(rich).count(), 0);
  EXPECT_EQ(bravo->invoices.where(rich).count(), 1);
  // An uncorrelated subquery over the charges: bravo's 999 is not among acme's.
  auto big = acme->charges.where(Charge_::cents > 200).subquery(Charge_::invoice_id);
  EXPECT_EQ(numbers(acme->invoices.where(Invoice_::id.in(big)).all()),
            (std::vector<std::string>{"A-2"}));
  // Relations and eager loading from a row of the other tenant find nothing.
  EXPECT_EQ(acme->invoices.charges(a1).count(), 2);
  EXPECT_EQ(acme->invoices.charges(b1).count(), 0);
  const Charge yacht = bravo->charges.all().front();
  EXPECT_FALSE(acme->charges.invoice(yacht).has_value());
  auto loaded = acme->invoices.load_charges(std::vector<Invoice>{a1, b1});
  EXPECT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded.of(a1.id).size(), 2u);
  EXPECT_TRUE(loaded.of(b1.id).empty());
}

TEST_P(RowTenantTest, NoTenantChangesAnotherTenantsRows) {
  // A row of acme's, as bravo would write it: its key, without a tenant.
  Invoice stolen;
  stolen.id = a1.id;
  stolen.number = "A-1";
  stolen.total_cents = 1;
  EXPECT_THROW(bravo->invoices.update(stolen), ormc::NotFound);
  stolen.tenant_id.clear();
  EXPECT_THROW(bravo->invoices.update(stolen, Invoice_::total_cents), ormc::NotFound);
  EXPECT_FALSE(bravo->invoices.remove(a1.id));
  EXPECT_FALSE(bravo->invoices.purge(a2.id));
  EXPECT_EQ(bravo->invoices.where(Invoice_::total_cents > 0).update(Invoice_::total_cents.set(0)),
            1);
  EXPECT_EQ(bravo->charges.query().remove(), 1);
  EXPECT_EQ(bravo->invoices.query().purge(), 1);
  // An upsert meeting acme's row by key or by a unique column writes nothing over it.
  stolen.tenant_id.clear();
  EXPECT_THROW(bravo->invoices.upsert(stolen), ormc::UniqueViolation);
  Invoice same_number;
  same_number.number = "A-2";
  EXPECT_THROW(bravo->invoices.upsert(same_number, Invoice_::number), ormc::UniqueViolation);
  EXPECT_EQ(stored_invoices(), (std::vector<std::string>{"acme A-1 100", "acme A-2 250"}));
  EXPECT_EQ(acme->charges.count(), 3);
}

TEST_P(RowTenantTest, ARowKeepsItsTenant) {
  Invoice theirs = *acme->invoices.get(a1.id);
  theirs.total_cents = 5;
  try {
    bravo->invoices.update(theirs);
    FAIL() << "a row of acme's written through bravo";
  } catch (const ormc::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("Invoice.tenant_id (ormc:tenant)"), std::string::npos)
        << e.what();
  }
  Invoice copy = theirs;
  copy.id = 0;
  copy.number = "A-9";
  EXPECT_THROW(bravo->invoices.insert(copy), ormc::UsageError);
  acme->invoices.update(theirs); // its own tenant may
  EXPECT_EQ(acme->invoices.get(a1.id)->total_cents, 5);
  // Soft delete, restore and history are the tenant's too.
  EXPECT_TRUE(acme->invoices.remove(a1.id));
  EXPECT_FALSE(bravo->invoices.restore(a1.id));
  EXPECT_EQ(bravo->invoices.with_deleted().count(), 1);
  EXPECT_TRUE(acme->invoices.restore(a1.id));
  EXPECT_GE(acme->invoices.history(a1.id).size(), 2u);
  EXPECT_TRUE(bravo->invoices.history(a1.id).empty());
}

TEST_P(RowTenantTest, WithoutARowTenantATenantsTableIsRefused) {
  try {
    m->invoices.all();
    FAIL() << "every tenant's invoices read without a row tenant";
  } catch (const ormc::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("row_tenant(id)"), std::string::npos) << e.what();
  }
  EXPECT_THROW(m->invoices.count(), ormc::UsageError);
  EXPECT_THROW(m->invoices.where(Invoice_::number == "A-1").first(), ormc::UsageError);
  EXPECT_THROW(m->invoices.remove(a1.id), ormc::UsageError);
  EXPECT_THROW(m->invoices.query().remove(), ormc::UsageError);
  EXPECT_THROW(
      (void)m->users.where(ormc::exists<Charge>(Charge_::cents == blog::User_::id)).count(),
      ormc::UsageError);
  Invoice orphan;
  orphan.number = "X-1";
  try {
    m->invoices.insert(orphan);
    FAIL() << "an invoice of no tenant inserted";
  } catch (const ormc::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("Invoice.tenant_id"), std::string::npos) << e.what();
  }
  EXPECT_THROW(m->seats.all(), ormc::UsageError);
  EXPECT_THROW(m->row_tenant(""), ormc::UsageError);
  EXPECT_EQ(stored_invoices().size(), 3u);
  // Models without an ormc:tenant column are shared, and read as ever.
  EXPECT_NO_THROW(acme->users.all());
  EXPECT_EQ(m->users.count(), 0);
}

TEST_P(RowTenantTest, AnIntegerTenantInACompositeKeyUnderReservedWords) {
  Models seven = m->row_tenant(7);
  Models eight = m->row_tenant(std::int64_t{8});
  Seat s{.org = 0, .number = 1, .holder = "ann"};
  seven.seats.insert(s);
  EXPECT_EQ(s.org, 7);
  Seat t{.org = 0, .number = 1, .holder = "bob"}; // the same number, another tenant
  eight.seats.insert(t);
  EXPECT_EQ(seven.seats.get({7, 1})->holder, "ann");
  EXPECT_FALSE(eight.seats.get({7, 1}).has_value());
  Seat u{.org = 0, .number = 1, .holder = "cy"};
  eight.seats.upsert(u); // its own row
  EXPECT_EQ(eight.seats.get({8, 1})->holder, "cy");
  EXPECT_EQ(seven.seats.get({7, 1})->holder, "ann");
  EXPECT_FALSE(eight.seats.remove({7, 1}));
  EXPECT_EQ(seven.seats.count(), 1);
  // A text tenant for an integer column, and the other way round.
  EXPECT_THROW(m->row_tenant("7").seats.insert(u), ormc::UsageError);
  Invoice i;
  i.number = "N-1";
  EXPECT_THROW(seven.invoices.insert(i), ormc::UsageError);
}

TEST_P(RowTenantTest, InterleavedIterationAndTransactionsKeepTheirTenants) {
  // Two tenants' lazy reads open at once on one connection, each still its own.
  std::vector<std::string> seen_a, seen_b;
  ormc::Query<Invoice> a = acme->invoices.query().order_by(Invoice_::number);
  ormc::Query<Invoice> b = bravo->invoices.query();
  auto ia = a.begin();
  auto ib = b.begin();
  seen_a.push_back(ia->number);
  for (; ib != b.end(); ++ib)
    seen_b.push_back(ib->number);
  add_invoice(*bravo, "B-7", 7);
  for (++ia; ia != a.end(); ++ia)
    seen_a.push_back(ia->number);
  EXPECT_EQ(seen_a, (std::vector<std::string>{"A-1", "A-2"}));
  EXPECT_EQ(seen_b, (std::vector<std::string>{"B-1"}));
  // One transaction, both tenants' writes; the rollback takes both.
  {
    ormc::Transaction tx(*db);
    add_invoice(*acme, "A-3", 3);
    add_invoice(*bravo, "B-3", 3);
    EXPECT_EQ(acme->invoices.count(), 3);
    EXPECT_EQ(bravo->invoices.count(), 3);
  }
  EXPECT_EQ(acme->invoices.count(), 2);
  EXPECT_EQ(bravo->invoices.count(), 2);
}

TEST_P(RowTenantTest, TheStatementsShowTheirFilter) {
  const std::string sql = acme->invoices.where(Invoice_::number == "A-1").sql(db->dialect());
  EXPECT_NE(sql.find("\"tenant_id\" = "), std::string::npos) << sql;
  EXPECT_NE(sql.find("/* ormc:tenant parameter 2 */"), std::string::npos) << sql;
}

class RowTenantPoolTest : public SharedDatabaseTest {};

TEST_P(RowTenantPoolTest, EightThreadsOnFourConnectionsNeverCrossTenants) {
  ormc::Pool pool(url, 4);
  const std::vector<std::string> tenants = {"t0", "t1", "t2"};
  constexpr int threads = 8, per_thread = 60;
  std::atomic<int> errors{0}, crossed{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        try {
          auto lease = pool.acquire();
          Models tenant = Models(*lease).row_tenant(tenants[static_cast<std::size_t>((t + i) % 3)]);
          Invoice invoice;
          invoice.number = std::to_string(t) + "/" + std::to_string(i);
          if (i % 2 == 0) {
            tenant.invoices.insert(invoice);
          } else {
            ormc::Transaction tx(tenant.database());
            tenant.invoices.insert(invoice);
            tx.commit();
          }
          for (const Invoice& seen : tenant.invoices.query().with_deleted().all())
            if (seen.tenant_id != invoice.tenant_id) ++crossed;
        } catch (const std::exception& e) {
          ++errors;
          ADD_FAILURE() << e.what();
        }
      }
    });
  for (std::thread& w : workers)
    w.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(crossed, 0);
  auto lease = pool.acquire();
  std::int64_t total = 0;
  for (const std::string& name : tenants) {
    Models tenant = Models(*lease).row_tenant(name);
    for (const Invoice& i : tenant.invoices.all())
      EXPECT_EQ(i.tenant_id, name);
    total += tenant.invoices.count();
  }
  EXPECT_EQ(total, threads * per_thread);
}

ORMC_INSTANTIATE_FOR_BACKENDS(RowTenantTest);
ORMC_INSTANTIATE_FOR_BACKENDS(RowTenantPoolTest);

} // namespace
} // namespace unit
