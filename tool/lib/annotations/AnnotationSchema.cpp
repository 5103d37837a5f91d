#include "annotations/AnnotationSchema.h"

#include <array>
#include <llvm/ADT/StringRef.h>
#include <string_view>

namespace ormc::annotations {
namespace {

enum class ValueForm { Flag, Name, PositiveInteger, Text, AnyLiteral };

struct KeySpec {
  std::string_view key;
  ValueForm form;
};

struct KindSpec {
  std::string_view name;
  Kind kind;
  std::vector<KeySpec> keys;
};

const std::array<KindSpec, 4>& kinds() {
  static const std::array<KindSpec, 4> specs = {{
      {"table",
       Kind::Table,
       {{"name", ValueForm::Name}, {"schema", ValueForm::Name}, {"comment", ValueForm::Text}}},
      {"id", Kind::Id, {}},
      {"column",
       Kind::Column,
       {{"name", ValueForm::Name},
        {"unique", ValueForm::Flag},
        {"index", ValueForm::Flag},
        {"max_length", ValueForm::PositiveInteger},
        {"default", ValueForm::AnyLiteral},
        {"comment", ValueForm::Text}}},
      {"ignore", Kind::Ignore, {}},
  }};
  return specs;
}

const KindSpec* findKind(std::string_view name) {
  for (const KindSpec& k : kinds())
    if (k.name == name) return &k;
  return nullptr;
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
template <typename Range, typename NameOf>
std::optional<std::string> nearest(std::string_view word, const Range& candidates, NameOf nameOf) {
  std::optional<std::string> best;
  unsigned bestDistance = word.size() / 2 + 1;
  for (const auto& c : candidates) {
    llvm::StringRef name(nameOf(c).data(), nameOf(c).size());
    unsigned d = llvm::StringRef(word.data(), word.size()).edit_distance(name);
    if (d < bestDistance) {
      bestDistance = d;
      best = name.str();
    }
  }
  return best;
}

std::string describe(ValueForm form) {
  switch (form) {
  case ValueForm::Flag:
    return "a flag (no value, or true/false)";
  case ValueForm::Name:
    return "a name (identifier or \"string\")";
  case ValueForm::PositiveInteger:
    return "a positive integer";
  case ValueForm::Text:
    return "a \"string\"";
  case ValueForm::AnyLiteral:
    return "a literal";
  }
  return "a value";
}

bool accepts(ValueForm form, const Value& v) {
  switch (form) {
  case ValueForm::Flag:
    return v.kind == Value::Kind::Flag ||
           (v.kind == Value::Kind::Identifier && (v.text == "true" || v.text == "false"));
  case ValueForm::Name:
    return (v.kind == Value::Kind::Identifier || v.kind == Value::Kind::String) && !v.text.empty();
  case ValueForm::PositiveInteger:
    return v.kind == Value::Kind::Integer && v.text[0] != '-' && v.text.size() <= 18 &&
           std::stoll(v.text) > 0;
  case ValueForm::Text:
    return v.kind == Value::Kind::String || v.kind == Value::Kind::Identifier;
  case ValueForm::AnyLiteral:
    return v.kind != Value::Kind::Flag && (v.kind != Value::Kind::Identifier || v.text == "true" ||
                                           v.text == "false" || v.text == "null");
  }
  return false;
}

std::size_t valueLength(const Value& v) {
  return v.kind == Value::Kind::String ? v.text.size() + 2 : v.text.size();
}

} // namespace

std::optional<Kind> kindOf(const Annotation& annotation) {
  const KindSpec* spec = findKind(annotation.kind);
  return spec ? std::optional<Kind>(spec->kind) : std::nullopt;
}

std::vector<Problem> checkAnnotation(const Annotation& a) {
  std::vector<Problem> problems;
  const KindSpec* spec = findKind(a.kind);
  if (!spec) {
    Problem p{"unknown-kind", a.kindOffset, a.kind.size(),
              "unknown annotation kind '" + a.kind + "'", std::nullopt};
    p.replacement = nearest(a.kind, kinds(), [](const KindSpec& k) { return k.name; });
    if (p.replacement)
      p.message += "; did you mean '" + *p.replacement + "'?";
    else
      p.message += "; expected one of table, id, column, ignore";
    problems.push_back(std::move(p));
    return problems;
  }
  for (std::size_t i = 0; i < a.args.size(); ++i) {
    const Argument& arg = a.args[i];
    const KeySpec* key = nullptr;
    for (const KeySpec& k : spec->keys)
      if (k.key == arg.key) key = &k;
    if (!key) {
      Problem p{"unknown-key", arg.keyOffset, arg.key.size(),
                "unknown key '" + arg.key + "' for 'ormc:" + a.kind + "'", std::nullopt};
      if (spec->keys.empty()) {
        p.message += "; '" + a.kind + "' takes no arguments";
      } else {
        p.replacement = nearest(arg.key, spec->keys, [](const KeySpec& k) { return k.key; });
        if (p.replacement) p.message += "; did you mean '" + *p.replacement + "'?";
      }
      problems.push_back(std::move(p));
      continue;
    }
    for (std::size_t j = 0; j < i; ++j)
      if (a.args[j].key == arg.key)
        problems.push_back({"duplicate-key", arg.keyOffset, arg.key.size(),
                            "key '" + arg.key + "' is given more than once", std::nullopt});
    if (!accepts(key->form, arg.value)) {
      bool missing = arg.value.kind == Value::Kind::Flag;
      problems.push_back({"malformed-value", arg.value.offset,
                          missing ? arg.key.size() : valueLength(arg.value),
                          (missing ? "key '" + arg.key + "' needs a value: "
                                   : "invalid value for '" + arg.key + "': expected ") +
                              describe(key->form),
                          std::nullopt});
    }
  }
  return problems;
}

bool flagValue(const Argument* arg) {
  return arg && (arg->value.kind == Value::Kind::Flag || arg->value.text == "true");
}

} // namespace ormc::annotations
