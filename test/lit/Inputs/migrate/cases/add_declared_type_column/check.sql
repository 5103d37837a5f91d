UPDATE "customer" SET "city" = 'Paris';
SELECT "name", "city" FROM "customer";
