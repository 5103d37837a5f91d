#include "frontend/Naming.h"

#include <cctype>

namespace ormc::frontend {
namespace {
bool isUpper(char c) {
  return std::isupper(static_cast<unsigned char>(c)) != 0;
}
bool isLower(char c) {
  return std::islower(static_cast<unsigned char>(c)) != 0;
}
bool isDigit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool isVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}
} // namespace

std::string snakeCase(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (isUpper(c)) {
      bool prevLowerOrDigit = i > 0 && (isLower(name[i - 1]) || isDigit(name[i - 1]));
      bool acronymEnd =
          i > 0 && isUpper(name[i - 1]) && i + 1 < name.size() && isLower(name[i + 1]);
      if ((prevLowerOrDigit || acronymEnd) && !out.empty() && out.back() != '_') out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<NamingRule> parseNamingRule(std::string_view text) {
  if (text == "snake_case") return NamingRule::SnakeCase;
  if (text == "PascalCase") return NamingRule::PascalCase;
  if (text == "camelCase") return NamingRule::CamelCase;
  return std::nullopt;
}

std::string applyNamingRule(NamingRule rule, std::string_view name) {
  std::string snake = snakeCase(name);
  if (rule == NamingRule::SnakeCase) return snake;
  std::string out;
  bool upperNext = rule == NamingRule::PascalCase;
  for (std::size_t i = 0; i < snake.size(); ++i) {
    char c = snake[i];
    // An underscore between two words is the break; a leading, trailing or doubled one stays.
    if (c == '_' && !out.empty() && i + 1 < snake.size() && snake[i + 1] != '_') {
      upperNext = true;
      continue;
    }
    out += upperNext ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upperNext = false;
  }
  return out;
}

std::string pluralize(std::string_view name) {
  std::string s(name);
  if (s.empty()) return s;
  // English plurals the rules below get wrong (childs, persons, shelfs), by the last word of a
  // snake_case name: order_child → order_children.
  static const std::pair<const char*, const char*> irregular[] = {
      {"child", "children"},  {"person", "people"}, {"man", "men"},      {"woman", "women"},
      {"mouse", "mice"},      {"goose", "geese"},   {"foot", "feet"},    {"tooth", "teeth"},
      {"leaf", "leaves"},     {"shelf", "shelves"}, {"knife", "knives"}, {"wife", "wives"},
      {"life", "lives"},      {"half", "halves"},   {"wolf", "wolves"},  {"calf", "calves"},
      {"ox", "oxen"},         {"quiz", "quizzes"},  {"hero", "heroes"},  {"potato", "potatoes"},
      {"tomato", "tomatoes"}, {"echo", "echoes"}};
  std::size_t word = s.rfind('_') == std::string::npos ? 0 : s.rfind('_') + 1;
  for (const auto& [singular, plural] : irregular)
    if (s.compare(word, std::string::npos, singular) == 0) return s.substr(0, word) + plural;
  // A name ending in a plain 's' is taken to be plural already (AllTypes → all_types).
  bool singularS = endsWith(s, "ss") || endsWith(s, "us") || endsWith(s, "is") || endsWith(s, "as");
  if (s.back() == 's' && !singularS) return s;
  if (singularS || endsWith(s, "x") || endsWith(s, "z") || endsWith(s, "ch") || endsWith(s, "sh"))
    return s + "es";
  if (s.size() > 1 && s.back() == 'y' && !isVowel(s[s.size() - 2]))
    return s.substr(0, s.size() - 1) + "ies";
  return s + "s";
}

} // namespace ormc::frontend
