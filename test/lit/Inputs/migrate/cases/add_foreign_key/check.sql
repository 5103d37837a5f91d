UPDATE "book" SET "shelf_id" = 1;
SELECT b."title", s."room" FROM "book" b JOIN "shelf" s ON s."id" = b."shelf_id";
