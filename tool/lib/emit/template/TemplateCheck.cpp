#include "emit/template/TemplateCheck.h"

#include "emit/template/TemplateData.h"

#include <algorithm>
#include <vector>

namespace ormc::emit {
namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// An open section: its name, where it was opened, and the data it iterates ("" for the root).
struct Section {
  std::string name;
  ir::SourceLoc loc;
  std::string scope;   // the shape path names resolve in: "models[]"; unchanged for flags
  bool scalar = false; // a section on a text or number: `.` is that value
};

class Checker {
public:
  Checker(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Findings run() {
    std::size_t pos = 0;
    while (pos < text_.size()) {
      std::size_t open = text_.find(open_, pos);
      if (open == std::string_view::npos) break;
      pos = tag(open);
      if (pos == std::string_view::npos) return std::move(findings_); // the rest is one tag
    }
    for (const Section& s : sections_)
      error("template-unclosed-section",
            "section '" + s.name + "' is not closed: add {{/" + s.name + "}}", s.loc);
    return std::move(findings_);
  }

private:
  ir::SourceLoc locationOf(std::size_t offset) const {
    ir::SourceLoc loc{file_, 1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
      if (text_[i] == '\n') {
        ++loc.line;
        loc.column = 1;
      } else {
        ++loc.column;
      }
    }
    return loc;
  }

  void error(const std::string& id, const std::string& message, const ir::SourceLoc& loc) {
    findings_.push_back({Severity::Error, id, message, loc, {}, {}});
  }

  /// Checks the tag at `open`; returns where scanning goes on, npos at the end.
  std::size_t tag(std::size_t open) {
    const ir::SourceLoc loc = locationOf(open);
    std::size_t start = open + open_.size();
    char sigil = start < text_.size() ? text_[start] : '\0';
    std::string close = close_;
    if (sigil == '{') close = "}" + close_; // {{{name}}}
    if (sigil == '=') close = "=" + close_; // {{=<% %>=}}
    std::size_t end = text_.find(close, start);
    if (end == std::string_view::npos) {
      error("template-syntax", "'" + open_ + "' is not closed by '" + close + "'", loc);
      return std::string_view::npos;
    }
    std::string_view body = text_.substr(start, end - start);
    std::size_t next = end + close.size();
    switch (sigil) {
    case '!':
      return next; // a comment
    case '=':
      setDelimiters(trimmed(body.substr(1)), loc);
      return next;
    case '>':
      error("template-partial",
            "partials are not supported: a template is one file (put the text here)", loc);
      return next;
    case '#':
    case '^':
      openSection(trimmed(body.substr(1)), sigil == '^', loc);
      return next;
    case '/':
      closeSection(trimmed(body.substr(1)), loc);
      return next;
    case '{':
    case '&':
      variable(trimmed(body.substr(1)), loc);
      return next;
    default:
      variable(trimmed(body), loc);
      return next;
    }
  }

  void setDelimiters(std::string_view spec, const ir::SourceLoc& loc) {
    std::size_t space = spec.find(' ');
    std::string_view open = space == std::string_view::npos ? "" : trimmed(spec.substr(0, space));
    std::string_view close = space == std::string_view::npos ? "" : trimmed(spec.substr(space + 1));
    if (open.empty() || close.empty() || open.find(' ') != std::string_view::npos ||
        close.find(' ') != std::string_view::npos) {
      error("template-syntax",
            "a delimiter change is {{=<open> <close>=}}, two delimiters apart by a space", loc);
      return;
    }
    open_ = std::string(open);
    close_ = std::string(close);
  }

  /// The shape path of `name` seen from the open sections, innermost first; "" if none.
  std::string resolve(const std::string& name) const {
    const auto& shape = templateDataShape();
    for (auto s = sections_.rbegin(); s != sections_.rend(); ++s) {
      std::string path = s->scope.empty() ? name : s->scope + "." + name;
      if (shape.count(path)) return path;
    }
    return shape.count(name) ? name : "";
  }

  /// The names visible where the innermost section is, for a suggestion.
  std::string closestName(const std::string& name) const {
    std::string best;
    std::size_t bestDistance = 3; // more edits than this is no longer a typo
    std::vector<std::string> scopes{""};
    for (const Section& s : sections_)
      scopes.push_back(s.scope);
    for (const auto& [path, field] : templateDataShape()) {
      std::size_t dot = path.rfind('.');
      std::string scope = dot == std::string::npos ? "" : path.substr(0, dot);
      std::string candidate = dot == std::string::npos ? path : path.substr(dot + 1);
      if (std::find(scopes.begin(), scopes.end(), scope) == scopes.end()) continue;
      std::size_t distance = editDistance(name, candidate);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return best;
  }

  std::string where() const {
    std::string scope = sections_.empty() ? "" : sections_.back().scope;
    return scope.empty() ? "at the top level" : "in " + scope;
  }

  /// The path of `name`, or "" after reporting it unknown.
  std::string known(const std::string& name, const ir::SourceLoc& loc) {
    if (name.find('.') != std::string::npos) {
      error("template-unknown-name",
            "'" + name +
                "': the data model has lists, not objects, so names have no dots; open "
                "a section instead ({{#list}}...{{/list}})",
            loc);
      return "";
    }
    std::string path = resolve(name);
    if (path.empty()) {
      std::string suggestion = closestName(name);
      error("template-unknown-name",
            "no '" + name + "' " + where() + " of the template data (docs/templates.md)" +
                (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"),
            loc);
    }
    return path;
  }

  void variable(std::string_view nameView, const ir::SourceLoc& loc) {
    std::string name(nameView);
    if (name.empty()) {
      error("template-syntax", "an empty tag names nothing", loc);
      return;
    }
    if (name == ".") {
      if (sections_.empty() || !sections_.back().scalar)
        error("template-unknown-name",
              "'{{.}}' is the value of a section on a text or number, and this is not in one", loc);
      return;
    }
    std::string path = known(name, loc);
    if (!path.empty() && templateDataShape().at(path) == TemplateField::List)
      error("template-unknown-name",
            "'" + name + "' is a list: go through it with {{#" + name + "}}...{{/" + name + "}}",
            loc);
  }

  void openSection(std::string_view nameView, bool inverted, const ir::SourceLoc& loc) {
    std::string name(nameView);
    Section s{name, loc, sections_.empty() ? "" : sections_.back().scope, false};
    std::string path = name == "." ? "" : known(name, loc);
    if (!path.empty() && !inverted) {
      TemplateField field = templateDataShape().at(path);
      if (field == TemplateField::List) s.scope = path + "[]";
      s.scalar = field == TemplateField::Text || field == TemplateField::Number;
    }
    sections_.push_back(s);
  }

  void closeSection(std::string_view nameView, const ir::SourceLoc& loc) {
    std::string name(nameView);
    if (sections_.empty()) {
      error("template-unclosed-section", "'{{/" + name + "}}' closes no open section", loc);
      return;
    }
    if (sections_.back().name != name) {
      Finding f{Severity::Error,
                "template-unclosed-section",
                "'{{/" + name + "}}' closes section '" + sections_.back().name + "'",
                loc,
                {},
                {}};
      f.notes.push_back({Severity::Note,
                         "",
                         "'" + sections_.back().name + "' is opened here",
                         sections_.back().loc,
                         {},
                         {}});
      findings_.push_back(std::move(f));
    }
    sections_.pop_back();
  }

  std::string_view text_;
  std::string file_;
  std::string open_ = "{{";
  std::string close_ = "}}";
  std::vector<Section> sections_;
  Findings findings_;
};
} // namespace

Findings checkTemplate(std::string_view text, const std::string& file) {
  return Checker(text, file).run();
}

} // namespace ormc::emit
