SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
DROP POLICY IF EXISTS "ormc_tenant" ON "ticket";
ALTER TABLE "ticket" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "ticket" DISABLE ROW LEVEL SECURITY;
