#include <ormc/backend.hpp>
#include <ormc/error.hpp>
#include <ormc/statement_usage.hpp>

namespace ormc {

const detail::BoundValue& Backend::row_tenant_for(std::string_view sql) const {
  if (row_tenant_) return *row_tenant_;
  throw UsageError("this statement reads or writes a table whose rows belong to tenants (a model "
                   "with an ormc:tenant column), on a database without a row tenant: use the "
                   "models of one tenant, models.row_tenant(id): " +
                   std::string(sql));
}

void Backend::check_transaction_usable(std::string_view sql) const {
  if (!transaction_failed_) return;
  throw TransactionAborted(
      "an earlier statement of this transaction failed, so it can only be rolled back; to carry "
      "on after a statement that may fail, run it in a nested ormc::Transaction (a savepoint) "
      "and roll that back",
      std::string(sql), "25P02", 0);
}

namespace detail {
std::string hex_literal(std::span<const std::byte> bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out = "x'";
  out.reserve(bytes.size() * 2 + 3);
  for (std::byte b : bytes) {
    out += digits[std::to_integer<unsigned>(b) >> 4];
    out += digits[std::to_integer<unsigned>(b) & 0xf];
  }
  out += '\'';
  return out;
}
} // namespace detail

} // namespace ormc
