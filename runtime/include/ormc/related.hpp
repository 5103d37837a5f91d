// What relation helpers return and run on: rows found by key (Lookup), rows grouped by the key
// they belong to (Grouped), a key set bound as one parameter, and many-to-many join tables.
// Generated code calls these; the tables' relation helpers are their public face:
//
//   auto authors = m.posts.load_author(posts);   // one statement, however many posts
//   const User* a = authors.find(post.author_id);
#pragma once

#include <algorithm>
#include <charconv>
#include <optional>
#include <ormc/column.hpp>
#include <ormc/database.hpp>
#include <ormc/key.hpp>
#include <ormc/model.hpp>
#include <ormc/query.hpp>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace ormc {

/// Rows found for a set of keys, each under its key; find() is a binary search.
template <class K, class Row> class Lookup {
public:
  Lookup() = default;
  explicit Lookup(std::vector<std::pair<K, Row>> entries) : entries_(std::move(entries)) {
    std::sort(entries_.begin(), entries_.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  /// The row under `key`, or nullptr. A std::optional key that is empty finds nothing.
  const Row* find(const K& key) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                               [](const auto& entry, const K& k) { return entry.first < k; });
    return it != entries_.end() && it->first == key ? &it->second : nullptr;
  }
  const Row* find(const std::optional<K>& key) const { return key ? find(*key) : nullptr; }
  bool contains(const K& key) const { return find(key) != nullptr; }
  std::size_t size() const noexcept { return entries_.size(); }
  bool empty() const noexcept { return entries_.empty(); }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

private:
  std::vector<std::pair<K, Row>> entries_;
};

/// Rows grouped under the key they belong to: of(key) is every row of one group.
template <class K, class Row> class Grouped {
public:
  Grouped() = default;
  explicit Grouped(std::vector<std::pair<K, Row>> entries) {
    // Stable by the position as a tie-break: std::stable_sort's temporary buffer is deprecated
    // API in libstdc++ 12, which Clang reports from the user's unit.
    std::vector<std::size_t> order(entries.size());
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (entries[a].first < entries[b].first) return true;
      if (entries[b].first < entries[a].first) return false;
      return a < b;
    });
    keys_.reserve(entries.size());
    rows_.reserve(entries.size());
    for (std::size_t i : order) {
      keys_.push_back(std::move(entries[i].first));
      rows_.push_back(std::move(entries[i].second));
    }
  }
  /// The rows under `key`, in the order the database returned them; empty when there are none.
  std::span<const Row> of(const K& key) const {
    auto [first, last] = std::equal_range(keys_.begin(), keys_.end(), key);
    return {rows_.data() + (first - keys_.begin()), static_cast<std::size_t>(last - first)};
  }
  /// Every row of every group.
  std::size_t size() const noexcept { return rows_.size(); }

private:
  std::vector<K> keys_;
  std::vector<Row> rows_;
};

