#include "emit/template/TemplateRender.h"

#include <mstch/mstch.hpp>
#include <mutex>

namespace ormc::emit {
namespace {

mstch::node toNode(const nlohmann::json& value) {
  switch (value.type()) {
  case nlohmann::json::value_t::object: {
    mstch::map out;
    for (const auto& [key, item] : value.items())
      out.emplace(key, toNode(item));
    return out;
  }
  case nlohmann::json::value_t::array: {
    mstch::array out;
    for (const nlohmann::json& item : value)
      out.push_back(toNode(item));
    return out;
  }
  case nlohmann::json::value_t::boolean:
    return value.get<bool>();
  case nlohmann::json::value_t::number_integer:
  case nlohmann::json::value_t::number_unsigned:
    return static_cast<int>(value.get<long long>());
  case nlohmann::json::value_t::string:
    return value.get<std::string>();
  default:
    return std::string(value.dump());
  }
}

} // namespace

std::string renderTemplate(const std::string& text, const nlohmann::json& data) {
  // mstch's escape function is global; set once (before any thread renders), to the identity.
  static std::once_flag unescaped;
  std::call_once(unescaped, [] { mstch::config::escape = [](const std::string& s) { return s; }; });
  return mstch::render(text, toNode(data));
}

std::string templateOutputName(const std::string& templatePath) {
  static const std::string suffix = ".mustache";
  std::string name = templatePath.substr(templatePath.find_last_of('/') + 1);
  if (name.size() <= suffix.size() ||
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
    return "";
  return name.substr(0, name.size() - suffix.size());
}

} // namespace ormc::emit
