-- A schema made by hand, the way SQLite applications write them: snake_case names, a reserved
-- word as a name, defaults, a UNIQUE constraint, indexes ormc cannot say, a foreign key
-- without an index, two references to one table, a composite foreign key, a table without a key.
CREATE TABLE customer (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    "order" INTEGER NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT 1,
    born DATE,
    note VARCHAR(40) DEFAULT 'it''s new',
    balance DECIMAL(12,2) NOT NULL DEFAULT 0,
    score REAL,
    avatar BLOB,
    created TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX customer_lower_email ON customer (lower(email));
CREATE INDEX customer_active ON customer (email) WHERE active;
CREATE TABLE transfer (
    id INTEGER PRIMARY KEY,
    from_customer INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    to_customer INTEGER NOT NULL REFERENCES customer (id),
    amount DECIMAL(12,2) NOT NULL
);
CREATE INDEX transfer_from ON transfer (from_customer, to_customer);
CREATE TABLE shelf (
    aisle INTEGER NOT NULL,
    slot TEXT NOT NULL,
    label TEXT,
    PRIMARY KEY (slot, aisle)
);
CREATE TABLE stock (
    id INTEGER PRIMARY KEY,
    aisle INTEGER NOT NULL,
    slot TEXT NOT NULL,
    FOREIGN KEY (slot, aisle) REFERENCES shelf (slot, aisle)
);
CREATE TABLE event_log (at TEXT, what TEXT);
