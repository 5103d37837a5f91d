SELECT v."id", v."title", r."text" FROM "volume" v JOIN "review" r ON r."book_id" = v."id" ORDER BY v."id";
