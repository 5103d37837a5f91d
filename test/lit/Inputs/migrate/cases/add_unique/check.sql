SELECT a."email", b."title" FROM "author" a JOIN "book" b ON b."author_id" = a."id" ORDER BY b."id";
