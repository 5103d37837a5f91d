#include "frontend/ModelBuilder.h"

#include "frontend/Naming.h"
#include "frontend/TypeMapper.h"
#include "ir/Identifiers.h"
#include "ir/QualifiedNames.h"

#include <clang/AST/Attr.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Lex/Lexer.h>
#include <climits>
#include <ormc/sql/renderer.hpp>

namespace ormc::frontend {
namespace {
using namespace clang;
namespace an = ormc::annotations;

std::string textOr(const an::Argument* arg, std::string fallback) {
  return arg ? arg->value.text : std::move(fallback);
}

/// The argument `key=value`; a positional argument that happens to be spelled `key` (a member
/// called `name` in `ormc:index(name)`) is not it.
const an::Argument* keyed(const an::Annotation& a, std::string_view key) {
  for (const an::Argument& arg : a.args)
    if (arg.key == key && arg.value.kind != an::Value::Kind::Flag) return &arg;
  return nullptr;
}

ir::DefaultValue defaultValue(const an::Argument& arg) {
  using K = an::Value::Kind;
  ir::DefaultValue d;
  d.text = arg.value.text;
  switch (arg.value.kind) {
  case K::Integer:
    d.kind = ir::DefaultValue::Kind::Integer;
    break;
  case K::Real:
    d.kind = ir::DefaultValue::Kind::Real;
    break;
  case K::String:
    d.kind = ir::DefaultValue::Kind::String;
    break;
  default:
    d.kind = arg.value.text == "null" ? ir::DefaultValue::Kind::Null : ir::DefaultValue::Kind::Bool;
    break;
  }
  return d;
}

ir::ReferentialAction action(const an::Argument* arg) {
  if (!arg) return ir::ReferentialAction::NoAction;
  return ir::referentialActionFromName(arg->value.text).value_or(ir::ReferentialAction::NoAction);
}

bool hasFieldsAnywhere(const CXXRecordDecl& record) {
  if (!record.field_empty()) return true;
  for (const CXXBaseSpecifier& base : record.bases())
    if (const CXXRecordDecl* b = base.getType()->getAsCXXRecordDecl())
      if (b->hasDefinition() && hasFieldsAnywhere(*b)) return true;
  return false;
}

const char* misplacedMessage(an::Target target) {
  switch (target) {
  case an::Target::Struct:
    return "applies to structs";
  case an::Target::Member:
    return "applies to data members";
  case an::Target::Function:
    return "applies to member functions";
  case an::Target::Namespace:
    return "applies to namespaces";
  }
  return "";
}
} // namespace

namespace {
/// The member's type as written in the source, whitespace collapsed; "" inside macros.
std::string writtenType(const FieldDecl& field, const ASTContext& ctx) {
  const TypeSourceInfo* info = field.getTypeSourceInfo();
  if (!info) return "";
  SourceRange range = info->getTypeLoc().getSourceRange();
  if (range.getBegin().isMacroID() || range.getEnd().isMacroID()) return "";
  llvm::StringRef text = Lexer::getSourceText(CharSourceRange::getTokenRange(range),
                                              ctx.getSourceManager(), ctx.getLangOpts());
  std::string out;
  for (char ch : text) {
    bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}
/// The defaults `ormc:schema(...)` gives the tables declared in an opening of a namespace: the
/// innermost annotated opening around `record` decides each key. Only the opening the struct is
/// written in counts (and those around it), so reopening a namespace elsewhere is not affected.
an::Annotation schemaDefaults(const CXXRecordDecl& record) {
  an::Annotation out;
  for (const DeclContext* dc = record.getLexicalDeclContext(); dc; dc = dc->getLexicalParent()) {
    const auto* ns = dyn_cast<NamespaceDecl>(dc);
    if (!ns) continue;
    if (std::optional<an::Annotation> schema = AnnotationReader::find(*ns, an::Kind::Schema))
      for (an::Argument& arg : schema->args)
        if (!out.find(arg.key)) out.args.push_back(std::move(arg));
  }
  return out;
}
} // namespace

ir::Model ModelBuilder::build(const CXXRecordDecl& record, const ParsedAnnotation& table) {
  const an::Annotation& t = table.annotation;
  ir::Model model;
  model.name = record.getNameAsString();
  model.qualifiedName = record.getQualifiedNameAsString();
  if (const auto* ns = dyn_cast<NamespaceDecl>(record.getEnclosingNamespaceContext())) {
    model.cppNamespace = ns->getQualifiedNameAsString();
    for (const DeclContext* dc = ns; dc; dc = dc->getParent())
      if (const auto* each = dyn_cast<NamespaceDecl>(dc); each && each->isInline())
        model.inlineNamespaces.insert(model.inlineNamespaces.begin(),
                                      each->getQualifiedNameAsString());
  }
  // The table's own options, else its namespace's ormc:schema(...).
  an::Annotation defaults = schemaDefaults(record);
  auto option = [&](std::string_view key) {
    const an::Argument* own = t.find(key);
    return own ? own : defaults.find(key);
  };
  naming_.reset();
  if (const an::Argument* rule = option("naming")) naming_ = parseNamingRule(rule->value.text);
  tableTimeStorage_.reset();
  if (const an::Argument* storage = option("time_storage")) {
    tableTimeStorage_ = ir::storageFromName(storage->value.text);
    if (tableTimeStorage_ == ir::Storage::Numeric) {
      reader_.error("storage-type", record.getLocation(),
                    "time_storage=numeric: numeric is a decimal's storage, not a time's");
      tableTimeStorage_.reset();
    }
  }
  model.table = textOr(t.find("name"), textOr(defaults.find("table_prefix"), "") +
                                           (naming_ ? applyNamingRule(*naming_, model.name)
                                                    : snakeCase(model.name)));
  model.schema = textOr(t.find("schema"), "");
  model.renamedFrom = textOr(t.find("renamed_from"), "");
  model.comment = textOr(t.find("comment"), "");
  if (const an::Argument* check = t.find("check")) model.checks.push_back(check->value.text);
  model.accessor = textOr(t.find("accessor"), pluralize(snakeCase(model.name)));
  model.variants = an::flagValue(t.find("variants"));
  model.versioned = an::flagValue(t.find("versioned"));
  model.distribution = distribution(table);
  model.partitioning = partitioning(table);
  model.loc = reader_.convert(record.getLocation());
  model.declaredIn = model.loc.file;
  addMembers(record, model, "", 0);
  addStructAnnotations(model, reader_.parse(record));
  // A composite key is the application's: no database assigns a tuple.
  if (model.hasCompositeKey())
    for (ir::Column& c : model.columns)
      c.autoIncrement = false;
  for (ir::Column& c : model.columns)
    if (c.references && c.references->inverse.empty())
      c.references->inverse = c.unique ? snakeCase(model.name) : model.accessor;
  for (ir::CompositeReference& r : model.compositeReferences)
    if (r.key.inverse.empty()) r.key.inverse = model.accessor;
  return model;
}

/// ormc:table(distribute_by=..., colocate_with=...) or ormc:table(reference): the validator
/// checks the member and the engine's rules once every model is known.
ir::Distribution ModelBuilder::distribution(const ParsedAnnotation& table) {
  const an::Annotation& t = table.annotation;
  ir::Distribution out;
  const an::Argument* by = t.find("distribute_by");
  const an::Argument* reference = t.find("reference");
  const an::Argument* colocate = t.find("colocate_with");
  if (by && reference && an::flagValue(reference)) {
    reader_.error("conflicting-annotations", reader_.locate(table, reference->keyOffset),
                  "a table is distributed by a column or copied to every node as a reference "
                  "table, not both: remove 'reference' or 'distribute_by'");
    return out;
  }
  if (colocate && !by) {
    reader_.error("conflicting-annotations", reader_.locate(table, colocate->keyOffset),
                  "colocate_with applies to a table distributed by a column; add "
                  "distribute_by=<member>");
    return out;
  }
  if (by) {
    out.kind = ir::Distribution::Kind::Distributed;
    out.member = by->value.text;
    out.loc = reader_.convert(reader_.locate(table, by->keyOffset));
    if (colocate) {
      out.colocateWith = colocate->value.text;
      out.colocateLoc = reader_.convert(reader_.locate(table, colocate->keyOffset));
    }
  } else if (reference && an::flagValue(reference)) {
    out.kind = ir::Distribution::Kind::Reference;
    out.loc = reader_.convert(reader_.locate(table, reference->keyOffset));
  }
  return out;
}

/// ormc:table(partition_by="range(member)", ...): the method and the key's member; the
/// validator checks them against the columns.
ir::Partitioning ModelBuilder::partitioning(const ParsedAnnotation& table) {
  const an::Annotation& t = table.annotation;
  ir::Partitioning out;
  const an::Argument* by = t.find("partition_by");
  if (!by) {
    for (const char* key : {"partitions", "partition_interval", "partitions_ahead"})
      if (const an::Argument* alone = t.find(key))
        reader_.error("conflicting-annotations", reader_.locate(table, alone->keyOffset),
                      std::string(key) + " applies to a partitioned table; add "
                                         "partition_by=\"range(member)\", \"list(member)\" "
                                         "or \"hash(member)\"");
    return out;
  }
  const std::string& text = by->value.text;
  std::size_t open = text.find('(');
  std::optional<ir::Partitioning::Method> method =
      open == std::string::npos ? std::nullopt : ir::partitionMethodFromName(text.substr(0, open));
  if (!method || *method == ir::Partitioning::Method::None || text.back() != ')' ||
      open + 2 >= text.size()) {
    reader_.error("malformed-value", reader_.locate(table, by->keyOffset),
                  "partition_by=\"" + text +
                      "\": write \"range(member)\", \"list(member)\" or \"hash(member)\"");
    return out;
  }
  out.method = *method;
  out.member = text.substr(open + 1, text.size() - open - 2);
  out.loc = reader_.convert(reader_.locate(table, by->keyOffset));
  // Positive integers of up to 18 digits (the annotation grammar); past int, the validator's
  // bounds refuse them.
  auto count = [](const an::Argument& n) {
    return static_cast<int>(std::min<long long>(std::stoll(n.value.text), INT_MAX));
  };
  if (const an::Argument* n = t.find("partitions")) out.partitions = count(*n);
  if (out.method == ir::Partitioning::Method::Range) {
    out.interval = textOr(t.find("partition_interval"), "month");
    const an::Argument* ahead = t.find("partitions_ahead");
    out.ahead = ahead ? count(*ahead) : 3;
  } else {
    out.interval = textOr(t.find("partition_interval"), "");
  }
  return out;
}

void ModelBuilder::addListPartition(const ParsedAnnotation& p, ir::Model& model) {
  const an::Annotation& a = p.annotation;
  const an::Argument* name = a.find("name");
  const an::Argument* values = a.find("values");
  if (!name || !values) {
    reader_.error("missing-argument", reader_.locate(p, a.kindOffset),
                  "ormc:partition needs name=... and values=\"a, b\"");
    return;
  }
  ir::Partitioning::ListPartition list;
  list.name = name->value.text;
  list.loc = reader_.convert(reader_.locate(p, a.kindOffset));
  std::string value;
  auto flush = [&] {
    std::size_t first = value.find_first_not_of(' ');
    std::size_t last = value.find_last_not_of(' ');
    list.values.push_back(first == std::string::npos ? "" : value.substr(first, last - first + 1));
    value.clear();
  };
  for (char ch : values->value.text)
    if (ch == ',')
      flush();
    else
      value += ch;
  flush();
  model.partitioning.lists.push_back(std::move(list));
}

void ModelBuilder::checkMixin(const CXXRecordDecl& mixin) {
  ir::Model scratch;
  scratch.name = mixin.getNameAsString();
  scratch.table = snakeCase(scratch.name);
  naming_.reset();
  tableTimeStorage_.reset();
  addMembers(mixin, scratch, scratch.name, 1);
}

void ModelBuilder::addMembers(const CXXRecordDecl& record, ir::Model& model,
                              const std::string& mixin, unsigned depth) {
  for (const CXXBaseSpecifier& base : record.bases()) {
    const CXXRecordDecl* baseDecl = base.getType()->getAsCXXRecordDecl();
    if (!baseDecl || !baseDecl->hasDefinition()) continue;
    if (AnnotationReader::has(*baseDecl, an::Kind::Mixin)) {
      addMembers(*baseDecl, model, baseDecl->getQualifiedNameAsString(), depth + 1);
    } else if (hasFieldsAnywhere(*baseDecl)) {
      reader_.warn("base-fields-ignored", base.getBeginLoc(),
                   "data members of base '" + baseDecl->getNameAsString() +
                       "' are not columns of '" + model.name + "'; annotate '" +
                       baseDecl->getNameAsString() + "' with ormc:mixin to make them columns");
    }
  }
  for (const FieldDecl* field : record.fields())
    if (auto column = buildColumn(*field)) {
      column->mixin = mixin;
      model.columns.push_back(std::move(*column));
    }
  addHooks(record, model);
  if (depth > 0) {
    // A mixin may add indexes over its own columns; nothing else on it applies to a table.
    for (const ParsedAnnotation& p : reader_.parse(record)) {
      if (p.kind == an::Kind::Index || p.kind == an::Kind::Unique)
        addIndex(p, model);
      else if (p.kind != an::Kind::Mixin && p.kind != an::Kind::Table)
        reader_.error("misplaced-annotation", reader_.locate(p, p.annotation.kindOffset),
                      "'ormc:" + p.annotation.kind + "' does not apply to a mixin");
    }
  }
}

void ModelBuilder::addStructAnnotations(ir::Model& model,
                                        const std::vector<ParsedAnnotation>& parsed) {
  for (const ParsedAnnotation& p : parsed) {
    switch (p.kind) {
    case an::Kind::Index:
    case an::Kind::Unique:
      addIndex(p, model);
      break;
    case an::Kind::ManyToMany:
      addManyToMany(p, model);
      break;
    case an::Kind::References:
      addCompositeReference(p, model);
      break;
    case an::Kind::Partition:
      addListPartition(p, model);
      break;
    default:
      break; // the table annotation itself, a mixin mark, or misplaced (reported by the visitor)
    }
  }
}

void ModelBuilder::addIndex(const ParsedAnnotation& p, ir::Model& model) {
  const an::Annotation& a = p.annotation;
  ir::Index index;
  index.unique = p.kind == an::Kind::Unique;
  index.loc = reader_.convert(reader_.locate(p, a.kindOffset));
  for (const an::Argument* arg : an::positionalArgs(a)) {
    const ir::Column* column = model.column(arg->key);
    if (!column) {
      reader_.error("unknown-member", reader_.locate(p, arg->keyOffset),
                    "'" + arg->key + "' is not a column of '" + model.name + "'");
      return;
    }
    index.members.push_back(column->member);
    index.columns.push_back(column->name);
  }
  std::string generated = (index.unique ? "uq_" : "idx_") + model.table;
  for (const std::string& column : index.columns)
    generated += "_" + column;
  index.name = textOr(keyed(a, "name"), ir::generatedIdentifier(generated));
  index.method = textOr(keyed(a, "method"), "");
  index.opclass = textOr(keyed(a, "opclass"), "");
  model.indexes.push_back(std::move(index));
}

void ModelBuilder::addCompositeReference(const ParsedAnnotation& p, ir::Model& model) {
  const an::Annotation& a = p.annotation;
  std::vector<const an::Argument*> given = an::positionalArgs(a);
  ir::CompositeReference ref;
  ref.key = foreignKey(p, snakeCase(ir::unqualifiedName(given.front()->key)));
  for (std::size_t i = 1; i < given.size(); ++i) {
    const ir::Column* column = model.column(given[i]->key);
    if (!column) {
      reader_.error("unknown-member", reader_.locate(p, given[i]->keyOffset),
                    "'" + given[i]->key + "' is not a column of '" + model.name + "'");
      return;
    }
    ref.members.push_back(column->member);
  }
  model.compositeReferences.push_back(std::move(ref));
}

ir::ForeignKey ModelBuilder::foreignKey(const ParsedAnnotation& p, const std::string& name) const {
  const an::Annotation& a = p.annotation;
  ir::ForeignKey fk;
  fk.target = an::positionalArgs(a).front()->key;
  fk.onDelete = action(keyed(a, "on_delete"));
  fk.onUpdate = action(keyed(a, "on_update"));
  fk.name = textOr(keyed(a, "name"), name);
  fk.inverse = textOr(keyed(a, "inverse"), "");
  if (const an::Argument* index = keyed(a, "index")) fk.indexed = an::flagValue(index);
  fk.loc = reader_.convert(reader_.locate(p, a.kindOffset));
  return fk;
}

void ModelBuilder::addManyToMany(const ParsedAnnotation& p, ir::Model& model) {
  const an::Annotation& a = p.annotation;
  ir::ManyToMany rel;
  rel.target = an::positionalArgs(a).front()->key;
  std::string target = snakeCase(ir::unqualifiedName(rel.target));
  std::string self = snakeCase(model.name);
  rel.name = textOr(keyed(a, "name"), pluralize(target));
  rel.inverse = textOr(keyed(a, "inverse"), model.accessor);
  rel.through = textOr(keyed(a, "through"), "");
  if (rel.through.empty()) {
    rel.table = textOr(keyed(a, "table"), self + "_" + target);
    rel.sourceColumn = textOr(keyed(a, "source_column"), self + "_id");
    rel.targetColumn = textOr(keyed(a, "target_column"), target + "_id");
    if (rel.targetColumn == rel.sourceColumn && !keyed(a, "target_column"))
      rel.targetColumn = "related_" + rel.targetColumn;
  } else {
    for (const char* key : {"table", "source_column", "target_column"})
      if (const an::Argument* given = keyed(a, key))
        reader_.error("conflicting-annotations", reader_.locate(p, given->keyOffset),
                      "'" + std::string(key) +
                          "' names a generated join table's; with 'through' the join table is "
                          "that model's");
  }
  rel.loc = reader_.convert(reader_.locate(p, a.kindOffset));
  model.manyToMany.push_back(std::move(rel));
}

void ModelBuilder::addHooks(const CXXRecordDecl& record, ir::Model& model) {
  for (const Decl* decl : record.decls()) {
    const auto* method = dyn_cast<CXXMethodDecl>(decl);
    if (const auto* tmpl = dyn_cast<FunctionTemplateDecl>(decl))
      method = dyn_cast<CXXMethodDecl>(tmpl->getTemplatedDecl());
    if (!method || !method->hasAttrs()) continue;
    for (const ParsedAnnotation& p : reader_.parse(*method)) {
      if (p.kind != an::Kind::Hook) {
        reader_.error("misplaced-annotation", method->getLocation(),
                      "'ormc:" + p.annotation.kind + "' " + misplacedMessage(an::targetOf(p.kind)) +
                          ", not to member functions");
        continue;
      }
      std::string event = an::positionalArgs(p.annotation).front()->key;
      std::string problem;
      if (method->isStatic())
        problem = "is static";
      else if (method->getDescribedFunctionTemplate() || method->isTemplated())
        problem = "is a template";
      else if (method->getNumParams() != 0)
        problem = "takes parameters";
      else if (!method->getReturnType()->isVoidType())
        problem = "does not return void";
      else if (method->getAccess() != AS_public)
        problem = "is not public";
      else if (method->getRefQualifier() == RQ_RValue)
        problem = "is &&-qualified";
      if (!problem.empty()) {
        reader_.error("hook-signature", method->getLocation(),
                      "hook '" + method->getNameAsString() + "' " + problem + "; an ormc:hook(" +
                          event + ") must be a public member function 'void " +
                          method->getNameAsString() + "()' (throw to stop the operation)");
        continue;
      }
      ir::Hook hook;
      hook.event = *ir::hookEventFromName(event);
      hook.function = method->getNameAsString();
      hook.loc = reader_.convert(method->getLocation());
      model.hooks.push_back(std::move(hook));
    }
  }
}

bool ModelBuilder::vectorDimension(const ParsedAnnotation& vector, const FieldDecl& field,
                                   ir::Column& c) {
  const an::Argument* dim = vector.annotation.find("dim");
  const int fixed = c.type.dimension; // std::array's N; 0 for a std::vector
  if (!dim && fixed == 0) {
    reader_.error("vector-dimension", field.getLocation(),
                  "vector '" + field.getNameAsString() +
                      "' needs its dimension: ormc:vector(dim=N), the floats each value holds");
    return false;
  }
  const long long given = dim ? std::stoll(dim->value.text) : fixed;
  if (fixed != 0 && given != fixed) {
    reader_.error("vector-dimension", field.getLocation(),
                  "ormc:vector(dim=" + std::to_string(given) + ") on '" + field.getNameAsString() +
                      "', a std::array of " + std::to_string(fixed) + " floats");
    return false;
  }
  if (given > ir::kMaxVectorDimension) {
    reader_.error("vector-dimension", field.getLocation(),
                  "vector '" + field.getNameAsString() + "' of " + std::to_string(given) +
                      " dimensions; at most " + std::to_string(ir::kMaxVectorDimension) +
                      " (pgvector's limit, kept on every storage)");
    return false;
  }
  c.type.dimension = static_cast<int>(given);
  return true;
}

std::optional<ir::Column> ModelBuilder::buildColumn(const FieldDecl& field) {
  if (field.isInvalidDecl()) return std::nullopt;
  auto parsed = reader_.parse(field);
  const ParsedAnnotation* column = nullptr;
  const ParsedAnnotation* belongsTo = nullptr;
  const ParsedAnnotation* id = nullptr;
  const ParsedAnnotation* vector = nullptr;
  const ParsedAnnotation* tenant = nullptr;
  bool ignored = false;
  ir::ColumnRole role = ir::ColumnRole::None;
  for (const ParsedAnnotation& p : parsed) {
    switch (p.kind) {
    case an::Kind::Column:
      column = &p;
      break;
    case an::Kind::Id:
      id = &p;
      break;
    case an::Kind::Ignore:
      ignored = true;
      break;
    case an::Kind::BelongsTo:
      belongsTo = &p;
      break;
    case an::Kind::Vector:
      vector = &p;
      break;
    case an::Kind::CreatedAt:
    case an::Kind::UpdatedAt:
    case an::Kind::SoftDelete:
    case an::Kind::Version:
    case an::Kind::Tenant: {
      ir::ColumnRole r = p.kind == an::Kind::CreatedAt   ? ir::ColumnRole::CreatedAt
                         : p.kind == an::Kind::UpdatedAt ? ir::ColumnRole::UpdatedAt
                         : p.kind == an::Kind::Version   ? ir::ColumnRole::Version
                         : p.kind == an::Kind::Tenant    ? ir::ColumnRole::Tenant
                                                         : ir::ColumnRole::SoftDelete;
      if (role != ir::ColumnRole::None)
        reader_.error("conflicting-annotations", field.getLocation(),
                      "member '" + field.getNameAsString() +
                          "' has more than one of created_at, updated_at, soft_delete, version, "
                          "tenant");
      role = r;
      if (p.kind == an::Kind::Tenant) tenant = &p;
      break;
    }
    default:
      reader_.error("misplaced-annotation", field.getLocation(),
                    "'ormc:" + p.annotation.kind + "' " + misplacedMessage(an::targetOf(p.kind)) +
                        ", not to data members");
      break;
    }
  }
  if (ignored) {
    if (id || column || belongsTo || vector || role != ir::ColumnRole::None)
      reader_.error("conflicting-annotations", field.getLocation(),
                    "member '" + field.getNameAsString() + "' is both ignored and a column");
    return std::nullopt;
  }
  if (field.getName().empty()) {
    reader_.error("unsupported-member", field.getLocation(),
                  "anonymous members cannot be columns; mark them ormc:ignore");
    return std::nullopt;
  }
  if (field.isBitField()) {
    reader_.error("unsupported-member", field.getLocation(),
                  "bit-field '" + field.getNameAsString() + "' cannot be a column",
                  ignoreFixIt(field));
    return std::nullopt;
  }
  if (field.getAccess() != AS_public) {
    reader_.error("unsupported-member", field.getLocation(),
                  "column '" + field.getNameAsString() +
                      "' must be public: the generated code reads and writes it");
    return std::nullopt;
  }
  ASTContext& ctx = reader_.context();
  bool asJson = column && an::flagValue(column->annotation.find("json"));
  auto mapped = mapType(field.getType(), ctx, asJson, vector != nullptr);
  if (!mapped && vector) {
    PrintingPolicy policy(ctx.getLangOpts());
    reader_.error("vector-column", field.getLocation(),
                  "ormc:vector on '" + field.getNameAsString() + "' of type '" +
                      field.getType().getAsString(policy) +
                      "': a vector is a std::vector<float> or a std::array<float, N>");
    return std::nullopt;
  }
  if (!mapped && asJson) {
    PrintingPolicy policy(ctx.getLangOpts());
    reader_.error("unsupported-type", field.getLocation(),
                  "ormc:column(json) on '" + field.getNameAsString() + "' of type '" +
                      field.getType().getAsString(policy) +
                      "': a JSON column holds a class (nlohmann::json, a std::vector, a struct "
                      "with to_json/from_json)");
    return std::nullopt;
  }
  std::optional<Converter> converter = mapped ? std::nullopt : findConverter(field.getType(), ctx);
  if (converter) {
    PrintingPolicy policy(ctx.getLangOpts());
    reader_.error(
        "converter", field.getLocation(),
        !converter->problem.empty()
            ? converter->problem + ", so '" + field.getNameAsString() +
                  "' cannot be stored through it"
            : "ormc::converter<" + converter->cppType.substr(2) + ">::stored_type '" +
                  converter->stored.getAsString(policy) + "' of '" + field.getNameAsString() +
                  "' is not a type ormc stores; supported: " + supportedTypesDescription());
    return std::nullopt;
  }
  if (!mapped) {
    PrintingPolicy policy(ctx.getLangOpts());
    reader_.error("unsupported-type", field.getLocation(),
                  "unsupported type '" + field.getType().getAsString(policy) + "' for column '" +
                      field.getNameAsString() + "'; supported: " + supportedTypesDescription() +
                      " (or mark the member ormc:ignore)",
                  ignoreFixIt(field));
    return std::nullopt;
  }
  ir::Column c;
  c.member = field.getNameAsString();
  const an::Annotation* options = column ? &column->annotation : nullptr;
  c.name = textOr(options ? options->find("name") : nullptr,
                  naming_ ? applyNamingRule(*naming_, c.member) : c.member);
  c.type = mapped->type;
  // The type as the user wrote it: clang's printed spelling differs between LLVM versions, which
  // would make schema.json and fragments from two builds differ.
  if (std::string written = writtenType(field, ctx); !written.empty()) c.type.spelling = written;
  c.nullable = mapped->nullable;
  c.primaryKey = id != nullptr;
  c.generatedUuid = id && an::flagValue(id->annotation.find("uuid"));
  if (c.generatedUuid && c.type.kind == ir::TypeKind::String && !c.nullable)
    c.type.kind = ir::TypeKind::Uuid;
  // ormc:id(assigned): the application supplies the key and inserts send it, as an existing
  // schema's `INTEGER PRIMARY KEY` without identity needs.
  bool assigned = id && an::flagValue(id->annotation.find("assigned"));
  if (assigned && c.generatedUuid)
    reader_.error("primary-key-type", field.getLocation(),
                  "ormc:id(uuid) and ormc:id(assigned) on '" + field.getNameAsString() +
                      "' contradict each other: a uuid key is generated, an assigned one is the "
                      "application's");
  c.autoIncrement = c.primaryKey && !c.generatedUuid && !assigned && ir::isInteger(c.type.kind) &&
                    c.type.enumType.empty();
  if (const an::Argument* sequence = id ? id->annotation.find("sequence") : nullptr)
    c.sequence = sequence->value.text;
  c.role = role;
  c.rowSecurity = tenant && an::flagValue(tenant->annotation.find("row_security"));
  c.loc = reader_.convert(field.getLocation());
  if (options) {
    c.unique = an::flagValue(options->find("unique"));
    c.indexed = an::flagValue(options->find("index"));
    if (const an::Argument* max = options->find("max_length"))
      c.maxLength = std::stoll(max->value.text);
    if (const an::Argument* def = options->find("default")) c.defaultValue = defaultValue(*def);
    c.comment = textOr(options->find("comment"), "");
    c.renamedFrom = textOr(options->find("renamed_from"), "");
    c.convertUsing = textOr(options->find("convert_using"), "");
    c.check = textOr(options->find("check"), "");
    for (Dialect d : sql::all_dialects())
      if (const an::Argument* type = options->find(std::string(sql::renderer(d).name()) + "_type"))
        c.declaredTypes[std::string(sql::renderer(d).name())] = type->value.text;
    if (const an::Argument* min = options->find("min")) c.min = min->value.text;
    if (const an::Argument* max = options->find("max")) c.max = max->value.text;
    c.notEmpty = an::flagValue(options->find("not_empty"));
    c.insertOnly = an::flagValue(options->find("insert_only"));
  }
  // Whether the storage fits the type is the validator's to say (storage-type), so an IR read
  // from a fragment is checked the same way.
  const an::Argument* storage = options ? options->find("storage") : nullptr;
  if (vector) {
    storage = vector->annotation.find("storage");
    if (!vectorDimension(*vector, field, c)) return std::nullopt;
  }
  if (std::optional<ir::Storage> chosen =
          storage ? ir::storageFromName(storage->value.text) : std::nullopt)
    c.storage = *chosen;
  else if (tableTimeStorage_ && c.type.kind == ir::TypeKind::Timestamp)
    c.storage = *tableTimeStorage_;
  // The names are part of the schema only where they are stored.
  if (!(!c.type.enumType.empty() && c.storage == ir::Storage::Text)) c.type.enumerators.clear();
  if (belongsTo) {
    // author_id -> author; a member without the suffix names the relation itself.
    bool idSuffix = c.member.size() > 3 && c.member.compare(c.member.size() - 3, 3, "_id") == 0;
    c.references =
        foreignKey(*belongsTo, idSuffix ? c.member.substr(0, c.member.size() - 3) : c.member);
  }
  return c;
}

std::optional<FixIt> ModelBuilder::ignoreFixIt(const FieldDecl& field) const {
  SourceLocation begin = field.getBeginLoc();
  if (begin.isMacroID()) return std::nullopt;
  return FixIt{reader_.convert(begin), 0, "[[clang::annotate(\"ormc:ignore\")]] "};
}

} // namespace ormc::frontend
