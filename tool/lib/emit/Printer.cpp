#include "emit/Printer.h"

#include <stdexcept>

namespace ormc::emit {

void Printer::append(std::string_view text) {
  for (char c : text) {
    if (atLineStart_ && c != '\n') out_.append(indent_, ' ');
    atLineStart_ = c == '\n';
    out_ += c;
  }
}

void Printer::printVerbatim(std::string_view text) {
  if (text.empty()) return;
  if (atLineStart_) out_.append(indent_, ' ');
  out_.append(text);
  atLineStart_ = text.back() == '\n';
}

void Printer::print(std::string_view format, Vars vars) {
  substitute(format, vars.begin(), vars.end());
}

void Printer::print(std::string_view format, const VarMap& vars) {
  std::vector<Var> list(vars.begin(), vars.end());
  substitute(format, list.data(), list.data() + list.size());
}

void Printer::substitute(std::string_view format, const Var* first, const Var* last) {
  std::size_t pos = 0;
  while (pos < format.size()) {
    std::size_t open = format.find('$', pos);
    if (open == std::string_view::npos) {
      append(format.substr(pos));
      return;
    }
    append(format.substr(pos, open - pos));
    std::size_t close = format.find('$', open + 1);
    if (close == std::string_view::npos) throw std::logic_error("unterminated $var$ in template");
    std::string_view name = format.substr(open + 1, close - open - 1);
    if (name.empty()) {
      append("$");
    } else {
      bool found = false;
      for (const Var* var = first; var != last; ++var)
        if (var->first == name) {
          append(var->second);
          found = true;
          break;
        }
      if (!found) throw std::logic_error("no value for $" + std::string(name) + "$");
    }
    pos = close + 1;
  }
}

} // namespace ormc::emit
