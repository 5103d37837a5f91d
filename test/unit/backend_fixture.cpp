#include "backend_fixture.hpp"

namespace unit {

std::vector<std::string> backend_urls() { return {"sqlite::memory:"}; }

std::string backend_name(const testing::TestParamInfo<std::string>& info) {
  return info.param.substr(0, info.param.find(':'));
}

void BackendTest::SetUp() {
  db = std::make_unique<ormc::Database>(GetParam());
  m = std::make_unique<Models>(*db);
  m->create_schema();
}

} // namespace unit
