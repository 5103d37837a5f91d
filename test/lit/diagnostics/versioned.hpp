// ormc:table(versioned): the history table's own columns and its name are taken; a model that
// claims either is a located error.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

// CHECK-DAG: versioned.hpp:[[@LINE+1]]:30: error: the history table of versioned 'Account' would be 'account_history', the table of 'AccountHistory' [duplicate-table]
struct ORMC_TABLE(versioned) Account {
  ORMC_ID() std::int64_t id = 0;
  // CHECK-DAG: versioned.hpp:[[@LINE+1]]:15: error: column 'history_actor' of versioned table 'account' has the name of a column ormc adds to its history table 'account_history'; name the column otherwise [history-column]
  std::string history_actor;
};

// CHECK-DAG: versioned.hpp:[[@LINE+1]]:21: note: 'AccountHistory' is here
struct ORMC_TABLE() AccountHistory {
  ORMC_ID() std::int64_t id = 0;
};
