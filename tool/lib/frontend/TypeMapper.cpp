#include "frontend/TypeMapper.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

namespace ormc::frontend {
namespace {
using namespace clang;

/// `std::chrono::time_point` for a declaration in libstdc++'s `std::chrono::_V2` or libc++'s
/// `std::__1::chrono`: inline namespaces are left out so both standard libraries match.
std::string qualifiedPath(const NamedDecl* decl) {
  std::string path = decl->getNameAsString();
  for (const DeclContext* dc = decl->getDeclContext(); dc; dc = dc->getParent()) {
    const auto* ns = dyn_cast<NamespaceDecl>(dc);
    if (!ns) {
      if (isa<TranslationUnitDecl>(dc)) break;
      if (const auto* record = dyn_cast<NamedDecl>(dc))
        path = record->getNameAsString() + "::" + path;
      continue;
    }
    if (ns->isInline()) continue;
    path = ns->getNameAsString() + "::" + path;
  }
  return path;
}

const ClassTemplateSpecializationDecl* stdSpecialization(QualType canonical, const char* path) {
  const auto* record = canonical->getAsCXXRecordDecl();
  const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(record);
  if (!spec || qualifiedPath(spec) != path) return nullptr;
  return spec;
}

QualType templateTypeArg(const ClassTemplateSpecializationDecl* spec, unsigned i) {
  const TemplateArgumentList& args = spec->getTemplateArgs();
  if (args.size() <= i || args[i].getKind() != TemplateArgument::Type) return {};
  return args[i].getAsType().getCanonicalType();
}

/// The period of a std::chrono::duration specialization as "num/den", or "" when it is not one
/// with an integer count.
std::string durationPeriod(QualType canonical, const ASTContext& ctx);

std::optional<ir::TypeKind> integerKind(QualType canonical, const ASTContext& ctx) {
  const auto* builtin = canonical->getAs<BuiltinType>();
  if (!builtin) return std::nullopt;
  switch (builtin->getKind()) {
  case BuiltinType::WChar_S:
  case BuiltinType::WChar_U:
  case BuiltinType::Char8:
  case BuiltinType::Char16:
  case BuiltinType::Char32:
  case BuiltinType::Int128:
  case BuiltinType::UInt128:
    return std::nullopt; // character types are text, not numbers; 128-bit has no SQL type
  default:
    break;
  }
  if (!builtin->isInteger()) return std::nullopt;
  bool isSigned = builtin->isSignedInteger();
  switch (ctx.getTypeSize(canonical)) {
  case 8:
    return isSigned ? ir::TypeKind::Int8 : ir::TypeKind::UInt8;
  case 16:
    return isSigned ? ir::TypeKind::Int16 : ir::TypeKind::UInt16;
  case 32:
    return isSigned ? ir::TypeKind::Int32 : ir::TypeKind::UInt32;
  case 64:
    return isSigned ? ir::TypeKind::Int64 : ir::TypeKind::UInt64;
  default:
    return std::nullopt;
  }
}

std::string durationPeriod(QualType canonical, const ASTContext& ctx) {
  const auto* duration = stdSpecialization(canonical, "std::chrono::duration");
  if (!duration) return "";
  QualType rep = templateTypeArg(duration, 0);
  if (rep.isNull() || !integerKind(rep, ctx)) return "";
  QualType period = templateTypeArg(duration, 1);
  const auto* ratio = period.isNull() ? nullptr : stdSpecialization(period, "std::ratio");
  if (!ratio) return "";
  const TemplateArgumentList& args = ratio->getTemplateArgs();
  if (args.size() < 2 || args[0].getKind() != TemplateArgument::Integral ||
      args[1].getKind() != TemplateArgument::Integral)
    return "";
  // std::ratio keeps its reduced form in num/den; the arguments are reduced in every period the
  // standard library names, and ormc compares periods by this text.
  return std::to_string(args[0].getAsIntegral().getExtValue()) + "/" +
         std::to_string(args[1].getAsIntegral().getExtValue());
}

/// Maps a type that is not std::optional.
std::optional<ir::ColumnType> mapValueType(QualType canonical, const ASTContext& ctx) {
  ir::ColumnType out;
  if (canonical.isConstQualified() || canonical.isVolatileQualified()) return std::nullopt;
  if (canonical->isBooleanType()) {
    out.kind = ir::TypeKind::Bool;
    return out;
  }
  if (const auto* enumType = canonical->getAs<EnumType>()) {
    const EnumDecl* decl = enumType->getDecl();
    auto kind = integerKind(decl->getIntegerType().getCanonicalType(), ctx);
    if (!kind || !decl->isComplete()) return std::nullopt;
    out.kind = *kind;
    out.enumType = "::" + decl->getQualifiedNameAsString();
    for (const EnumConstantDecl* e : decl->enumerators())
      out.enumerators.push_back(e->getNameAsString());
    return out;
  }
  if (auto kind = integerKind(canonical, ctx)) {
    out.kind = *kind;
    return out;
  }
  if (canonical->isSpecificBuiltinType(BuiltinType::Float)) {
    out.kind = ir::TypeKind::Float;
    return out;
  }
  if (canonical->isSpecificBuiltinType(BuiltinType::Double)) {
    out.kind = ir::TypeKind::Double;
    return out;
  }
  if (const auto* spec = stdSpecialization(canonical, "std::basic_string")) {
    if (templateTypeArg(spec, 0) != ctx.CharTy) return std::nullopt;
    out.kind = ir::TypeKind::String;
    return out;
  }
  if (const auto* spec = stdSpecialization(canonical, "std::vector")) {
    QualType element = templateTypeArg(spec, 0);
    const auto* elementEnum = element.isNull() ? nullptr : element->getAs<EnumType>();
    bool isStdByte = elementEnum && qualifiedPath(elementEnum->getDecl()) == "std::byte";
    if (!isStdByte && element != ctx.UnsignedCharTy) return std::nullopt;
    out.kind = ir::TypeKind::Bytes;
    return out;
  }
  if (const auto* spec = stdSpecialization(canonical, "std::chrono::time_point")) {
    QualType clock = templateTypeArg(spec, 0);
    const auto* clockDecl = clock.isNull() ? nullptr : clock->getAsCXXRecordDecl();
    if (!clockDecl || qualifiedPath(clockDecl) != "std::chrono::system_clock") return std::nullopt;
    // sys_days (a count of days) is a calendar date; any finer duration a point in time.
    out.kind = durationPeriod(templateTypeArg(spec, 1), ctx) == "86400/1" ? ir::TypeKind::Date
                                                                          : ir::TypeKind::Timestamp;
    return out;
  }
  if (const auto* spec = stdSpecialization(canonical, "ormc::decimal")) {
    const TemplateArgumentList& args = spec->getTemplateArgs();
    if (args.size() != 2 || args[0].getKind() != TemplateArgument::Integral ||
        args[1].getKind() != TemplateArgument::Integral)
      return std::nullopt;
    out.kind = ir::TypeKind::Decimal;
    out.precision = static_cast<int>(args[0].getAsIntegral().getExtValue());
    out.scale = static_cast<int>(args[1].getAsIntegral().getExtValue());
    return out;
  }
  if (const auto* record = canonical->getAsCXXRecordDecl();
      record && qualifiedPath(record) == "std::chrono::year_month_day") {
    out.kind = ir::TypeKind::Date;
    return out;
  }
  if (std::string period = durationPeriod(canonical, ctx); !period.empty()) {
    out.kind = ir::TypeKind::Duration;
    out.period = period;
    return out;
  }
  return std::nullopt;
}
} // namespace

std::optional<Converter> findConverter(QualType type, const ASTContext& ctx) {
  QualType canonical = type.getCanonicalType();
  if (const auto* spec = stdSpecialization(canonical, "std::optional"))
    canonical = templateTypeArg(spec, 0);
  if (canonical.isNull() || (!canonical->isRecordType() && !canonical->isEnumeralType()))
    return std::nullopt;
  const TranslationUnitDecl* tu = ctx.getTranslationUnitDecl();
  for (const NamedDecl* ns : tu->lookup(&ctx.Idents.get("ormc"))) {
    const auto* ormcNs = dyn_cast<NamespaceDecl>(ns);
    if (!ormcNs) continue;
    for (const NamedDecl* found : ormcNs->lookup(&ctx.Idents.get("converter"))) {
      const auto* tmpl = dyn_cast<ClassTemplateDecl>(found);
      if (!tmpl) continue;
      for (const ClassTemplateSpecializationDecl* spec : tmpl->specializations()) {
        QualType arg = templateTypeArg(spec, 0);
        if (arg.isNull() || arg != canonical) continue;
        PrintingPolicy policy(ctx.getLangOpts());
        policy.SuppressScope = false;
        Converter out;
        out.cppType = "::" + canonical.getAsString(policy);
        const ClassTemplateSpecializationDecl* definition =
            dyn_cast_or_null<ClassTemplateSpecializationDecl>(spec->getDefinition());
        if (!definition) {
          out.problem =
              "ormc::converter<" + canonical.getAsString(policy) + "> is declared but not defined";
          return out;
        }
        for (const NamedDecl* member : definition->lookup(&ctx.Idents.get("stored_type")))
          if (const auto* alias = dyn_cast<TypedefNameDecl>(member))
            out.stored = alias->getUnderlyingType().getCanonicalType();
        if (out.stored.isNull())
          out.problem = "ormc::converter<" + canonical.getAsString(policy) +
                        "> has no member type 'stored_type' (using stored_type = ...;)";
        return out;
      }
    }
  }
  return std::nullopt;
}

namespace {
/// A std::vector<float> or std::array<float, N> as a vector column: dimension N, or 0.
std::optional<ir::ColumnType> mapVectorType(QualType canonical, const ASTContext& ctx) {
  ir::ColumnType out;
  out.kind = ir::TypeKind::Vector;
  if (const auto* spec = stdSpecialization(canonical, "std::vector"))
    return templateTypeArg(spec, 0) == ctx.FloatTy ? std::optional(out) : std::nullopt;
  const auto* spec = stdSpecialization(canonical, "std::array");
  if (!spec || templateTypeArg(spec, 0) != ctx.FloatTy) return std::nullopt;
  const TemplateArgumentList& args = spec->getTemplateArgs();
  if (args.size() != 2 || args[1].getKind() != TemplateArgument::Integral) return std::nullopt;
  const std::int64_t n = args[1].getAsIntegral().getExtValue();
  if (n < 1 || n > ir::kMaxVectorDimension) return std::nullopt;
  out.dimension = static_cast<int>(n);
  return out;
}
} // namespace

std::optional<MappedType> mapType(QualType type, const ASTContext& ctx, bool asJson,
                                  bool asVector) {
  MappedType mapped;
  QualType canonical = type.getCanonicalType();
  if (const auto* spec = stdSpecialization(canonical, "std::optional")) {
    canonical = templateTypeArg(spec, 0);
    if (canonical.isNull()) return std::nullopt;
    mapped.nullable = true;
  }
  std::optional<ir::ColumnType> valueType;
  // nlohmann's ABI namespace is inline, so the path is the same in every version. Marked json,
  // any class (a user struct, a std::vector) is stored through its to_json/from_json.
  if (asVector) {
    valueType = mapVectorType(canonical, ctx);
  } else if (asJson || stdSpecialization(canonical, "nlohmann::basic_json")) {
    if (canonical->isRecordType()) {
      valueType.emplace();
      valueType->kind = ir::TypeKind::Json;
    }
  } else if (std::optional<Converter> converter = findConverter(canonical, ctx)) {
    // What the converter stores, if that is a type ormc stores itself (not another converter).
    if (!converter->problem.empty()) return std::nullopt;
    valueType = mapValueType(converter->stored, ctx);
    if (valueType) valueType->converter = converter->cppType;
  } else {
    valueType = mapValueType(canonical, ctx);
  }
  if (!valueType) return std::nullopt;
  mapped.type = *valueType;
  PrintingPolicy policy(ctx.getLangOpts());
  policy.SuppressScope = false;
  mapped.type.spelling = type.getAsString(policy);
  return mapped;
}

const char* supportedTypesDescription() {
  return "bool, integers of 8 to 64 bits, enums, float, double, std::string, "
         "std::vector<std::byte>, std::vector<std::uint8_t>, "
         "std::chrono::system_clock::time_point, std::chrono::sys_days, "
         "std::chrono::year_month_day, std::chrono::duration with an integer count, "
         "ormc::decimal<precision, scale>, nlohmann::json (and any class marked "
         "ormc:column(json)), std::vector<float> and std::array<float, N> marked ormc:vector, "
         "any type with an ormc::converter<T> specialization, and std::optional of these";
}

} // namespace ormc::frontend
