// The validator on IR built by hand, as a fragment from another module would arrive: what it
// refuses does not depend on the front end having seen the annotation.
#include "diff_fixtures.hpp"
#include "ir/SchemaJson.h"
#include "validate/Validator.h"

#include <algorithm>
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

TEST(ValidatorNames, AnAccessorThatIsAlreadyAMemberOfModelsIsRefused) {
  for (const char* taken :
       {"tenant", "branch", "create_branch", "row_tenant", "tables", "database", "create_schema"}) {
    ir::Schema s = schemaWith(column("title", ir::TypeKind::String));
    s.models[0].accessor = taken;
    Findings findings = validateSchema(s);
    ASSERT_EQ(findings.size(), 1u) << taken;
    EXPECT_EQ(findings[0].id, "invalid-name");
    EXPECT_NE(findings[0].message.find("is a member of Models already"), std::string::npos);
  }
  EXPECT_TRUE(validateSchema(schemaWith(column("title", ir::TypeKind::String))).empty());
}

TEST(ValidatorRoles, RowSecurityIsOfTheTenantColumnOnly) {
  ir::Column tenant = column("tenant", ir::TypeKind::String);
  tenant.role = ir::ColumnRole::Tenant;
  tenant.rowSecurity = true;
  EXPECT_TRUE(validateSchema(schemaWith(tenant)).empty());
  ir::Column plain = column("title", ir::TypeKind::String);
  plain.rowSecurity = true; // as only a fragment can say
  EXPECT_EQ(ids(validateSchema(schemaWith(plain))), std::vector<std::string>{"role-type"});
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

TEST(ValidatorHistory, AVersionedModelLeavesTheHistorysColumnsAndTableName) {
  ir::Schema fine = schemaWith(column("history", ir::TypeKind::String));
  fine.models[0].versioned = true;
  EXPECT_TRUE(validateSchema(fine).empty());
  ir::Schema back = ir::schemaFromSnapshot(ir::toJson(fine, ir::LocationPolicy::Omit).dump());
  EXPECT_TRUE(back.models[0].versioned);
  for (const char* taken : {"history_version", "history_valid_from", "history_valid_to",
                            "history_operation", "history_actor"}) {
    ir::Schema s = schemaWith(column(taken, ir::TypeKind::String));
    EXPECT_TRUE(validateSchema(s).empty()) << "unversioned, " << taken << " is a name like any";
    s.models[0].versioned = true;
    EXPECT_EQ(ids(validateSchema(s)), std::vector<std::string>{"history-column"}) << taken;
  }
  ir::Schema clash = fine;
  ir::Model other = clash.models[0];
  other.name = other.qualifiedName = "TrackHistory";
  other.table = "track_history";
  other.accessor = "track_histories";
  other.versioned = false;
  clash.models.push_back(other);
  EXPECT_EQ(ids(validateSchema(clash)), std::vector<std::string>{"duplicate-table"});
}

ir::Column vectorOf(int dimension, ir::Storage storage = ir::Storage::Native) {
  ir::Column c = column("embedding", ir::TypeKind::Vector);
  c.type.dimension = dimension;
  c.storage = storage;
  return c;
}

TEST(ValidatorVectors, AVectorIsSearchedByDistanceAndSurvivesTheIrsJson) {
  for (ir::Storage fine : {ir::Storage::Native, ir::Storage::PgVector}) {
    ir::Schema s = schemaWith(vectorOf(384, fine));
    EXPECT_TRUE(validateSchema(s).empty());
    ir::Schema back = ir::schemaFromSnapshot(ir::toJson(s, ir::LocationPolicy::Omit).dump());
    EXPECT_EQ(back.models[0].columns[1].type.kind, ir::TypeKind::Vector);
    EXPECT_EQ(back.models[0].columns[1].type.dimension, 384);
    EXPECT_EQ(back.models[0].columns[1].storage, fine);
  }
  ir::Column unique = vectorOf(3), indexed = vectorOf(3), defaulted = vectorOf(3);
  unique.unique = true;
  indexed.indexed = true;
  defaulted.defaultValue = ir::DefaultValue{ir::DefaultValue::Kind::String, "{1,2,3}"};
  for (const ir::Column& misuse : {unique, indexed})
    EXPECT_EQ(ids(validateSchema(schemaWith(misuse))), std::vector<std::string>{"vector-column"});
  // A default is also no value of the type (default-type).
  std::vector<std::string> found = ids(validateSchema(schemaWith(defaulted)));
  EXPECT_NE(std::find(found.begin(), found.end(), "vector-column"), found.end());
  for (ir::Column misfit :
       {vectorOf(3, ir::Storage::Text), stored(ir::TypeKind::Float, ir::Storage::PgVector)})
    EXPECT_EQ(ids(validateSchema(schemaWith(misfit))), std::vector<std::string>{"storage-type"});
  // An IR whose vector has no dimension, or too many, is refused as it is read.
  ir::Schema zero = schemaWith(vectorOf(0));
  EXPECT_THROW(ir::schemaFromSnapshot(ir::toJson(zero, ir::LocationPolicy::Omit).dump()),
               ir::IrFormatError);
  ir::Schema huge = schemaWith(vectorOf(ir::kMaxVectorDimension + 1));
  EXPECT_THROW(ir::schemaFromSnapshot(ir::toJson(huge, ir::LocationPolicy::Omit).dump()),
               ir::IrFormatError);
}

TEST(ValidatorVectors, PgvectorsIndexMethodsTakeOnePgvectorColumnAndAMetricsOperatorClass) {
  auto indexed = [](ir::Storage storage, std::string method, std::string opclass) {
    ir::Schema s = schemaWith(vectorOf(3, storage));
    ir::Index index;
    index.name = "idx_track_embedding";
    index.members = index.columns = {"embedding"};
    index.method = std::move(method);
    index.opclass = std::move(opclass);
    s.models[0].indexes.push_back(index);
    return ids(validateSchema(s));
  };
  EXPECT_TRUE(indexed(ir::Storage::PgVector, "hnsw", "vector_cosine_ops").empty());
  EXPECT_TRUE(indexed(ir::Storage::PgVector, "ivfflat", "vector_l2_ops").empty());
  EXPECT_EQ(indexed(ir::Storage::Native, "hnsw", "vector_ip_ops"),
            std::vector<std::string>{"index-definition"});
  EXPECT_EQ(indexed(ir::Storage::PgVector, "hnsw", ""),
            std::vector<std::string>{"index-definition"});
  EXPECT_EQ(indexed(ir::Storage::PgVector, "annoy", "vector_l2_ops"),
            std::vector<std::string>{"index-definition"});
}

ir::Column versioned(ir::TypeKind kind, bool nullable = false) {
  ir::Column c = column("version", kind);
  c.role = ir::ColumnRole::Version;
  c.nullable = nullable;
  return c;
}

TEST(ValidatorRoles, AVersionIsASignedIntegerAndSurvivesTheIrsJson) {
  using K = ir::TypeKind;
  for (K fine : {K::Int32, K::Int64}) {
    ir::Schema s = schemaWith(versioned(fine));
    EXPECT_TRUE(validateSchema(s).empty());
    ir::Schema back = ir::schemaFromSnapshot(ir::toJson(s, ir::LocationPolicy::Omit).dump());
    EXPECT_EQ(back.models[0].withRole(ir::ColumnRole::Version)->name, "version");
  }
  for (ir::Column misfit : {versioned(K::UInt64), versioned(K::String), versioned(K::Int16),
                            versioned(K::Timestamp), versioned(K::Int64, true)})
    EXPECT_EQ(ids(validateSchema(schemaWith(misfit))), std::vector<std::string>{"role-type"})
        << ir::typeKindName(misfit.type.kind);
  ir::Schema two = schemaWith(versioned(K::Int64));
  ir::Column second = versioned(K::Int32);
  second.name = second.member = "again";
  two.models[0].columns.push_back(second);
  EXPECT_EQ(ids(validateSchema(two)), std::vector<std::string>{"role-type"});
}

/// Line (composite key invoice, number) and Refund, whose ormc:references names `members`.
ir::Schema refundsOf(std::vector<std::string> members) {
  ir::Model line;
  line.name = line.qualifiedName = "Line";
  line.table = "line";
  line.accessor = "lines";
  for (const char* key : {"invoice", "number"}) {
    ir::Column c = column(key, ir::TypeKind::Int64);
    c.primaryKey = true;
    line.columns.push_back(c);
  }
  ir::Model refund;
  refund.name = refund.qualifiedName = "Refund";
  refund.table = "refund";
  refund.accessor = "refunds";
  ir::Column id = column("id", ir::TypeKind::Int64);
  id.primaryKey = true;
  refund.columns = {id, column("line_invoice", ir::TypeKind::Int64),
                    column("line_number", ir::TypeKind::Int64),
                    column("note", ir::TypeKind::String)};
  ir::CompositeReference ref;
  ref.members = std::move(members);
  ref.key.target = ref.key.targetModel = "Line";
  ref.key.name = "line";
  ref.key.inverse = "refunds";
  refund.compositeReferences.push_back(ref);
  ir::Schema s;
  s.models = {line, refund};
  return s;
}

TEST(ValidatorReferences, ACompositeReferenceHasAMemberOfTheKeysTypeForEachKeyColumn) {
  EXPECT_TRUE(validateSchema(refundsOf({"line_invoice", "line_number"})).empty());
  EXPECT_EQ(ids(validateSchema(refundsOf({"line_invoice"}))),
            std::vector<std::string>{"reference-columns"});
  EXPECT_EQ(ids(validateSchema(refundsOf({"line_invoice", "line_invoice"}))),
            std::vector<std::string>{"reference-columns"});
  EXPECT_EQ(ids(validateSchema(refundsOf({"line_invoice", "note"}))),
            std::vector<std::string>{"reference-type"});
  // A fragment naming a member its model does not have is refused, not skipped.
  EXPECT_EQ(ids(validateSchema(refundsOf({"line_invoice", "gone"}))),
            std::vector<std::string>{"unknown-member"});
}

TEST(ValidatorReferences, ACompositeReferenceSurvivesTheIrsJson) {
  ir::Schema s = refundsOf({"line_invoice", "line_number"});
  s.models[1].compositeReferences[0].key.onDelete = ir::ReferentialAction::Cascade;
  s.models[1].compositeReferences[0].key.indexed = false;
  ir::Schema back = ir::schemaFromSnapshot(ir::toJson(s, ir::LocationPolicy::Omit).dump());
  ASSERT_EQ(back.models.size(), 2u);
  ASSERT_EQ(back.models[1].compositeReferences.size(), 1u);
  const ir::CompositeReference& ref = back.models[1].compositeReferences[0];
  EXPECT_EQ(ref.members, (std::vector<std::string>{"line_invoice", "line_number"}));
  EXPECT_EQ(ref.key.targetModel, "Line");
  EXPECT_EQ(ref.key.onDelete, ir::ReferentialAction::Cascade);
  EXPECT_FALSE(ref.key.indexed);
  std::vector<ir::Reference> refs = back.models[1].references();
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_TRUE(refs[0].onStruct);
  EXPECT_EQ(refs[0].columns[1]->name, "line_number");
}

} // namespace
} // namespace ormc::validate
