// A list partition added to a partitioned table with rows: the rows of its values move from the default partition into it, none lost; SQLite keeps a plain table, so its migration has no statement: version 1.
#include <cstdint>
#include <ormc/annotations.hpp>
#include <string>

namespace ship {
struct ORMC_TABLE(partition_by = "list(region)") ORMC_PARTITION(name = eu, values = "de, fr") Shipment {
  ORMC_ID() std::string region;
  ORMC_ID() std::int64_t id = 0;
  std::string item;
};
} // namespace ship
