SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
ALTER TABLE "ticket" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ticket" FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS "ormc_tenant" ON "ticket";
CREATE POLICY "ormc_tenant" ON "ticket" USING ("desk" = NULLIF(current_setting('ormc.tenant', true), '')) WITH CHECK ("desk" = NULLIF(current_setting('ormc.tenant', true), ''));
