// The template check alone (emit/template/TemplateCheck.h): what it accepts, and each problem
// with its place in the template. templates.test shows the same through ormc's diagnostics.
#include "emit/template/TemplateCheck.h"
#include "emit/template/TemplateData.h"

#include <gtest/gtest.h>
#include <string>

namespace ormc::emit {
namespace {

std::string describe(const Findings& findings) {
  std::string out;
  for (const Finding& f : findings)
    out += std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column) + " " + f.id + ": " +
           f.message + "\n";
  return out;
}

std::string check(const std::string& text) {
  return describe(checkTemplate(text, "t.mustache"));
}

TEST(TemplateCheck, NamesResolveInTheirSectionAndEveryEnclosingOne) {
  EXPECT_EQ(check("{{schema_name}}\n{{#models}}{{name}}: {{#columns}}{{member}} of {{table}} in "
                  "{{schema_name}}{{^last}}, {{/last}}{{/columns}}{{/models}}\n"),
            "");
  EXPECT_EQ(check("{{#models}}{{#comment}}// {{.}}{{/comment}}{{/models}}"), "");
  EXPECT_EQ(check("{{! a comment naming {{nothing}} }}{{=<% %>=}}<%#models%><%name%><%/models%>"),
            "");
}

TEST(TemplateCheck, ANameOfAnotherLevelIsUnknownWithTheClosestOneSuggested) {
  EXPECT_EQ(check("{{member}}"),
            "1:1 template-unknown-name: no 'member' at the top level of the template data "
            "(docs/templates.md)\n");
  EXPECT_EQ(check("{{#models}}\n  {{tabel}}{{/models}}"),
            "2:3 template-unknown-name: no 'tabel' in models[] of the template data "
            "(docs/templates.md); did you mean 'table'?\n");
}

TEST(TemplateCheck, SectionsCloseInOrder) {
  EXPECT_EQ(check("{{#models}}"),
            "1:1 template-unclosed-section: section 'models' is not closed: add {{/models}}\n");
  EXPECT_EQ(check("x{{/models}}"),
            "1:2 template-unclosed-section: '{{/models}}' closes no open section\n");
  Findings crossed = checkTemplate("{{#models}}{{#key}}{{/models}}{{/key}}", "t.mustache");
  ASSERT_EQ(crossed.size(), 2u) << describe(crossed);
  ASSERT_EQ(crossed[0].notes.size(), 1u);
  EXPECT_EQ(crossed[0].notes[0].loc.column, 12u); // where 'key' was opened
}

TEST(TemplateCheck, TagsAreClosedAndPartialsRefused) {
  EXPECT_EQ(check("{{#models}}{{name"), "1:12 template-syntax: '{{' is not closed by '}}'\n");
  EXPECT_EQ(check("{{{schema_name}"), "1:1 template-syntax: '{{' is not closed by '}}}'\n");
  EXPECT_EQ(check("{{=<%%>=}}"),
            "1:1 template-syntax: a delimiter change is {{=<open> <close>=}}, two delimiters "
            "apart by a space\n");
  EXPECT_NE(check("{{>header}}").find("template-partial"), std::string::npos);
}

TEST(TemplateData, TheShapeHasEveryListAndTheirElements) {
  const auto& shape = templateDataShape();
  for (const char* list :
       {"models", "enums", "enums[].enumerators", "models[].columns", "models[].key",
        "models[].indexes", "models[].indexes[].columns", "models[].relations",
        "models[].columns[].references", "models[].columns[].enumerators"})
    EXPECT_EQ(shape.count(list) ? shape.at(list) : TemplateField::Text, TemplateField::List)
        << list;
  EXPECT_EQ(shape.at("models[].columns[].is_vector"), TemplateField::Flag);
  EXPECT_EQ(shape.at("models[].columns[].references[].table"), TemplateField::Text);
  EXPECT_EQ(shape.at("models[].relations[].number"), TemplateField::Number);
}

} // namespace
} // namespace ormc::emit
