DELETE FROM "shelf" WHERE "aisle" = 'B';
SELECT b."title", coalesce(s."room", '-') FROM "book" b LEFT JOIN "shelf" s ON s."aisle" = b."aisle" AND s."slot" = b."slot" ORDER BY b."id";
