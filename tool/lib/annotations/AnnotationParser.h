// Parses the text of one `ormc:` annotation. Grammar:
//
//   annotation := "ormc:" kind [ "(" [ arg { "," arg } ] ")" ]
//   arg        := key [ "=" value ]           (a key without a value is a flag)
//   value      := identifier | ["-"] digits ["." digits] | string
//   identifier := name { "::" name }         (qualified names name models in namespaces)
//   string     := '"' { char | '\"' | '\\' } '"'
//
// Offsets are byte offsets into the annotation text so the front end can point into the source.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ormc::annotations {

struct Value {
  enum class Kind { Flag, Identifier, Integer, Real, String };
  Kind kind = Kind::Flag;
  std::string text; // strings are unescaped
  std::size_t offset = 0;
};

struct Argument {
  std::string key;
  std::size_t keyOffset = 0;
  Value value;
};

struct Annotation {
  std::string kind;
  std::size_t kindOffset = 0;
  std::vector<Argument> args;

  const Argument* find(std::string_view key) const;
};

struct SyntaxError {
  std::size_t offset = 0;
  std::string message;
};

inline constexpr std::string_view kPrefix = "ormc:";

/// True if the text is meant for ormc (starts with "ormc:"); other annotations are not ours.
bool isOrmcAnnotation(std::string_view text);

/// Parses an annotation that isOrmcAnnotation() accepted.
std::variant<Annotation, SyntaxError> parseAnnotation(std::string_view text);

} // namespace ormc::annotations
