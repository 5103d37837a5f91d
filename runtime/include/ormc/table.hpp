#pragma once

#include <algorithm>
#include <chrono>
#include <concepts>
#include <cstdint>
#include <optional>
#include <ormc/auto_values.hpp>
#include <ormc/database.hpp>
#include <ormc/error.hpp>
#include <ormc/history.hpp>
#include <ormc/join.hpp>
#include <ormc/key.hpp>
#include <ormc/model.hpp>
#include <ormc/query.hpp>
#include <ormc/table_ops.hpp>
#include <ormc/transaction.hpp>
#include <ormc/validation.hpp>
#include <ormc/variants.hpp>
#include <ranges>
#include <span>
#include <string>
#include <tuple>
#include <vector>

namespace ormc {

/// The rows of one model's table, as a member of the generated Models container:
///
///   Task t{.title = "write docs"};
///   m.tasks.insert(t);                  // t.id is now the database-assigned key
///   std::optional<Task> same = m.tasks.get(t.id);
///   t.done = true;
///   m.tasks.update(t);
///   m.tasks.remove(t);
///
/// Each call prepares its statement once per connection and then reuses it. Before a row is
/// written, the generated code fills the columns it owns (UUID keys, created_at, updated_at),
/// runs the model's before_* hooks and validates the row (ValidationError, nothing sent); the
/// after_* hooks run once the statement succeeded.
template <class Model> class Table {
public:
  using traits = ModelTraits<Model>;
  using key_type = typename traits::key_type;

  explicit Table(Database& db) noexcept : db_(&db) {}

  /// Creates the table and its indexes if they do not exist.
  void create_table();

  /// A model partitioned by time (ormc:table(partition_by="range(member)")): creates the
  /// partitions, one per interval, from the one holding `from` through the one holding `until`;
  /// those that exist are kept. create_schema() makes them from now through partitions_ahead
  /// intervals; call this ahead of the rows to come (a row with no partition is refused). On
  /// SQLite, whose table is not partitioned, it does nothing. A model not partitioned by time
  /// is a UsageError.
  void create_partitions(std::chrono::system_clock::time_point from,
                         std::chrono::system_clock::time_point until) {
    detail::create_partitions(*db_, detail::model_codec<Model>, from, until);
  }

  Database& database() const noexcept { return *db_; }

  /// Inserts `row`. A key the database assigns is written back into `row`.
  void insert(Model& row);

  /// Inserts every row of `rows` (a vector, span or other range of Model), in one transaction
  /// (a savepoint inside an open one), by the backend's fastest path; database-assigned keys
  /// are written back into each row. All rows or none are stored.
  /// Every row is prepared and validated before the first is sent.
  template <class Range> void insert_all(Range&& rows) {
    if constexpr (std::ranges::contiguous_range<Range> &&
                  std::is_same_v<std::ranges::range_value_t<Range>, Model>) {
      insert_span(std::span<Model>(std::ranges::data(rows), std::ranges::size(rows)));
    } else {
      insert_each(std::begin(rows), std::end(rows));
    }
  }

  /// Inserts `row`, or updates the row that is already there: INSERT ... ON CONFLICT DO UPDATE.
  ///  - By key (the default): a row whose key is set is inserted with that key, or, when a row
  ///    has that key, written over it. A database-assigned key counts as set when it is not 0
  ///    (its value-initialized state); a row without one is simply inserted.
  ///  - By a unique column (`m.users.upsert(u, User_::email)`): the row is inserted without its
  ///    key, or, when a row has the same value in that column, written over that row; the key of
  ///    the row written is put into `row` either way.
  /// Columns that only an insert writes (the key, created_at, columns marked insert_only) keep
  /// their stored values when the row exists.
  void upsert(Model& row) { upsert_by_key(row); }
  template <Column C> void upsert(Model& row, C /*conflict*/) {
    static_assert(std::is_same_v<typename C::model_type, Model>,
                  "ormc: upsert() on a column of another model (see 'C' below)");
    static_assert(
        requires { C::member; }, "ormc: upsert() on a unique column, not an expression");
    if constexpr (is_key_column<C>) {
      upsert_by_key(row);
    } else {
      prepare_insert(row);
      upsert_on(C::sql, row);
      traits::finish_insert(row);
    }
  }

  /// The row with this key, if there is one.
  std::optional<Model> get(const key_type& key);

  /// Writes every column of `row` to the row with its key. Throws NotFound if there is none.
  /// An updated_at column is set in `row` too. On a model with an ormc:version column the row
  /// is written only if the table still has the version `row` holds, which both then advance
  /// by 1; otherwise VersionConflict, and nothing is written (a lost update caught).
  void update(Model& row);
  void update(const Model& row);

  /// Writes only the named columns of `row` (and its updated_at column) to the row with its
  /// key: `m.tasks.update(task, Task_::title, Task_::done)` runs
  /// `UPDATE task SET "title" = ?, "done" = ?, "updated_at" = ? WHERE "id" = ?`, so that
  /// another writer's change to other columns is kept. Validation, the before_update and
  /// after_update hooks and updated_at apply as with update(row), and so does the version
  /// check. Throws NotFound if there is no such row.
  template <Column... C> void update(Model& row, C... columns);

  /// Deletes the row with this key; false if there was none. On a model with soft delete the
  /// row is only marked deleted (see purge() and restore()). With a before_remove hook the row
  /// is read first, so the hook sees it.
  /// (The row overloads are templates only so that a braced composite key, remove({1, 2}),
  /// is the key and not a Model built from it.)
  bool remove(const key_type& key);
  template <std::same_as<Model> R> bool remove(R& row) { return remove_row(row); }
  template <std::same_as<Model> R> bool remove(const R& row) { return remove_row(row); }

  /// Deletes the row for good, also when the model has soft delete and the row is marked
  /// deleted; runs before_remove hooks like remove().
  bool purge(const key_type& key);
  template <std::same_as<Model> R> bool purge(const R& row) { return purge(traits::key(row)); }

  /// Brings back a row remove() marked deleted; false if there is no such row.
  /// (Only for models with an ormc:soft_delete column.)
  bool restore(const key_type& key) requires traits::soft_delete { return restore_by_key(key); }
  template <std::same_as<Model> R> bool restore(R& row) requires traits::soft_delete {
    bool restored = restore_by_key(traits::key(row));
    if (restored) traits::set_deleted(row, std::nullopt);
    return restored;
  }

  // With ormc:table(versioned), the history the database's triggers keep of every change, by
  // whoever made it (see ormc/history.hpp):
  /// Every version of the row with this key, oldest first; also those of a removed row, whose
  /// last version is the removal.
  std::vector<Version<Model>> history(const key_type& key) const requires traits::versioned {
    return query().with_deleted().where(detail::key_equals<Model>{key}).versions();
  }
  /// The row with this key as it was at `at`; none when it did not exist then.
  template <class Duration>
  std::optional<Model> as_of(const key_type& key,
                             std::chrono::sys_time<Duration> at) const requires traits::versioned {
    return query().where(detail::key_equals<Model>{key}).as_of(at).first();
  }
  /// Every row as it was at `at`: a query to refine (Query::as_of()).
  template <class Duration>
  Query<Model> as_of(std::chrono::sys_time<Duration> at) const requires traits::versioned {
    return query().as_of(at);
  }
  /// What changed in [from, to): every version current at some time in it, of every row, and
  /// the removals in it; by key and then version.
  template <class D1, class D2>
  std::vector<Version<Model>>
  between(std::chrono::sys_time<D1> from,
          std::chrono::sys_time<D2> to) const requires traits::versioned {
    return query().with_deleted().versions(std::chrono::floor<std::chrono::microseconds>(from),
                                           std::chrono::floor<std::chrono::microseconds>(to));
  }
  /// Writes the row with this key back as it was in `version` (of history(key)): over the row
  /// when it exists (update(), its ormc:version column kept current), else inserted with its
  /// key. Hooks and validation run as there. Returns the row as written; NotFound when the key
  /// has no such version. (The constraint spelled out: Clang 14 does not find `traits` in the
  /// definition's trailing requires-clause.)
  Model restore(const key_type& key, std::int64_t version) requires ModelTraits<Model>::versioned;

  /// A query that also sees rows remove() marked deleted.
  Query<Model> with_deleted() const requires traits::soft_delete { return query().with_deleted(); }

  /// Every row, ordered by key.
  std::vector<Model> all();

  /// A query over the whole table, to refine with where(), order_by(), limit() ...
  Query<Model> query() const { return Query<Model>(*db_); }

  // With ormc:table(variants) (see ormc/variants.hpp):
  /// Inserts the row `fields` make (hooks, validation and ormc's own columns as insert()) and
  /// returns it, its key set.
  template <class Fields> Model create(const Fields& fields) {
    check_variant<Fields>();
    Model row = ModelVariants<Model>::from_create(fields);
    insert(row);
    return row;
  }
  /// Writes the members `changes` sets to the row with this key, and nothing else (its
  /// updated_at too): hooks, validation and the version check as update(row, columns...).
  /// Returns the row as it now is; NotFound if there is none.
  template <class Changes> Model update(const key_type& key, const Changes& changes);
  /// The rows that meet every filter `search` sets: a query to refine.
  template <class Search> Query<Model> search(const Search& search) const {
    check_variant<Search>();
    return ModelVariants<Model>::filter(query(), search);
  }

  /// This model's rows joined with B's along the one foreign key between them (either way),
  /// or on `on`: a JoinQuery, see ormc/join.hpp.
  template <class B> auto join() const { return joined<B, false>(); }
  template <class B, Condition E> auto join(E on) const { return joined<B, false>(on); }
  /// join(), keeping rows with no B: their B is an empty std::optional.
  template <class B> auto left_join() const { return joined<B, true>(); }
  template <class B, Condition E> auto left_join(E on) const { return joined<B, true>(on); }
  template <Condition E> Query<Model> where(E condition) const {
    return query().where(std::move(condition));
  }
  template <class Ordering> Query<Model> order_by(Ordering ordering) const {
    return query().order_by(ordering);
  }
  /// The k rows whose vector column is nearest `to`: Query::nearest().
  template <Column C, class V>
  Query<Model> nearest(C column, const V& to, std::int64_t k, Metric metric = Metric::l2) const {
    return query().nearest(column, to, k, metric);
  }

  /// The rows with these keys, in key order, in one statement. A composite key's are tuples
  /// of its members, in declaration order: get_many({{1, 2}, {1, 3}}).
  template <class Keys> std::vector<Model> get_many(const Keys& keys) const {
    if constexpr (detail::key_size<Model> == 1)
      return query().where(in(typename traits::key_column{}, keys)).all();
    else
      return query().where(detail::key_in<Model>{{std::begin(keys), std::end(keys)}}).all();
  }
  std::vector<Model> get_many(std::initializer_list<key_type> keys) const {
    return get_many(std::vector<key_type>(keys));
  }

  /// Rows of hand-written SQL, mapped into structs by column name: the statement returns each
  /// of the model's columns, in any order (`SELECT *` on a table ormc created does), beside any
  /// others, which are ignored. A column it lacks, or returns twice, is a UsageError naming it.
  /// Placeholders are the connection's own (?1 on SQLite, $1 on PostgreSQL); `args` are bound
  /// in order.
  ///   m.tasks.raw("SELECT * FROM task WHERE length(title) > ?1", 10)
  template <class... Args> std::vector<Model> raw(std::string_view sql, const Args&... args) {
    int index = 0;
    const detail::BoundValue parameters[] = {detail::to_bound(args, ++index)..., {}};
    return raw_rows(sql, std::span(parameters, sizeof...(Args)));
  }

  std::int64_t count();

private:
  /// Whether `C` is the key: upsert() on it is upsert by key.
  template <class C>
  static constexpr bool is_key_column = std::is_same_v<std::tuple<C>, typename traits::key_columns>;

  template <class B, bool Left, class... On> auto joined(On... on) const {
    return detail::join_next<B, Left, Model>(*db_, detail::join_from(Query<Model>::codec()), on...);
  }
  std::vector<Model> raw_rows(std::string_view sql, std::span<const detail::BoundValue> parameters);
  void insert_span(std::span<Model> rows);
  template <class Iterator> void insert_each(Iterator first, Iterator last);

  void upsert_by_key(Model& row);
  void upsert_on(std::string_view conflict, Model& row);

  /// The generated prepare_insert() / prepare_update(), after the row's ormc:tenant member is
  /// filled from the database's row tenant (a row of another tenant is refused).
  void prepare_insert(Model& row) {
    if constexpr (traits::row_tenancy) traits::fill_tenant(row, *db_);
    traits::prepare_insert(row);
  }
  void prepare_update(Model& row) {
    if constexpr (traits::row_tenancy) traits::fill_tenant(row, *db_);
    traits::prepare_update(row);
  }

  /// insert() once the row is prepared.
  void insert_prepared(Model& row);

  bool restore_by_key(const key_type& key);

  bool remove_row(Model& row);
  bool remove_row(const Model& row);

  void write_update(const Model& row);
  /// update(row, columns...): `values_of` appends the named members' values (read after the
  /// before-update hooks); with `stamp_it` the updated_at column is written too.
  void update_members(Model& row, std::span<const std::string_view> columns,
                      void (*values_of)(const Model&, std::vector<detail::BoundValue>&),
                      bool stamp_it);
  /// After an update that changed no row: VersionConflict when the row is there (at another
  /// version), else NotFound.
  [[noreturn]] void throw_missed_update(const Model& row);
  static constexpr bool has_version = !std::is_void_v<typename traits::version_column>;

  /// create(), update(key, changes) and search() take the model's own variants.
  template <class Variant> static constexpr void check_variant() {
    static_assert(detail::has_variants<Model>,
                  "ormc: create(), update(key, changes) and search() need the model's variants: "
                  "ormc:table(variants)");
    if constexpr (detail::has_variants<Model>) {
      using variants = ModelVariants<Model>;
      static_assert(std::is_same_v<Variant, typename variants::create_type> ||
                        std::is_same_v<Variant, typename variants::update_type> ||
                        std::is_same_v<Variant, typename variants::search_type>,
                    "ormc: a variant of another model (see 'Variant' below)");
    }
  }

  /// DELETE by key, or on a soft-delete model (unless `purge`) the UPDATE that marks the row.
  bool delete_by_key(const key_type& key, bool purge, Model* row);

  Database* db_;
};

// Out of the class body, so that not being inline, they are instantiated once, in the
// generated .cpp of each model (extern template in its header), not in every unit that uses them.
template <class Model> auto Table<Model>::create_table() -> void {
  detail::create_table(*db_, detail::model_codec<Model>);
}

template <class Model> auto Table<Model>::insert(Model& row) -> void {
  prepare_insert(row);
  insert_prepared(row);
}

template <class Model> auto Table<Model>::get(const key_type& key) -> std::optional<Model> {
  std::optional<Model> row(std::in_place);
  if (!detail::get_row(*db_, detail::model_codec<Model>, detail::key_values<Model>(key), &*row))
    return std::nullopt;
  return row;
}

template <class Model> auto Table<Model>::update(Model& row) -> void {
  prepare_update(row);
  write_update(row);
  if constexpr (has_version) ++(row.*traits::version_column::member); // as the table now has it
  traits::finish_update(row);
}

template <class Model> template <Column... C> auto Table<Model>::update(Model& row, C...) -> void {
  static_assert(sizeof...(C) > 0, "ormc: update(row, columns...) names at least one column");
  static_assert((std::is_same_v<typename C::model_type, Model> && ...),
                "ormc: update(row, columns...) names a column of another model (see 'C' below)");
  static_assert((requires { C::member; } && ...),
                "ormc: update(row, columns...) names columns, not expressions (see 'C' below)");
  using stamp = typename traits::updated_at_column;
  static_assert(
      !(std::is_same_v<C, typename traits::version_column> || ...),
      "ormc: update(row, columns...) sets the ormc:version column itself (see 'C' below)");
  // The call site names the columns and converts their members; the rest (hooks, the stamp,
  // the version, the statement) is update_members(), compiled once with the model.
  static constexpr std::string_view columns[] = {C::sql...};
  update_members(
      row, columns,
      [](const Model& r, std::vector<detail::BoundValue>& values) {
        (values.push_back(detail::to_bound(C{}.set(r.*C::member).value)), ...);
      },
      !(std::is_same_v<C, stamp> || ...));
}

template <class Model>
auto Table<Model>::update_members(Model& row, std::span<const std::string_view> columns,
                                  void (*values_of)(const Model&, std::vector<detail::BoundValue>&),
                                  bool stamp_it) -> void {
  using stamp = typename traits::updated_at_column;
  using version = typename traits::version_column;
  prepare_update(row);
  std::vector<std::string_view> names(columns.begin(), columns.end());
  std::vector<detail::BoundValue> values;
  values.reserve(names.size() + 2);
  values_of(row, values);
  if constexpr (!std::is_void_v<stamp>) {
    if (stamp_it) {
      names.push_back(stamp::sql);
      values.push_back(detail::to_bound(stamp{}.set(row.*stamp::member).value));
    }
  }
  auto matching = query().with_deleted().where(detail::key_equals<Model>{traits::key(row)});
  if constexpr (has_version) {
    names.push_back(version::sql);
    values.push_back(detail::to_bound(version{}.set(row.*version::member + 1).value));
    matching = matching.where(version{} == row.*version::member);
  }
  if (matching.update_columns(names, values) == 0) throw_missed_update(row);
  if constexpr (has_version) ++(row.*version::member);
  traits::finish_update(row);
}

template <class Model>
template <class Changes>
auto Table<Model>::update(const key_type& key, const Changes& changes) -> Model {
  check_variant<Changes>();
  std::optional<Model> row = get(key);
  if (!row)
    throw NotFound(std::string("update: no ") + std::string(traits::name) + " row with key " +
                   detail::describe_key(key));
  std::vector<std::string_view> columns;
  ModelVariants<Model>::apply(changes, *row, columns);
  if (columns.empty()) return *row; // nothing to write
  prepare_update(*row);
  using stamp = typename traits::updated_at_column;
  if constexpr (!std::is_void_v<stamp>) columns.push_back(stamp::sql); // the row's own stamp
  const std::vector<detail::BoundValue> values = ModelVariants<Model>::values(*row, columns);
  auto matching = query().with_deleted().where(detail::key_equals<Model>{traits::key(*row)});
  if constexpr (has_version) {
    using version = typename traits::version_column;
    matching = matching.where(version{} == (*row).*version::member); // the update advances it
  }
  if (matching.update_columns(columns, values) == 0) throw_missed_update(*row);
  if constexpr (has_version) ++((*row).*traits::version_column::member);
  traits::finish_update(*row);
  return *row;
}

template <class Model> auto Table<Model>::update(const Model& row) -> void {
  if constexpr (traits::update_changes_row) {
    Model copy = row; // the generated code sets updated_at; hooks may change the row
    update(copy);
  } else {
    traits::validate(row);
    write_update(row);
  }
}

template <class Model> auto Table<Model>::remove(const key_type& key) -> bool {
  if constexpr (traits::has_remove_hooks) {
    std::optional<Model> row = get(key);
    return row && remove_row(*row);
  } else {
    return delete_by_key(key, false, nullptr);
  }
}

template <class Model> auto Table<Model>::remove_row(Model& row) -> bool {
  traits::prepare_remove(row);
  return delete_by_key(traits::key(row), false, &row);
}

template <class Model> auto Table<Model>::remove_row(const Model& row) -> bool {
  if constexpr (traits::has_remove_hooks || traits::soft_delete) {
    Model copy = row;
    return remove_row(copy);
  } else {
    return delete_by_key(traits::key(row), false, nullptr);
  }
}

template <class Model> auto Table<Model>::purge(const key_type& key) -> bool {
  if constexpr (traits::has_remove_hooks) {
    std::optional<Model> row = query().with_deleted().where(detail::key_equals<Model>{key}).first();
    if (!row) return false;
    traits::prepare_remove(*row);
  }
  return delete_by_key(key, true, nullptr);
}

template <class Model>
auto Table<Model>::restore(const key_type& key, std::int64_t version)
    -> Model requires ModelTraits<Model>::versioned {
  // Not history(): see Query::versions() on Clang 14.
  std::vector<Version<Model>> versions =
      query().with_deleted().where(detail::key_equals<Model>{key}).versions();
  auto found = std::find_if(versions.begin(), versions.end(),
                            [&](const VersionInfo& v) { return v.version == version; });
  if (found == versions.end())
    detail::throw_no_version(traits::name, detail::describe_key(key), version);
  Model row = std::move(found->row);
  std::optional<Model> current =
      query().with_deleted().where(detail::key_equals<Model>{key}).first();
  if (current) {
    if constexpr (has_version) // the version check is against the row as it is now
      row.*traits::version_column::member = (*current).*traits::version_column::member;
    update(row);
  } else {
    upsert_by_key(row);
  }
  return row;
}

template <class Model> auto Table<Model>::all() -> std::vector<Model> {
  std::vector<Model> rows;
  detail::read_all(*db_, detail::model_codec<Model>, detail::append_to(rows));
  return rows;
}

template <class Model>
auto Table<Model>::raw_rows(std::string_view sql, std::span<const detail::BoundValue> parameters)
    -> std::vector<Model> {
  std::vector<Model> rows;
  detail::read_raw(*db_, detail::model_codec<Model>, sql, parameters, detail::append_to(rows));
  return rows;
}

template <class Model> auto Table<Model>::count() -> std::int64_t {
  return detail::count_rows(*db_, detail::model_codec<Model>);
}

template <class Model> auto Table<Model>::insert_span(std::span<Model> rows) -> void {
  insert_each(rows.begin(), rows.end());
}

template <class Model>
template <class Iterator>
auto Table<Model>::insert_each(Iterator first, Iterator last) -> void {
  std::vector<void*> addresses;
  for (Iterator row = first; row != last; ++row) {
    prepare_insert(*row);
    addresses.push_back(&*row);
  }
  in_transaction(*db_, [&] { detail::insert_rows(*db_, detail::model_codec<Model>, addresses); });
  for (Iterator row = first; row != last; ++row)
    traits::finish_insert(*row);
}

template <class Model> auto Table<Model>::upsert_by_key(Model& row) -> void {
  prepare_insert(row);
  if constexpr (traits::key_assigned_by_database) {
    if (traits::key(row) == key_type{}) { // no key yet: nothing to conflict with
      insert_prepared(row);
      return;
    }
  }
  detail::upsert_row(*db_, detail::model_codec<Model>, &row);
  traits::finish_insert(row);
}

template <class Model> auto Table<Model>::upsert_on(std::string_view conflict, Model& row) -> void {
  detail::upsert_row_on(*db_, detail::model_codec<Model>, conflict, &row);
}

template <class Model> auto Table<Model>::insert_prepared(Model& row) -> void {
  detail::insert_row(*db_, detail::model_codec<Model>, &row);
  traits::finish_insert(row);
}

template <class Model> auto Table<Model>::restore_by_key(const key_type& key) -> bool {
  return detail::restore_row(*db_, detail::model_codec<Model>, detail::key_values<Model>(key));
}

template <class Model> auto Table<Model>::write_update(const Model& row) -> void {
  if (detail::update_row(*db_, detail::model_codec<Model>, &row) == 0) throw_missed_update(row);
}

template <class Model> auto Table<Model>::throw_missed_update(const Model& row) -> void {
  if constexpr (has_version) {
    using version = typename traits::version_column;
    auto stored =
        query().with_deleted().where(detail::key_equals<Model>{traits::key(row)}).select(version{});
    if (!stored.empty())
      throw VersionConflict(std::string(traits::name), detail::describe_key(traits::key(row)),
                            row.*version::member, std::get<0>(stored.front()));
  }
  throw NotFound(std::string("update: no ") + std::string(traits::name) + " row with this key");
}

template <class Model>
auto Table<Model>::delete_by_key(const key_type& key, bool purge, Model* row) -> bool {
  auto at = detail::now();
  bool changed = detail::delete_row(*db_, detail::model_codec<Model>,
                                    detail::key_values<Model>(key), purge, at);
  if (changed && traits::soft_delete && !purge && row) traits::set_deleted(*row, at);
  return changed;
}

} // namespace ormc
