#include "annotations/AnnotationParser.h"

#include <cctype>

namespace ormc::annotations {
namespace {

bool isIdentStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
bool isDigit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// A recursive-descent parser over one annotation string; the first error stops it.
class Parser {
public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::variant<Annotation, SyntaxError> run() {
    Annotation a;
    pos_ = kPrefix.size();
    skipSpace();
    a.kindOffset = pos_;
    if (!identifier(a.kind)) return error("expected annotation kind after 'ormc:'");
    skipSpace();
    if (atEnd()) return a;
    if (peek() != '(') return error("expected '(' or end of annotation after kind");
    ++pos_;
    skipSpace();
    if (peek() == ')') return finish(std::move(a));
    for (;;) {
      Argument arg;
      skipSpace();
      arg.keyOffset = pos_;
      if (!identifier(arg.key)) return error("expected key name");
      skipSpace();
      if (peek() == '=') {
        ++pos_;
        skipSpace();
        if (auto err = value(arg.value)) return *err;
        skipSpace();
      } else {
        arg.value.offset = arg.keyOffset;
      }
      a.args.push_back(std::move(arg));
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ')') return finish(std::move(a));
      if (atEnd()) return error("expected ')' to close the annotation");
      return error("expected ',' or ')' after argument");
    }
  }

private:
  std::variant<Annotation, SyntaxError> finish(Annotation a) {
    ++pos_; // ')'
    skipSpace();
    if (!atEnd()) return error("unexpected text after ')'");
    return a;
  }

  std::optional<SyntaxError> value(Value& v) {
    v.offset = pos_;
    char c = peek();
    if (c == '"') return string(v);
    if (isIdentStart(c)) {
      identifier(v.text);
      v.kind = Value::Kind::Identifier;
      return std::nullopt;
    }
    if (isDigit(c) || c == '-' || c == '+') return number(v);
    if (atEnd() || c == ',' || c == ')') return SyntaxError{pos_, "expected a value after '='"};
    return SyntaxError{pos_, std::string("malformed value starting with '") + c +
                                 "'; values are identifiers, numbers or \"strings\""};
  }

  std::optional<SyntaxError> number(Value& v) {
    std::size_t start = pos_;
    if (peek() == '-' || peek() == '+') ++pos_;
    if (!isDigit(peek())) return SyntaxError{start, "malformed number"};
    while (isDigit(peek()))
      ++pos_;
    v.kind = Value::Kind::Integer;
    if (peek() == '.') {
      ++pos_;
      if (!isDigit(peek())) return SyntaxError{start, "malformed number"};
      while (isDigit(peek()))
        ++pos_;
      v.kind = Value::Kind::Real;
    }
    if (isIdentChar(peek())) return SyntaxError{start, "malformed number"};
    v.text = std::string(text_.substr(start, pos_ - start));
    if (v.text[0] == '+') v.text.erase(0, 1);
    return std::nullopt;
  }

  std::optional<SyntaxError> string(Value& v) {
    std::size_t start = pos_++;
    v.kind = Value::Kind::String;
    while (!atEnd()) {
      char c = text_[pos_++];
      if (c == '"') return std::nullopt;
      if (c == '\\') {
        if (atEnd()) break;
        char e = text_[pos_++];
        if (e != '"' && e != '\\')
          return SyntaxError{pos_ - 2, "unknown escape sequence; only \\\" and \\\\ are allowed"};
        c = e;
      }
      v.text.push_back(c);
    }
    return SyntaxError{start, "unterminated string"};
  }

  bool identifier(std::string& out) {
    if (!isIdentStart(peek())) return false;
    std::size_t start = pos_;
    for (;;) {
      while (isIdentChar(peek()))
        ++pos_;
      // A qualified name (`app::User`) is one identifier, so models can be named across
      // namespaces.
      if (text_.substr(pos_, 2) != "::" || pos_ + 2 >= text_.size() ||
          !isIdentStart(text_[pos_ + 2]))
        break;
      pos_ += 2;
    }
    out = std::string(text_.substr(start, pos_ - start));
    return true;
  }

  void skipSpace() {
    while (!atEnd() && std::isspace(static_cast<unsigned char>(text_[pos_])))
      ++pos_;
  }
  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[pos_]; }
  SyntaxError error(std::string message) const { return SyntaxError{pos_, std::move(message)}; }

  std::string_view text_;
  std::size_t pos_ = 0;
};

} // namespace

const Argument* Annotation::find(std::string_view key) const {
  for (const Argument& a : args)
    if (a.key == key) return &a;
  return nullptr;
}

bool isOrmcAnnotation(std::string_view text) {
  return text.substr(0, kPrefix.size()) == kPrefix;
}

std::variant<Annotation, SyntaxError> parseAnnotation(std::string_view text) {
  return Parser(text).run();
}

} // namespace ormc::annotations