namespace detail {
template <class T> const T* value_of(const T& v) {
  return &v;
}
template <class T> const T* value_of(const std::optional<T>& v) {
  return v ? &*v : nullptr;
}

/// Appends a key (`text`: a string key, else an integer's digits) to the text of a key set's
/// one parameter, in the dialect's encoding; close_key_set() ends it.
void append_key(std::string& set, std::string_view key, bool text, Dialect dialect);
void close_key_set(std::string& set, Dialect dialect);
/// The keys as a key set's one parameter: a JSON array for SQLite's json_each(), an array
/// literal for PostgreSQL's = ANY().
template <class K> std::string encode_keys(const std::vector<K>& keys, Dialect dialect) {
  std::string set;
  for (const K& k : keys) {
    if constexpr (std::is_convertible_v<const K&, std::string_view>) {
      append_key(set, k, true, dialect);
    } else {
      char digits[24];
      auto [end, error] = std::to_chars(digits, digits + sizeof digits, k);
      append_key(set, std::string_view(digits, static_cast<std::size_t>(end - digits)), false,
                 dialect);
    }
  }
  close_key_set(set, dialect);
  return set;
}
/// Binds the key set's parameter (`encoded` must outlive the statement's execution: SQLite
/// does not copy it).
template <class S, class K>
void bind_key_set(S& s, int& index, const std::vector<K>& keys, std::string& encoded) {
  encoded = encode_keys(keys, std::is_same_v<S, postgres::Statement> ? Dialect::postgresql
                                                                     : Dialect::sqlite);
  s.bind(index++, encoded);
}

template <Column C, class K> struct key_set {
  using model_type = typename C::model_type;
  std::vector<K> keys;
  void write(SqlFragment& f) const {
    if (keys.empty())
      f.never(); // nothing is in an empty set
    else
      f.key_set(C::sql, encode_keys(keys, f.dialect()));
  }
};

/// The distinct keys of `rows` read through `key`, leaving out empty optionals.
template <class K, class Rows, class KeyOf>
std::vector<K> distinct_keys(const Rows& rows, KeyOf key) {
  std::vector<K> out;
  for (const auto& row : rows) {
    decltype(auto) value = key(row); // a member, or a composite key built for the row
    if (const K* k = value_of(value)) out.push_back(*k);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}
} // namespace detail

/// `col` is one of `keys`, bound as a single parameter whatever their number (unlike in(),
/// which binds one parameter per value and meets the databases' limits at tens of thousands).
template <Column C, class Range> auto any_of(C, const Range& keys) {
  using K = typename detail::unwrap_optional<typename C::value_type>::type;
  detail::key_set<C, K> set;
  for (const auto& k : keys)
    set.keys.push_back(K(k));
  return set;
}

/// A many-to-many join table, seen from one side: the column holding this side's key
/// (`source_column`) and the one holding the other side's (`target_column`), all quoted.
struct JoinTable {
  std::string_view names[dialect_count]; // quoted, per dialect (the enumerator's value)
  std::string_view source_column;
  std::string_view target_column;

  std::string_view name(Dialect dialect) const noexcept { return names[static_cast<int>(dialect)]; }
};

namespace detail {
/// INSERT of a link (parameters: source key, target key) that does nothing if it exists.
std::string link_sql(const JoinTable& join, Dialect dialect);
/// DELETE of a link (parameters: source key, target key).
std::string unlink_sql(const JoinTable& join, Dialect dialect);
/// SELECT source, target of the links from a key set (one parameter, encode_keys()).
std::string links_sql(const JoinTable& join, Dialect dialect);

/// `"id" IN (SELECT "tag_id" FROM "post_tag" WHERE "post_id" = ?)`
template <Column TargetKey, class K> struct linked_to {
  using model_type = typename TargetKey::model_type;
  const JoinTable* join;
  K source;
  void write(SqlFragment& f) const {
    f.linked(TargetKey::sql, join->name(f.dialect()), join->source_column, join->target_column,
             source);
  }
};
} // namespace detail

/// The rows of Target linked to `source` through `join`: a query to refine further.
template <class Target, class K>
Query<Target> linked(Database& db, const JoinTable& join, const K& source) {
  using key_column = typename ModelTraits<Target>::key_column;
  return Query<Target>(db).where(detail::linked_to<key_column, K>{&join, source});
}

/// Links two rows through a generated join table; linking them again changes nothing.
template <class SK, class TK>
void link(Database& db, const JoinTable& join, const SK& source, const TK& target) {
  db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(detail::link_sql(join, conn.dialect_v));
    statement->bind(1, source);
    statement->bind(2, target);
    statement->execute();
  });
}

/// Removes the link between two rows; false if they were not linked.
template <class SK, class TK>
bool unlink(Database& db, const JoinTable& join, const SK& source, const TK& target) {
  return db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(detail::unlink_sql(join, conn.dialect_v));
    statement->bind(1, source);
    statement->bind(2, target);
    return statement->execute() != 0;
  });
}

/// The key of Target that the members of a foreign key to it hold, in the order of its key
/// columns; empty when one of them is an empty std::optional (the row references nothing).
template <class Target, class... Parts>
std::optional<typename ModelTraits<Target>::key_type> reference_key(const Parts&... parts) {
  if ((... || !detail::value_of(parts))) return std::nullopt;
  return typename ModelTraits<Target>::key_type{*detail::value_of(parts)...};
}

