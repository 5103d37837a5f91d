#include "validate/TextChecks.h"

#include <algorithm>
#include <array>

namespace ormc::validate {
namespace {
bool isAsciiLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}
bool isIdentifier(std::string_view text) {
  if (text.empty() || !(isAsciiLetter(text[0]) || text[0] == '_')) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return isAsciiLetter(c) || isDigit(c) || c == '_'; });
}

constexpr std::array<std::string_view, 84> kCppKeywords = {
    "alignas",       "alignof",     "and",
    "and_eq",        "asm",         "auto",
    "bitand",        "bitor",       "bool",
    "break",         "case",        "catch",
    "char",          "char8_t",     "char16_t",
    "char32_t",      "class",       "compl",
    "concept",       "const",       "consteval",
    "constexpr",     "constinit",   "const_cast",
    "continue",      "co_await",    "co_return",
    "co_yield",      "decltype",    "default",
    "delete",        "do",          "double",
    "dynamic_cast",  "else",        "enum",
    "explicit",      "export",      "extern",
    "false",         "float",       "for",
    "friend",        "goto",        "if",
    "inline",        "int",         "long",
    "mutable",       "namespace",   "new",
    "noexcept",      "not",         "not_eq",
    "nullptr",       "operator",    "or",
    "or_eq",         "private",     "protected",
    "public",        "register",    "reinterpret_cast",
    "requires",      "return",      "short",
    "signed",        "sizeof",      "static",
    "static_assert", "static_cast", "struct",
    "switch",        "template",    "this",
    "thread_local",  "throw",       "true",
    "try",           "typedef",     "typeid",
    "typename",      "union",       "unsigned"};
constexpr std::array<std::string_view, 8> kMoreCppKeywords = {
    "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq"};
} // namespace

std::string sqlExpressionProblem(std::string_view e) {
  int depth = 0;
  for (std::size_t i = 0; i < e.size(); ++i) {
    char c = e[i];
    if (c == '\'' || c == '"') { // a string literal or quoted identifier; doubled quotes escape
      std::size_t close = i + 1;
      for (; close < e.size(); ++close)
        if (e[close] == c) {
          if (close + 1 < e.size() && e[close + 1] == c)
            ++close;
          else
            break;
        }
      if (close >= e.size())
        return std::string("an unterminated ") + (c == '\'' ? "string literal" : "quoted name");
      i = close;
    } else if (c == ';') {
      return "a ';', which would end the statement";
    } else if (c == '-' && i + 1 < e.size() && e[i + 1] == '-') {
      return "a '--' comment";
    } else if (c == '/' && i + 1 < e.size() && e[i + 1] == '*') {
      return "a '/*' comment";
    } else if (c == '$') {
      return "a '$', which PostgreSQL reads as a dollar-quoted string or parameter";
    } else if (c == '\\') {
      return "a backslash, which an escape-string setting could turn into a quote";
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return "a ')' without its '('";
    }
  }
  if (depth != 0) return "a '(' without its ')'";
  return "";
}

bool isQualifiedSqlName(std::string_view text) {
  std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return isIdentifier(text);
  return isIdentifier(text.substr(0, dot)) && isIdentifier(text.substr(dot + 1));
}

bool isCppIdentifier(std::string_view text) {
  if (!isIdentifier(text)) return false;
  auto is = [&](auto& list) { return std::find(list.begin(), list.end(), text) != list.end(); };
  return !is(kCppKeywords) && !is(kMoreCppKeywords);
}

bool hasControlCharacter(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

} // namespace ormc::validate
