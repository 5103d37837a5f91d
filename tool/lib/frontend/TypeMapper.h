// Maps the C++ type of a data member to the IR's storage type.
#pragma once

#include "ir/Schema.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Type.h>
#include <optional>

namespace ormc::frontend {

struct MappedType {
  ir::ColumnType type;
  bool nullable = false;
};

/// The IR type of `type` (aliases resolved, std::optional unwrapped), or nothing if the type is
/// not one ormc can store. `asJson` (ormc:column(json)): a class type is stored as the JSON its
/// to_json/from_json make (the C++ compiler checks that they exist where the code is generated).
/// `asVector` (ormc:vector): a std::vector<float> or std::array<float, N> is a vector column
/// (its dimension N, or 0 for a std::vector, which the annotation gives).
std::optional<MappedType> mapType(clang::QualType type, const clang::ASTContext& ctx,
                                  bool asJson = false, bool asVector = false);

/// A user's `ormc::converter<T>` specialization for a member's type T (std::optional
/// unwrapped): T's name and the type it stores, or why it cannot be used ("" when it can).
struct Converter {
  std::string cppType;
  clang::QualType stored;
  std::string problem;
};
std::optional<Converter> findConverter(clang::QualType type, const clang::ASTContext& ctx);

/// The list of supported types, for the "unsupported type" diagnostic.
const char* supportedTypesDescription();

} // namespace ormc::frontend
