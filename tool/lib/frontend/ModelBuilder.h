// Describes one annotated struct in the IR: its own columns and those its `ormc:mixin` bases
// contribute, its indexes, relations and hooks.
#pragma once

#include "frontend/AnnotationReader.h"
#include "frontend/Naming.h"

#include <clang/AST/DeclCXX.h>
#include <optional>

namespace ormc::frontend {

class ModelBuilder {
public:
  explicit ModelBuilder(AnnotationReader& reader) : reader_(reader) {}

  /// The model of a struct annotated `ormc:table`, whose `table` annotation is given.
  ir::Model build(const clang::CXXRecordDecl& record, const ParsedAnnotation& table);

  /// Reads a mixin that no table may use, so that its annotations are checked anyway.
  void checkMixin(const clang::CXXRecordDecl& mixin);

private:
  ir::Distribution distribution(const ParsedAnnotation& table);
  ir::Partitioning partitioning(const ParsedAnnotation& table);
  void addListPartition(const ParsedAnnotation& p, ir::Model& model);
  /// Bases first (depth first, in declaration order), then the record's own members.
  void addMembers(const clang::CXXRecordDecl& record, ir::Model& model, const std::string& mixin,
                  unsigned depth);
  std::optional<ir::Column> buildColumn(const clang::FieldDecl& field);
  /// Sets the dimension of vector column `c` from ormc:vector(dim=N) and a std::array's N;
  /// false (with a located error) when neither gives one, or the two differ.
  bool vectorDimension(const ParsedAnnotation& vector, const clang::FieldDecl& field,
                       ir::Column& c);
  void addStructAnnotations(ir::Model& model, const std::vector<ParsedAnnotation>& parsed);
  void addIndex(const ParsedAnnotation& p, ir::Model& model);
  void addManyToMany(const ParsedAnnotation& p, ir::Model& model);
  void addCompositeReference(const ParsedAnnotation& p, ir::Model& model);
  /// The foreign key ormc:belongs_to or ormc:references declares; `name`: the default helper.
  ir::ForeignKey foreignKey(const ParsedAnnotation& p, const std::string& name) const;
  void addHooks(const clang::CXXRecordDecl& record, ir::Model& model);
  std::optional<FixIt> ignoreFixIt(const clang::FieldDecl& field) const;

  AnnotationReader& reader_;
  /// The rule of the table being built (`ormc:table(naming=...)`), for its default names.
  std::optional<NamingRule> naming_;
  /// ormc:table(time_storage=...): the storage of the table's time_point columns.
  std::optional<ir::Storage> tableTimeStorage_;
};

} // namespace ormc::frontend
