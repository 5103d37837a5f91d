#include <ormc/validation.hpp>

namespace ormc {

namespace {
std::string describe(std::string_view model, const std::vector<FieldViolation>& violations) {
  std::string out = std::string(model) + " is not valid: ";
  for (std::size_t i = 0; i < violations.size(); ++i)
    out += (i ? "; " : "") + std::string(violations[i].member) + " " + violations[i].message;
  return out;
}
} // namespace

ValidationError::ValidationError(std::string_view model, std::vector<FieldViolation> violations)
    : Error(describe(model, violations)), model_(model), violations_(std::move(violations)) {}

} // namespace ormc
