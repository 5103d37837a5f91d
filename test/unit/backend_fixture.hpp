// Runs each runtime test once per backend. Every test gets a fresh, empty database with the
// test schema created through the generated Models::create_schema().
#pragma once

#include "schema.ormc.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace unit {

/// The database URLs the suite runs against.
std::vector<std::string> backend_urls();

class BackendTest : public testing::TestWithParam<std::string> {
protected:
  void SetUp() override;

  std::unique_ptr<ormc::Database> db;
  std::unique_ptr<Models> m;
};

/// "sqlite" for "sqlite::memory:", for readable test names.
std::string backend_name(const testing::TestParamInfo<std::string>& info);

} // namespace unit

#define ORMC_INSTANTIATE_FOR_BACKENDS(Suite)                                                    \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, testing::ValuesIn(unit::backend_urls()),           \
                           unit::backend_name)
