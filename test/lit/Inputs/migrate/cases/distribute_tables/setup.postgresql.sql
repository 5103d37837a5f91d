\ir ../../../citus-stubs.sql
