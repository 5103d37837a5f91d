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

Database::Database(std::unique_ptr<Backend> backend)
    : backend_(std::move(backend)), dialect_(backend_->dialect()) {}

Database::~Database() = default;

void Database::throw_unsupported() const {
  throw UsageError(std::string("no backend for ") + to_string(dialect_));
}

} // namespace ormc
