-- shop.sqlite.sql as PostgreSQL applications write it: identity and serial keys, types ormc
-- has no C++ type for (inet, uuid, numeric without digits, char(n)), json and jsonb.
CREATE TABLE customer (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(320) NOT NULL UNIQUE,
    "order" integer NOT NULL DEFAULT 0,
    active boolean NOT NULL DEFAULT true,
    born date,
    note varchar(40) DEFAULT 'it''s new',
    balance numeric(12,2) NOT NULL DEFAULT 0,
    score double precision,
    avatar bytea,
    created timestamptz DEFAULT now(),
    seen_from inet,
    token uuid,
    rating numeric,
    country char(2),
    prefs jsonb,
    raw json
);
CREATE INDEX customer_lower_email ON customer (lower(email));
CREATE TABLE transfer (
    id serial PRIMARY KEY,
    from_customer bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    to_customer bigint NOT NULL REFERENCES customer (id),
    amount numeric(12,2) NOT NULL,
    booked timestamp(0) without time zone NOT NULL
);
CREATE INDEX transfer_from ON transfer (from_customer, to_customer);
CREATE TABLE shelf (
    aisle integer NOT NULL,
    slot text NOT NULL,
    label text,
    PRIMARY KEY (slot, aisle)
);
CREATE TABLE stock (
    id integer PRIMARY KEY,
    aisle integer NOT NULL,
    slot text NOT NULL,
    FOREIGN KEY (slot, aisle) REFERENCES shelf (slot, aisle)
);
CREATE TABLE event_log (at text, what text);