/// Belongs-to, for a whole result set: the Target rows whose keys `rows` reference through
/// `reference` (a member pointer, or a function of a row returning the key it references, as
/// a foreign key to a composite key has it), in one statement.
template <class Target, class Rows, class Reference>
auto load_referenced(Database& db, const Rows& rows, Reference reference) {
  using traits = ModelTraits<Target>;
  using K = typename traits::key_type;
  auto keys = detail::distinct_keys<K>(rows, [&](const auto& row) -> decltype(auto) {
    if constexpr (std::is_member_object_pointer_v<Reference>)
      return (row.*reference);
    else
      return reference(row);
  });
  std::vector<std::pair<K, Target>> entries;
  // all(): one statement (iterating would page through a cursor on PostgreSQL).
  auto found = [&] {
    if constexpr (detail::key_size<Target> == 1)
      return Query<Target>(db).where(any_of(typename traits::key_column{}, keys)).all();
    else
      return Query<Target>(db).where(detail::key_in<Target>{std::move(keys)}).all();
  }();
  for (Target& row : found)
    entries.emplace_back(traits::key(row), std::move(row));
  return Lookup<K, Target>(std::move(entries));
}

namespace detail {
/// The Source rows whose foreign key columns `Fks` (one, or several in the order of a composite
/// key) hold a key of `rows`, each with that key.
template <class Source, class Rows, Column... Fks>
auto referencing(Database& db, const Rows& rows) {
  using Owner = std::remove_cvref_t<decltype(*std::begin(rows))>;
  using owner_traits = ModelTraits<Owner>;
  using K = typename owner_traits::key_type;
  auto keys = detail::distinct_keys<K>(
      rows, [](const auto& row) -> decltype(auto) { return owner_traits::key(row); });
  std::vector<std::pair<K, Source>> entries;
  auto found = [&] {
    if constexpr (sizeof...(Fks) == 1)
      return Query<Source>(db).where(any_of(Fks{}..., keys)).all();
    else
      return Query<Source>(db)
          .where(tuples_in<Source, std::tuple<Fks...>, K>{std::move(keys)})
          .all();
  }();
  for (Source& row : found)
    if (auto key = reference_key<Owner>(row.*Fks::member...)) {
      K k = std::move(*key);
      entries.emplace_back(std::move(k), std::move(row));
    }
  return entries;
}
} // namespace detail

/// Has-many, for a whole result set: the Source rows whose foreign key (the columns `Fks`, in
/// the order of the owner's key) references one of `rows`, grouped by that key, in one
/// statement.
template <class Source, Column... Fks, class Rows>
auto load_referencing(Database& db, const Rows& rows) {
  auto entries = detail::referencing<Source, Rows, Fks...>(db, rows);
  return Grouped<typename decltype(entries)::value_type::first_type, Source>(std::move(entries));
}

/// Has-one (a unique foreign key), for a whole result set, in one statement.
template <class Source, Column Fk, class Rows>
auto load_referencing_one(Database& db, const Rows& rows) {
  auto entries = detail::referencing<Source, Rows, Fk>(db, rows);
  return Lookup<typename decltype(entries)::value_type::first_type, Source>(std::move(entries));
}

/// Many-to-many, for a whole result set: the Target rows linked to each of `rows`, in two
/// statements (the links, then the linked rows).
template <class Target, class Rows>
auto load_linked(Database& db, const JoinTable& join, const Rows& rows) {
  using Owner = std::remove_cvref_t<decltype(*std::begin(rows))>;
  using SK = typename ModelTraits<Owner>::key_type;
  using TK = typename ModelTraits<Target>::key_type;
  auto keys = detail::distinct_keys<SK>(
      rows, [](const auto& row) -> decltype(auto) { return ModelTraits<Owner>::key(row); });
  std::vector<std::pair<SK, TK>> links;
  if (!keys.empty())
    db.with_connection([&](auto& conn) {
      auto statement = conn.prepare(detail::links_sql(join, conn.dialect_v));
      int index = 1;
      std::string encoded;
      detail::bind_key_set(*statement, index, keys, encoded);
      while (statement->step()) {
        auto& link = links.emplace_back();
        statement->read(0, link.first);
        statement->read(1, link.second);
      }
    });
  Lookup<TK, Target> found = load_referenced<Target>(db, links, &std::pair<SK, TK>::second);
  std::vector<std::pair<SK, Target>> entries;
  for (const auto& [source, target] : links)
    if (const Target* row = found.find(target)) entries.emplace_back(source, *row);
  return Grouped<SK, Target>(std::move(entries));
}

} // namespace ormc
