// The IR's versions (docs/ir.md): what ormc writes, what it reads, and the message for each
// document it refuses.
#include "ir/SchemaJson.h"

#include <gtest/gtest.h>
#include <string>

namespace ormc::ir {
namespace {

std::string refusal(const std::string& text) {
  try {
    schemaFromJson(text);
  } catch (const IrFormatError& e) {
    return e.what();
  }
  return "(read)";
}

TEST(IrVersion, WrittenAsMajorAndMinorAndReadBack) {
  const nlohmann::ordered_json written = toJson(Schema{}, LocationPolicy::Include);
  EXPECT_EQ(written.at("ormc_ir_version"), kIrVersion);
  EXPECT_EQ(written.at("ormc_ir_minor"), kIrMinor);
  EXPECT_EQ(written.begin().key(), "ormc_ir_version"); // first, where a reader looks
  EXPECT_NO_THROW(schemaFromJson(written.dump()));
}

TEST(IrVersion, ADocumentWithoutAMinorIsTheFirstMinorAndRead) {
  EXPECT_EQ(refusal(R"({"ormc_ir_version": 2, "inputs": [], "models": []})"), "(read)");
}

TEST(IrVersion, OtherMajorsAndNewerMinorsAreRefusedSayingWhatToDo) {
  EXPECT_EQ(refusal(R"({"ormc_ir_version": 1, "inputs": [], "models": []})"),
            "$.ormc_ir_version: IR version 1 is an older ormc's; this ormc reads IR 2.3 and "
            "older minors of it: write the file again with this ormc");
  EXPECT_EQ(refusal(R"({"ormc_ir_version": 3, "inputs": [], "models": []})"),
            "$.ormc_ir_version: IR version 3 is a newer ormc's; this ormc reads IR 2.3 and "
            "older minors of it: read it with that ormc or a newer one");
  EXPECT_EQ(refusal(R"({"ormc_ir_version": 2, "ormc_ir_minor": 1, "inputs": [], "models": []})"),
            "(read)");
  EXPECT_EQ(refusal(R"({"ormc_ir_version": 2, "ormc_ir_minor": 2, "inputs": [], "models": []})"),
            "(read)");
  EXPECT_EQ(refusal(R"({"ormc_ir_version": 2, "ormc_ir_minor": 3, "inputs": [], "models": []})"),
            "(read)");
  EXPECT_EQ(refusal(R"({"ormc_ir_version": 2, "ormc_ir_minor": 4, "inputs": [], "models": []})"),
            "$.ormc_ir_minor: IR 2.4 is a newer ormc's, with additions this ormc (IR 2.3) would "
            "leave out: read it with that ormc or a newer one");
  EXPECT_EQ(refusal(R"({"ormc_ir_version": "2", "inputs": [], "models": []})"),
            "$.ormc_ir_version: expected an integer");
}

} // namespace
} // namespace ormc::ir
