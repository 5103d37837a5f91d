// Renders a checked template (TemplateCheck.h) with the template data (TemplateData.h), through
// Debian's Mustache library (mstch). Values are written as they are, not HTML-escaped: templates
// generate code and schemas, where `&lt;` would be wrong.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ormc::emit {

std::string renderTemplate(const std::string& text, const nlohmann::json& data);

/// The file a template writes: its name without `.mustache` (openapi.yaml.mustache →
/// openapi.yaml); "" when the name does not end in `.mustache` or leaves nothing.
std::string templateOutputName(const std::string& templatePath);

} // namespace ormc::emit
