// pgvector's vector(N) (storage=pgvector), with an HNSW index for cosine distance: the models of
// test/unit/pgvector/pgvector_test.cpp, a PostgreSQL with the `vector` extension only.
#pragma once

#include <array>
#include <cstdint>
#include <ormc/annotations.hpp>
#include <vector>

namespace pgv {

struct ORMC_TABLE() ORMC_INDEX(embedding, method = hnsw, opclass = vector_cosine_ops) Snippet {
  ORMC_ID() std::int64_t id = 0;
  ORMC_VECTOR(dim = 4, storage = pgvector) std::vector<float> embedding;
  ORMC_VECTOR(storage = pgvector) std::array<float, 2> point{};
};

} // namespace pgv
