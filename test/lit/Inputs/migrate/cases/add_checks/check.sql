SELECT "id", "stock", "reserved" FROM "item";
