// The whole ormc runtime in one include, for programs that use generated code.
#pragma once

#include <ormc/cluster.hpp>
#include <ormc/database.hpp>
#include <ormc/distribution.hpp>
#include <ormc/error.hpp>
#include <ormc/migrate.hpp>
#include <ormc/model.hpp>
#include <ormc/pool.hpp>
#include <ormc/raw_sql.hpp>
#include <ormc/table.hpp>
#include <ormc/transaction.hpp>
