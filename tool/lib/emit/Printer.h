// The one text printer all emitters write through: indentation and `$name$` substitution, in the
// manner of protobuf's io::Printer, so no emitter concatenates strings by hand.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ormc::emit {

class Printer {
public:
  using Vars = std::initializer_list<std::pair<std::string_view, std::string_view>>;

  /// Appends `format`, replacing each `$name$` by its value in `vars` (`$$` prints `$`). Lines
  /// are indented to the current level; a value spanning lines is indented as a whole.
  void print(std::string_view format, Vars vars = {});
  /// The same, with values a caller builds up piece by piece.
  using VarMap = std::map<std::string, std::string>;
  void print(std::string_view format, const VarMap& vars);

  /// Appends `text` exactly as given, without indenting its continuation lines: for values
  /// whose whitespace matters, such as raw string literals.
  void printVerbatim(std::string_view text);

  void indent() { indent_ += 2; }
  void outdent() { indent_ -= indent_ >= 2 ? 2 : indent_; }

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

private:
  using Var = std::pair<std::string_view, std::string_view>;
  void substitute(std::string_view format, const Var* first, const Var* last);
  void append(std::string_view text);

  std::string out_;
  unsigned indent_ = 0;
  bool atLineStart_ = true;
};

} // namespace ormc::emit
