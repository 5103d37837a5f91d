// Row-level tenancy: the ormc:tenant member a row is written with (see Database::row_tenant()).
#include <ormc/auto_values.hpp>
#include <ormc/bound_value.hpp>
#include <ormc/database.hpp>
#include <ormc/error.hpp>

namespace ormc::detail {
namespace {
std::string where(std::string_view model, std::string_view column) {
  return std::string(model) + "." + std::string(column) + " (ormc:tenant)";
}

const BoundValue& tenant_of(const Database& db, std::string_view model, std::string_view column,
                            BoundValue::Kind kind) {
  const BoundValue* id = db.row_tenant_id();
  if (!id)
    throw UsageError("a row of " + std::string(model) + " is written without a row tenant: its " +
                     where(model, column) +
                     " says whose it is, so write it through models.row_tenant(id)");
  if (id->kind != kind)
    throw UsageError(where(model, column) + " holds " +
                     (kind == BoundValue::Kind::text ? "text" : "an integer") +
                     ", and this database's row tenant is " +
                     (id->kind == BoundValue::Kind::text ? "text" : "an integer") +
                     ": give row_tenant() the column's kind of id");
  return *id;
}

template <class Integer>
void fill_integer(Integer& member, const Database& db, std::string_view model,
                  std::string_view column) {
  const BoundValue& id = tenant_of(db, model, column, BoundValue::Kind::integer);
  if (member == 0) {
    member = static_cast<Integer>(id.integer);
    if (member != id.integer)
      throw UsageError("row tenant " + std::to_string(id.integer) + " does not fit " +
                       where(model, column));
  } else if (member != id.integer) {
    throw UsageError("a row of " + std::string(model) + " of tenant " + std::to_string(member) +
                     " written through row tenant " + std::to_string(id.integer) + ": " +
                     where(model, column) +
                     " is set by its tenant, and a row never moves "
                     "to another");
  }
}
} // namespace

void fill_tenant(std::string& member, const Database& db, std::string_view model,
                 std::string_view column) {
  const BoundValue& id = tenant_of(db, model, column, BoundValue::Kind::text);
  if (member.empty()) {
    member = id.bytes;
  } else if (member != id.bytes) {
    throw UsageError("a row of " + std::string(model) + " of tenant '" + member +
                     "' written through row tenant '" + id.bytes + "': " + where(model, column) +
                     " is set by its tenant, and a row never moves to another");
  }
}

void fill_tenant(std::int64_t& member, const Database& db, std::string_view model,
                 std::string_view column) {
  fill_integer(member, db, model, column);
}

void fill_tenant(std::int32_t& member, const Database& db, std::string_view model,
                 std::string_view column) {
  fill_integer(member, db, model, column);
}

} // namespace ormc::detail
