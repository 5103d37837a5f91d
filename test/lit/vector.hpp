// std::vector<float> and std::array<float, N> members marked ormc:vector(dim=N) are vector
// columns: REAL[] of one dimension on PostgreSQL and a BLOB of 4-byte floats on SQLite, each
// held to its dimension by a CHECK; storage=pgvector makes pgvector's vector(N), which an HNSW
// or IVFFlat index with one of pgvector's operator classes serves.
// RUN: %ormc --emit=ir %s -- %flags | FileCheck %s --check-prefix=IR
// RUN: %ormc --emit=sqlite %s -- %flags | FileCheck %s --check-prefix=SQLITE
// RUN: %ormc --emit=sqlite %s -- %flags | %sqlite3 :memory:
// RUN: %ormc --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PG
// RUN: %ormc --pgvector --emit=postgresql %s -- %flags | FileCheck %s --check-prefix=PGVECTOR
// RUN: rm -rf %t && mkdir %t && %ormc --output-dir %t %s -- %flags && FileCheck %s --check-prefix=CPP < %t/vector.ormc.hpp
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <ormc/annotations.hpp>
#include <vector>

struct ORMC_TABLE() Chunk {
  ORMC_ID() std::int64_t id = 0;
  ORMC_VECTOR(dim = 384) std::vector<float> embedding;
  ORMC_VECTOR() std::optional<std::array<float, 3>> position;
  ORMC_VECTOR(dim = 4, storage = pgvector) std::vector<float> sketch;
};
struct ORMC_TABLE() ORMC_INDEX(point, method = hnsw, opclass = vector_cosine_ops) Sketch {
  ORMC_ID() std::int64_t id = 0;
  ORMC_VECTOR(storage = pgvector) std::array<float, 2> point;
};

// IR:      "member": "embedding",
// IR:      "kind": "vector",
// IR-NEXT: "dimension": 384,
// IR:      "member": "position",
// IR:      "dimension": 3,
// IR:      "nullable": true,
// IR:      "member": "sketch",
// IR:      "storage": "pgvector",

// SQLITE:      "embedding" BLOB NOT NULL CHECK (length("embedding") = 1536),
// SQLITE-NEXT: "position" BLOB CHECK (length("position") = 12),
// SQLITE-NEXT: "sketch" BLOB NOT NULL CHECK (length("sketch") = 16)
// SQLITE-NOT: CREATE INDEX

// PG:      CREATE EXTENSION IF NOT EXISTS "vector";
// PG:      "embedding" REAL[] NOT NULL CHECK (array_ndims("embedding") = 1 AND cardinality("embedding") = 384 AND array_position("embedding", NULL) IS NULL),
// PG-NEXT: "position" REAL[] CHECK (array_ndims("position") = 1 AND cardinality("position") = 3 AND array_position("position", NULL) IS NULL),
// PG-NEXT: "sketch" vector(4) NOT NULL
// PG:      "point" vector(2) NOT NULL
// PG:      CREATE INDEX IF NOT EXISTS "idx_sketch_point" ON "sketch" USING hnsw ("point" vector_cosine_ops);

// PGVECTOR:      CREATE EXTENSION IF NOT EXISTS "vector";
// PGVECTOR:      "embedding" vector(384) NOT NULL,
// PGVECTOR-NEXT: "position" vector(3),
// PGVECTOR-NEXT: "sketch" vector(4) NOT NULL

// CPP:      struct embedding_ : ormc::column<embedding_, ::Chunk, decltype(::Chunk::embedding)> {
// CPP:        static constexpr std::size_t dimension = 384;
// CPP:      struct sketch_ : ormc::column<sketch_, ::Chunk, decltype(::Chunk::sketch), ormc::Storage::pgvector> {
// CPP:      if (ormc::detail::dimension_differs(row.embedding, 384))
// CPP-NEXT:   violations.push_back({"embedding", R"sql(must hold 384 floats)sql"});
