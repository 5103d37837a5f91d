// Which annotation kinds and keys exist, and what values they take. The parser knows only the
// grammar; this knows the vocabulary, and suggests the nearest word for a misspelling.
#pragma once

#include "annotations/AnnotationParser.h"

#include <optional>
#include <string>
#include <vector>

namespace ormc::annotations {

enum class Kind {
  // on a struct
  Table,
  Mixin,
  Index,
  Unique,
  ManyToMany,
  References, // a foreign key over several members
  Partition,  // a list partition of a table partitioned by list
  // on a data member
  Id,
  Column,
  Ignore,
  BelongsTo,
  CreatedAt,
  UpdatedAt,
  SoftDelete,
  Version, // optimistic locking: the row's version, checked and incremented by update()
  Tenant,  // row-level tenancy: the row's tenant, filled on insert and filtered on every use
  Vector,  // an embedding: std::vector<float> or std::array<float, N>, dim=N floats
  // on a member function
  Hook,
  // on a namespace: the defaults of the tables declared in it
  Schema,
};

/// Where an annotation kind may appear.
enum class Target { Struct, Member, Function, Namespace };
Target targetOf(Kind kind);

struct Problem {
  std::string id; // diagnostic id, see docs/diagnostics.md
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string message;
  std::optional<std::string> replacement; // fix-it for [offset, offset+length)
};

/// The kind named by an annotation, if it is one ormc knows.
std::optional<Kind> kindOf(const Annotation& annotation);

/// Checks the kind, the keys, and each value's form. Empty when the annotation is well-formed.
std::vector<Problem> checkAnnotation(const Annotation& annotation);

/// Reads a flag argument: present without a value, or `=true` / `=false`.
bool flagValue(const Argument* arg);

/// The arguments given without a key: the target model of `belongs_to(User)`, the members of
/// `index(a, b)`, the target then the members of `references(Line, a, b)`, the event of
/// `hook(before_insert)`. A flag that is not one of the kind's keys is positional.
std::vector<const Argument*> positionalArgs(const Annotation& annotation);

/// The lifecycle events `ormc:hook(...)` accepts, in the order the docs list them.
const std::vector<std::string>& hookEvents();

} // namespace ormc::annotations
