// The validator on IR built by hand, as a fragment from another module would arrive: what it
// refuses does not depend on the front end having seen the annotation.
#include "diff_fixtures.hpp"
#include "validate/Validator.h"

#include <gtest/gtest.h>

namespace ormc::validate {
namespace {
using migrate::fixtures::column;

ir::Schema schemaWith(ir::Column c) {
  ir::Model m;
  m.name = m.qualifiedName = "Track";
  m.table = "track";
  m.accessor = "tracks";
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = true;
  m.columns = {id, std::move(c)};
  ir::Schema s;
  s.models.push_back(std::move(m));
  return s;
}

std::vector<std::string> ids(const Findings& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings)
    out.push_back(f.id);
  return out;
}

ir::Column stored(ir::TypeKind kind, ir::Storage storage, const std::string& enumType = "") {
  ir::Column c = column("value", kind);
  c.storage = storage;
  c.type.enumType = enumType;
  if (kind == ir::TypeKind::Decimal) c.type.precision = 10, c.type.scale = 2;
  return c;
}

TEST(ValidatorStorage, EachKindTakesItsOwnStorages) {
  using K = ir::TypeKind;
  using S = ir::Storage;
  EXPECT_TRUE(validateSchema(schemaWith(stored(K::Timestamp, S::UnixMillis))).empty());
  EXPECT_TRUE(validateSchema(schemaWith(stored(K::Timestamp, S::Text))).empty());
  EXPECT_TRUE(validateSchema(schemaWith(stored(K::Decimal, S::Numeric))).empty());
  EXPECT_TRUE(validateSchema(schemaWith(stored(K::Int32, S::Text, "Mood"))).empty());
  for (ir::Column misfit : {stored(K::Timestamp, S::Numeric), stored(K::Decimal, S::Text),
                            stored(K::String, S::Text), stored(K::Int32, S::Timestamp, "Mood"),
                            stored(K::Int64, S::UnixSeconds), stored(K::Json, S::Text)})
    EXPECT_EQ(ids(validateSchema(schemaWith(misfit))), std::vector<std::string>{"storage-type"})
        << ir::storageName(misfit.storage);
}

} // namespace
} // namespace ormc::validate
