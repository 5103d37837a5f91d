// The distance functions nearest() calls on SQLite, registered on every connection the runtime
// opens: ormc_l2_distance(a, b), ormc_cosine_distance(a, b), ormc_negative_inner_product(a, b),
// each over two BLOBs of little-endian floats (a vector column's storage).
#pragma once

struct sqlite3;

namespace ormc::sqlite {

/// Registers the functions on `db`; false when SQLite refused one.
bool register_vector_functions(sqlite3* db);

} // namespace ormc::sqlite
