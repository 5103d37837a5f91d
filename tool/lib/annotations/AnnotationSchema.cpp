#include "annotations/AnnotationSchema.h"

#include <algorithm>
#include <llvm/ADT/StringRef.h>
#include <string_view>

namespace ormc::annotations {
namespace {

enum class ValueForm {
  Flag,
  Name,
  PositiveInteger,
  Number,
  Text,
  AnyLiteral,
  Action,
  Naming,
  Storage,
};

/// What a kind takes without a key.
enum class Positional {
  None,
  Model,           // exactly one, first: the target model
  ModelAndMembers, // the target model first, then one or more data members of the struct
  Members,         // one or more: data members of the struct
  Event,           // exactly one: a hook event
};

struct KeySpec {
  std::string_view key;
  ValueForm form;
};

struct KindSpec {
  std::string_view name;
  Kind kind;
  std::vector<KeySpec> keys;
  Positional positional = Positional::None;
};

const std::vector<KindSpec>& kinds() {
  static const std::vector<KindSpec> specs = {
      {"table",
       Kind::Table,
       {{"name", ValueForm::Name},
        {"schema", ValueForm::Name},
        {"accessor", ValueForm::Name},
        {"comment", ValueForm::Text},
        {"check", ValueForm::Text},
        {"renamed_from", ValueForm::Name},
        {"naming", ValueForm::Naming},
        {"time_storage", ValueForm::Storage},
        {"variants", ValueForm::Flag},
        {"versioned", ValueForm::Flag},
        {"partition_by", ValueForm::Text},
        {"partitions", ValueForm::PositiveInteger},
        {"partition_interval", ValueForm::Name},
        {"partitions_ahead", ValueForm::PositiveInteger},
        {"distribute_by", ValueForm::Name},
        {"colocate_with", ValueForm::Name},
        {"reference", ValueForm::Flag}}},
      {"mixin", Kind::Mixin, {}},
      {"index",
       Kind::Index,
       {{"name", ValueForm::Name}, {"method", ValueForm::Name}, {"opclass", ValueForm::Name}},
       Positional::Members},
      {"unique", Kind::Unique, {{"name", ValueForm::Name}}, Positional::Members},
      {"many_to_many",
       Kind::ManyToMany,
       {{"name", ValueForm::Name},
        {"inverse", ValueForm::Name},
        {"table", ValueForm::Name},
        {"source_column", ValueForm::Name},
        {"target_column", ValueForm::Name},
        {"through", ValueForm::Name}},
       Positional::Model},
      {"id",
       Kind::Id,
       {{"uuid", ValueForm::Flag}, {"assigned", ValueForm::Flag}, {"sequence", ValueForm::Name}}},
      {"column",
       Kind::Column,
       {{"name", ValueForm::Name},
        {"unique", ValueForm::Flag},
        {"index", ValueForm::Flag},
        {"max_length", ValueForm::PositiveInteger},
        {"default", ValueForm::AnyLiteral},
        {"comment", ValueForm::Text},
        {"check", ValueForm::Text},
        {"min", ValueForm::Number},
        {"max", ValueForm::Number},
        {"not_empty", ValueForm::Flag},
        {"insert_only", ValueForm::Flag},
        {"renamed_from", ValueForm::Name},
        {"convert_using", ValueForm::Text},
        {"storage", ValueForm::Storage},
        {"json", ValueForm::Flag},
        {"sqlite_type", ValueForm::Text},
        {"postgresql_type", ValueForm::Text}}},
      {"ignore", Kind::Ignore, {}},
      {"belongs_to",
       Kind::BelongsTo,
       {{"on_delete", ValueForm::Action},
        {"on_update", ValueForm::Action},
        {"name", ValueForm::Name},
        {"inverse", ValueForm::Name},
        {"index", ValueForm::Flag}},
       Positional::Model},
      {"references",
       Kind::References,
       {{"on_delete", ValueForm::Action},
        {"on_update", ValueForm::Action},
        {"name", ValueForm::Name},
        {"inverse", ValueForm::Name},
        {"index", ValueForm::Flag}},
       Positional::ModelAndMembers},
      {"partition", Kind::Partition, {{"name", ValueForm::Name}, {"values", ValueForm::Text}}},
      {"created_at", Kind::CreatedAt, {}},
      {"updated_at", Kind::UpdatedAt, {}},
      {"soft_delete", Kind::SoftDelete, {}},
      {"version", Kind::Version, {}},
      {"tenant", Kind::Tenant, {{"row_security", ValueForm::Flag}}},
      {"vector",
       Kind::Vector,
       {{"dim", ValueForm::PositiveInteger}, {"storage", ValueForm::Storage}}},
      {"hook", Kind::Hook, {}, Positional::Event},
      {"schema",
       Kind::Schema,
       {{"naming", ValueForm::Naming},
        {"table_prefix", ValueForm::Name},
        {"time_storage", ValueForm::Storage}}},
  };
  return specs;
}

/// The values of `storage=` (ir::Storage's names; the parser stays independent of the IR).
const std::vector<std::string>& storages() {
  static const std::vector<std::string> words = {"native",      "text",        "unix_seconds",
                                                 "unix_millis", "unix_micros", "timestamp",
                                                 "numeric",     "pgvector"};
  return words;
}

const std::vector<std::string>& actions() {
  static const std::vector<std::string> words = {"no_action", "restrict", "cascade", "set_null",
                                                 "set_default"};
  return words;
}

/// Whether `arg` names one of the kind's flags (keys that take no value).
bool isFlagKey(const KindSpec& spec, const Argument& arg) {
  for (const KeySpec& k : spec.keys)
    if (k.key == arg.key) return k.form == ValueForm::Flag;
  return false;
}

/// An argument without a value is positional unless it is one of the kind's flags, so that a
/// member called `name` can be indexed: `ormc:index(name)`.
bool isPositional(const KindSpec& spec, const Argument& arg) {
  return spec.positional != Positional::None && arg.value.kind == Value::Kind::Flag &&
         !isFlagKey(spec, arg);
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
  case ValueForm::Number:
    return "a number";
  case ValueForm::Text:
    return "a \"string\"";
  case ValueForm::AnyLiteral:
    return "a literal";
  case ValueForm::Action:
    return "one of no_action, restrict, cascade, set_null, set_default";
  case ValueForm::Naming:
    return "one of snake_case, PascalCase, camelCase";
  case ValueForm::Storage:
    return "one of native, text, unix_seconds, unix_millis, unix_micros, timestamp, numeric";
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
  case ValueForm::Number:
    return v.kind == Value::Kind::Integer || v.kind == Value::Kind::Real;
  case ValueForm::Text:
    return v.kind == Value::Kind::String || v.kind == Value::Kind::Identifier;
  case ValueForm::Action:
    return v.kind == Value::Kind::Identifier &&
           std::find(actions().begin(), actions().end(), v.text) != actions().end();
  case ValueForm::Naming:
    return v.kind == Value::Kind::Identifier &&
           (v.text == "snake_case" || v.text == "PascalCase" || v.text == "camelCase");
  case ValueForm::Storage:
    return v.kind == Value::Kind::Identifier &&
           std::find(storages().begin(), storages().end(), v.text) != storages().end();
  case ValueForm::AnyLiteral:
    return v.kind != Value::Kind::Flag && (v.kind != Value::Kind::Identifier || v.text == "true" ||
                                           v.text == "false" || v.text == "null");
  }
  return false;
}

std::size_t valueLength(const Value& v) {
  return v.kind == Value::Kind::String ? v.text.size() + 2 : v.text.size();
}

/// Checks the arguments given without a key against what the kind takes.
void checkPositional(const KindSpec& spec, const Annotation& a, std::vector<Problem>& out) {
  std::vector<const Argument*> given;
  for (const Argument& arg : a.args)
    if (isPositional(spec, arg)) given.push_back(&arg);
  std::string kind = "'ormc:" + a.kind + "'";
  switch (spec.positional) {
  case Positional::None:
    return; // unknown keys are reported one by one
  case Positional::Model:
    if (given.empty() || given.front() != &a.args.front())
      out.push_back({"missing-argument", a.kindOffset, a.kind.size(),
                     kind + " needs the target model first: 'ormc:" + a.kind + "(User)'",
                     std::nullopt});
    break;
  case Positional::ModelAndMembers:
    if (given.size() < 2 || given.front() != &a.args.front())
      out.push_back({"missing-argument", a.kindOffset, a.kind.size(),
                     kind +
                         " needs the target model, then the members that hold its key: "
                         "'ormc:" +
                         a.kind + "(InvoiceLine, invoice_id, line_number)'",
                     std::nullopt});
    return;
  case Positional::Members:
    if (given.empty())
      out.push_back(
          {"missing-argument", a.kindOffset, a.kind.size(),
           kind + " needs the data members it covers: 'ormc:" + a.kind + "(tenant_id, email)'",
           std::nullopt});
    return;
  case Positional::Event:
    if (given.empty()) {
      out.push_back({"missing-argument", a.kindOffset, a.kind.size(),
                     kind + " needs an event: 'ormc:hook(before_insert)'", std::nullopt});
      return;
    }
    if (std::find(hookEvents().begin(), hookEvents().end(), given.front()->key) ==
        hookEvents().end()) {
      Problem p{"unknown-key", given.front()->keyOffset, given.front()->key.size(),
                "unknown hook event '" + given.front()->key + "'", std::nullopt};
      p.replacement = nearest(given.front()->key, hookEvents(),
                              [](const std::string& e) { return std::string_view(e); });
      if (p.replacement)
        p.message += "; did you mean '" + *p.replacement + "'?";
      else
        p.message += "; expected before_insert, after_insert, before_update, after_update or "
                     "before_remove";
      out.push_back(std::move(p));
    }
    break;
  }
  for (std::size_t i = 1; i < given.size(); ++i)
    out.push_back({"unknown-key", given[i]->keyOffset, given[i]->key.size(),
                   kind + " takes one " +
                       (spec.positional == Positional::Model ? "target model" : "event") + "; '" +
                       given[i]->key + "' is another",
                   std::nullopt});
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
    else {
      p.message += "; expected one of ";
      for (const KindSpec& k : kinds())
        p.message += std::string(k.name) + (&k == &kinds().back() ? "" : ", ");
    }
    problems.push_back(std::move(p));
    return problems;
  }
  checkPositional(*spec, a, problems);
  for (std::size_t i = 0; i < a.args.size(); ++i) {
    const Argument& arg = a.args[i];
    if (isPositional(*spec, arg)) continue;
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

Target targetOf(Kind kind) {
  switch (kind) {
  case Kind::Table:
  case Kind::Mixin:
  case Kind::Index:
  case Kind::Unique:
  case Kind::ManyToMany:
  case Kind::References:
  case Kind::Partition:
    return Target::Struct;
  case Kind::Hook:
    return Target::Function;
  case Kind::Schema:
    return Target::Namespace;
  default:
    return Target::Member;
  }
}

std::vector<const Argument*> positionalArgs(const Annotation& annotation) {
  std::vector<const Argument*> out;
  const KindSpec* spec = findKind(annotation.kind);
  if (!spec) return out;
  for (const Argument& arg : annotation.args)
    if (isPositional(*spec, arg)) out.push_back(&arg);
  return out;
}

const std::vector<std::string>& hookEvents() {
  static const std::vector<std::string> events = {"before_insert", "after_insert", "before_update",
                                                  "after_update", "before_remove"};
  return events;
}

bool flagValue(const Argument* arg) {
  return arg && (arg->value.kind == Value::Kind::Flag || arg->value.text == "true");
}

} // namespace ormc::annotations
