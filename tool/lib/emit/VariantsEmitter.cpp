// The Create, Update and Search structs of a model with ormc:table(variants), and the
// ormc::ModelVariants functions Table's create(), update(key, changes) and search() call. The
// structs are plain aggregates beside the model (each member initialized, so that designated
// initializers naming only some compile warning-free on GCC); the functions are declared in the
// header and defined in the model's generated source, so a unit that uses them only calls them.
#include "emit/CppEmitterInternal.h"

#include <string>

namespace ormc::emit {

namespace {

/// A column a client supplies when creating a row: not a key the database or ormc assigns,
/// not one ormc fills in (timestamps, soft delete, version).
bool inCreate(const ir::Column& c) {
  return !(c.primaryKey && (c.autoIncrement || c.generatedUuid)) && c.role == ir::ColumnRole::None;
}

/// A column an update may change: not the key, not one ormc fills in.
bool inUpdate(const ir::Column& c) {
  return !c.primaryKey && c.role == ir::ColumnRole::None;
}

/// A column a search filters: a scalar compared as it is stored (not JSON, bytes or a
/// converted type, whose comparisons are not the member's).
bool inSearch(const ir::Column& c) {
  return c.type.kind != ir::TypeKind::Json && c.type.kind != ir::TypeKind::Bytes &&
         c.convertUsing.empty();
}

} // namespace

void printVariantStructs(Printer& p, const ir::Schema& schema, const ir::Model& m) {
  if (!m.cppNamespace.empty())
    p.print("namespace $ns$ {\n\n", {{"ns", namespaceOpening(schema, m.cppNamespace)}});
  const std::string type = "::" + m.qualifiedName;
  // One struct: its comment, its name's suffix, the columns it takes, each member's line.
  auto variant = [&](const char* comment, const char* suffix, bool (*takes)(const ir::Column&),
                     const char* member) {
    p.print(comment, {{"name", m.qualifiedName}, {"s", m.name}, {"accessor", m.accessor}});
    p.print("struct $s$_$suffix$ {\n", {{"s", m.name}, {"suffix", suffix}});
    p.indent();
    for (const ir::Column& c : m.columns)
      if (takes(c)) p.print(member, {{"type", type}, {"m", c.member}});
    p.outdent();
    p.print("};\n");
  };
  variant("/// What a client supplies to create a $name$ (m.$accessor$.create(...)): every column\n"
          "/// but a key the database assigns and those ormc fills in; defaults as the model's.\n",
          "Create", inCreate, "decltype($type$::$m$) $m$ = $type${}.$m$;\n");
  variant("\n/// Changes to a $name$ (m.$accessor$.update(key, ...)): each member set is written,\n"
          "/// the others are kept.\n",
          "Update", inUpdate, "std::optional<decltype($type$::$m$)> $m${};\n");
  variant("\n/// Filters over a $name$'s columns (m.$accessor$.search(...)): each one set is a\n"
          "/// condition, all joined with AND. From JSON: "
          "ormc::ModelVariants<$s$>::search_from_json().\n",
          "Search", inSearch, "ormc::Filter<decltype($type$::$m$)> $m${};\n");
  if (!m.cppNamespace.empty()) p.print("\n} // namespace $ns$\n", {{"ns", m.cppNamespace}});
  p.print("\n");
}

void printVariantTraits(Printer& p, const ir::Model& m) {
  const std::string type = "::" + m.qualifiedName;
  const std::string prefix = m.cppNamespace.empty() ? "::" : "::" + m.cppNamespace + "::";
  p.print(
      "// The variants of $name$ (ormc:table(variants)); defined in its generated source.\n"
      "template <>\n"
      "struct ModelVariants<$type$> {\n"
      "  using create_type = $prefix$$s$_Create;\n"
      "  using update_type = $prefix$$s$_Update;\n"
      "  using search_type = $prefix$$s$_Search;\n"
      "  static constexpr std::string_view name = \"$name$\";\n"
      "\n"
      "  /// The row `fields` make, ready to insert.\n"
      "  static $type$ from_create(const create_type& fields);\n"
      "  /// Sets the members `changes` sets; appends their columns (quoted) to `columns`.\n"
      "  static void apply(const update_type& changes, $type$& row,\n"
      "                    std::vector<std::string_view>& columns);\n"
      "  /// The values of `columns` (quoted, as apply() names them) in `row`, in order.\n"
      "  static std::vector<ormc::detail::BoundValue> values(const $type$& row,\n"
      "                                                     std::span<const std::string_view> "
      "columns);\n"
      "  /// `query` refined by each filter of `search` that is set.\n"
      "  static ormc::Query<$type$> filter(ormc::Query<$type$> query, const search_type& search);\n"
      "  /// A search from a JSON object: {\"field\": value} or {\"field\": {\"gte\": v, ...}}, "
      "with\n"
      "  /// operators eq, ne, lt, lte, gt, gte, in, like, is_null. ormc::InvalidSearch names a\n"
      "  /// field, operator or value it cannot take.\n"
      "  static search_type search_from_json(const nlohmann::json& object);\n"
      "};\n\n",
      {{"name", m.qualifiedName}, {"type", type}, {"prefix", prefix}, {"s", m.name}});
}

void printVariantDefinitions(Printer& p, const ir::Model& m) {
  const std::string type = "::" + m.qualifiedName;
  const std::string traits = "ormc::ModelVariants<" + type + ">";
  const std::string columns = m.cppNamespace.empty()
                                  ? "::" + m.name + "_columns"
                                  : "::" + m.cppNamespace + "::" + m.name + "_columns";
  const std::string typed =
      m.cppNamespace.empty() ? "::" + m.name + "_" : "::" + m.cppNamespace + "::" + m.name + "_";
  p.print("\n// The variants of $name$.\n"
          "auto $traits$::from_create(const create_type& fields) -> $type$ {\n"
          "  $type$ row;\n",
          {{"name", m.qualifiedName}, {"traits", traits}, {"type", type}});
  for (const ir::Column& c : m.columns)
    if (inCreate(c)) p.print("  row.$m$ = fields.$m$;\n", {{"m", c.member}});
  p.print("  return row;\n"
          "}\n\n"
          "void $traits$::apply(const update_type& changes, $type$& row,\n"
          "    std::vector<std::string_view>& columns) {\n",
          {{"traits", traits}, {"type", type}});
  for (const ir::Column& c : m.columns)
    if (inUpdate(c))
      p.print("  if (changes.$m$) {\n"
              "    row.$m$ = *changes.$m$;\n"
              "    columns.push_back($columns$::$m$_::sql);\n"
              "  }\n",
              {{"m", c.member}, {"columns", columns}});
  p.print("}\n\n"
          "auto $traits$::values(const $type$& row, std::span<const std::string_view> columns)\n"
          "    -> std::vector<ormc::detail::BoundValue> {\n"
          "  std::vector<ormc::detail::BoundValue> out;\n"
          "  for (std::string_view column : columns) {\n",
          {{"traits", traits}, {"type", type}});
  bool first = true;
  for (const ir::Column& c : m.columns) {
    p.print("    $else$if (column == $columns$::$m$_::sql)\n"
            "      "
            "out.push_back(ormc::detail::to_bound(ormc::detail::as_stored<$columns$::$m$_>(row.$m$)"
            "));\n",
            {{"else", first ? "" : "else "}, {"columns", columns}, {"m", c.member}});
    first = false;
  }
  p.print("  }\n"
          "  return out;\n"
          "}\n\n"
          "auto $traits$::filter(ormc::Query<$type$> query, const search_type& search)\n"
          "    -> ormc::Query<$type$> {\n",
          {{"traits", traits}, {"type", type}});
  for (const ir::Column& c : m.columns)
    if (inSearch(c))
      p.print("  query = ormc::detail::apply_filter(query, $typed$::$m$, search.$m$, \"$m$\");\n",
              {{"typed", typed}, {"m", c.member}});
  p.print("  return query;\n"
          "}\n\n"
          "auto $traits$::search_from_json(const nlohmann::json& object) -> search_type {\n"
          "  ormc::detail::check_search_object(object, name);\n"
          "  search_type search;\n"
          "  for (const auto& [key, value] : object.items()) {\n",
          {{"traits", traits}});
  std::string fields;
  first = true;
  for (const ir::Column& c : m.columns)
    if (inSearch(c)) {
      p.print("    $else$if (key == \"$m$\")\n"
              "      ormc::detail::read_filter(value, name, \"$m$\", search.$m$);\n",
              {{"else", first ? "" : "else "}, {"m", c.member}});
      fields += (fields.empty() ? "\"" : ", \"") + c.member + "\"";
      first = false;
    }
  p.print("    $else$\n"
          "      ormc::detail::throw_unknown_search_field(name, key, {$fields$});\n"
          "  }\n"
          "  return search;\n"
          "}\n",
          {{"else", first ? "" : "else"}, {"fields", fields}});
}

} // namespace ormc::emit
