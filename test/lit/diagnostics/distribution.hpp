// The rules of a distributed PostgreSQL engine (Citus), checked before any DDL is written: each
// is a located error naming the table, the column and what to do.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <string>

// CHECK-DAG: distribution.hpp:[[@LINE+1]]:8: error: distribute_by: 'tenent' is not a data member of 'Typo'; did you mean 'tenant'? [unknown-member]
struct ORMC_TABLE(distribute_by = tenent) Typo {
  ORMC_ID() std::int64_t tenant = 0;
};

// CHECK-DAG: distribution.hpp:[[@LINE+1]]:39: note: 'Tenant' is here
struct ORMC_TABLE(distribute_by = id) Tenant {
  // CHECK-DAG: distribution.hpp:[[@LINE+1]]:34: note: 'Tenant''s distribution column is here
  ORMC_ID(assigned) std::int64_t id = 0;
};

// CHECK-DAG: distribution.hpp:[[@LINE+1]]:8: error: the primary key of distributed table 'invoice' must include its distribution column 'tenant_id': the engine enforces a key within one shard only; mark 'tenant_id' ormc:id too (a composite key) [distribution-key]
struct ORMC_TABLE(distribute_by = tenant_id) Invoice {
  // CHECK-DAG: distribution.hpp:[[@LINE+1]]:26: note: the key is here
  ORMC_ID() std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  // CHECK-DAG: distribution.hpp:[[@LINE+1]]:35: error: unique column 'number' of distributed table 'invoice' must include its distribution column 'tenant_id': declare ormc:unique(tenant_id, number) on the struct instead [distribution-key]
  ORMC_COLUMN(unique) std::string number;
};

// CHECK-DAG: distribution.hpp:[[@LINE+1]]:8: error: distribution column 'region' of 'Shipment' cannot be std::optional: the engine places each row by its value, and a NULL has none [distribution-column]
struct ORMC_TABLE(distribute_by = region) Shipment {
  // CHECK-DAG: distribution.hpp:[[@LINE+1]]:40: error: primary key 'region' cannot be std::optional [nullable-primary-key]
  ORMC_ID() std::optional<std::string> region;
  ORMC_ID() std::int64_t id = 0;
};

// CHECK-DAG: distribution.hpp:[[@LINE+1]]:8: error: 'Tag' is distributed by 'label' of type 'std::string', and 'Tenant' by 'id' of type 'std::int64_t': colocated tables hash values of one type [distribution-colocation]
struct ORMC_TABLE(distribute_by = label, colocate_with = Tenant) Tag {
  ORMC_ID() std::string label;
};

// CHECK-DAG: distribution.hpp:[[@LINE+1]]:8: error: versioned table 'ledger' cannot be a reference table: its history triggers write a table the engine does not place with the rows' shards [distribution-versioned]
struct ORMC_TABLE(reference, versioned) Ledger {
  ORMC_ID() std::int64_t id = 0;
};

// CHECK-DAG: distribution.hpp:[[@LINE+1]]:21: note: 'Office' is here
struct ORMC_TABLE() Office {
  ORMC_ID() std::int64_t id = 0;
};

struct ORMC_TABLE(distribute_by = tenant_id) Desk {
  ORMC_ID() std::int64_t tenant_id = 0;
  ORMC_ID() std::int64_t id = 0;
  // CHECK-DAG: distribution.hpp:[[@LINE+1]]:3: error: the foreign key from distributed table 'desk' to local table 'office' cannot be enforced by the engine: make 'Office' a reference table or distribute it [distribution-foreign-key]
  ORMC_BELONGS_TO(Office) std::int64_t office_id = 0;
  // CHECK-DAG: distribution.hpp:[[@LINE+1]]:3: error: the foreign key from distributed table 'desk' to distributed table 'tenant' must pair its distribution column 'tenant_id' with 'id': the engine checks a foreign key within one shard; reference a composite key that includes 'id' [distribution-foreign-key]
  ORMC_BELONGS_TO(Tenant) std::int64_t owner_id = 0;
};

// CHECK-DAG: distribution.hpp:[[@LINE+1]]:39: error: the join table 'chair_office' of distributed table 'chair' would be a local table referencing it; join through a distributed model (through=...) that includes 'id' [distribution-join-table]
struct ORMC_TABLE(distribute_by = id) ORMC_MANY_TO_MANY(Office) Chair {
  ORMC_ID() std::int64_t id = 0;
};
