#include "database_url.hpp"

#include <ormc/database.hpp>

namespace ormc {
namespace {
std::unique_ptr<Backend> connect(std::string_view url, const ConnectOptions& given) {
  detail::DatabaseTarget target = detail::parse_database_url(url);
  ConnectOptions options = detail::resolve_options(given, target.options);
  switch (target.dialect) {
  case Dialect::sqlite:
    return std::make_unique<sqlite::Connection>(target.location, options);
  case Dialect::postgresql:
    return std::make_unique<postgres::Connection>(target.location, options);
  }
  throw UsageError(std::string("no backend for ") + to_string(target.dialect));
}
} // namespace

Database::Database(std::string_view url, const ConnectOptions& options)
    : Database(connect(url, options)) {}

namespace {
/// The backend, once checked to be the connection class its dialect names: with_connection()
/// casts to that class, so another Backend (a user's own, or a wrapper) would be undefined
/// behaviour there.
std::unique_ptr<Backend> checked_backend(std::unique_ptr<Backend> backend) {
  if (!backend) throw UsageError("ormc::Database needs a backend, not a null pointer");
  bool known = backend->dialect() == Dialect::sqlite
                   ? dynamic_cast<sqlite::Connection*>(backend.get()) != nullptr
                   : dynamic_cast<postgres::Connection*>(backend.get()) != nullptr;
  if (!known)
    throw UsageError(std::string("ormc::Database takes ormc's own connections "
                                 "(ormc::sqlite::Connection, ormc::postgres::Connection); this "
                                 "backend says it speaks ") +
                     to_string(backend->dialect()) + " but is another class");
  return backend;
}
} // namespace

Database::Database(std::unique_ptr<Backend> backend)
    : backend_(checked_backend(std::move(backend))), dialect_(backend_->dialect()) {}

Database::~Database() = default;

void Database::throw_unsupported() const {
  throw UsageError(std::string("no backend for ") + to_string(dialect_));
}

} // namespace ormc
