SET standard_conforming_strings = on;
SET LOCAL lock_timeout = '5s';
DROP TABLE IF EXISTS "invoice";
SELECT undistribute_table('"project"');
SELECT undistribute_table('"company"');
SELECT undistribute_table('"country"');
