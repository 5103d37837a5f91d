#include "catalog.hpp"

library::Book shelve(library::Models& m, std::string title, library::Cents price) {
  library::Book book;
  book.title = std::move(title);
  book.price = price;
  book.isbn = "978-0321563842";
  m.books.insert(book);
  return book;
}
