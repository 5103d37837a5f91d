// A vector is searched by distance: no unique, index or default; storage=pgvector is a vector's;
// pgvector's index methods index one pgvector column with the operator class of a metric.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <cstdint>
#include <ormc/annotations.hpp>
#include <vector>

struct ORMC_TABLE() ORMC_INDEX(plain, method = hnsw, opclass = vector_l2_ops)
    ORMC_INDEX(fine, method = ivfflat) Embedding {
  ORMC_ID() std::int64_t id = 0;
  // CHECK-DAG: vector-rules.hpp:[[@LINE+1]]:63: error: vector 'unique' is searched by distance with nearest(); unique, index, default and belongs_to do not apply to it [vector-column]
  ORMC_VECTOR(dim = 2) ORMC_COLUMN(unique) std::vector<float> unique;
  // CHECK-DAG: vector-rules.hpp:[[@LINE+1]]:48: error: storage=pgvector on 'count': {{.*}}pgvector to vectors; 'count' has type 'std::int64_t' [storage-type]
  ORMC_COLUMN(storage = pgvector) std::int64_t count = 0;
  ORMC_VECTOR(dim = 2) std::vector<float> plain;
  ORMC_VECTOR(dim = 2, storage = pgvector) std::vector<float> fine;
};
// CHECK-DAG: vector-rules.hpp:9:21: error: hnsw (pgvector) indexes one vector column with storage=pgvector; idx_embedding_plain does not [index-definition]
// CHECK-DAG: vector-rules.hpp:10:5: error: ivfflat needs the operator class of nearest()'s metric: opclass=vector_l2_ops, vector_cosine_ops or vector_ip_ops [index-definition]
