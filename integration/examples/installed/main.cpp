// Lends a book from an embedded SQLite file:  library [database URL]  (default sqlite:library.db)
#include "catalog.hpp"
#include "schema.ormc.hpp" // from the catalog library's ormc_generate, PUBLIC by default
#include "shelf.hpp"

#include <cstdio>
#include <exception>
#include <ormc/ormc.hpp>

int main(int argc, char** argv) try {
  auto db = ormc::open(argc > 1 ? argv[1] : "sqlite:library.db");
  library::Models m(db);
  m.create_schema();

  library::Book book = shelve(m, shelf_label("The C++ Programming Language"), 5999);
  library::Loan loan;
  loan.book_id = book.id;
  loan.borrower = "ada";
  loan.deposit = book.price / 10;
  m.loans.insert(loan);

  for (const library::Loan& l : m.loans.where(library::Loan_::borrower == "ada").all())
    std::printf("loan #%lld: book #%lld to %s, deposit %lld cents\n", static_cast<long long>(l.id),
                static_cast<long long>(l.book_id), l.borrower.c_str(),
                static_cast<long long>(l.deposit));
  std::printf("%lld book(s), %lld loan(s)\n", static_cast<long long>(m.books.count()),
              static_cast<long long>(m.loans.count()));
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "library: %s\n", e.what());
  return 1;
}
