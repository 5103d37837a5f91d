// ormc:vector: a std::vector<float> with its dimension, or a std::array<float, N> (whose N is
// its dimension), of at most 16000 floats.
// RUN: not %ormc --emit=ir %s -- %flags 2>&1 | FileCheck %s
#pragma once
#include <array>
#include <cstdint>
#include <ormc/annotations.hpp>
#include <vector>

struct ORMC_TABLE() Embedding {
  ORMC_ID() std::int64_t id = 0;
  // CHECK-DAG: vector.hpp:[[@LINE+1]]:44: error: ormc:vector on 'doubles' of type 'std::vector<double>': a vector is a std::vector<float> or a std::array<float, N> [vector-column]
  ORMC_VECTOR(dim = 3) std::vector<double> doubles;
  // CHECK-DAG: vector.hpp:[[@LINE+1]]:36: error: vector 'unsized' needs its dimension: ormc:vector(dim=N), the floats each value holds [vector-dimension]
  ORMC_VECTOR() std::vector<float> unsized;
  // CHECK-DAG: vector.hpp:[[@LINE+1]]:45: error: ormc:vector(dim=4) on 'mismatched', a std::array of 3 floats [vector-dimension]
  ORMC_VECTOR(dim = 4) std::array<float, 3> mismatched;
  // CHECK-DAG: vector.hpp:[[@LINE+1]]:47: error: vector 'huge' of 16001 dimensions; at most 16000 (pgvector's limit, kept on every storage) [vector-dimension]
  ORMC_VECTOR(dim = 16001) std::vector<float> huge;
};
